/**
 * The rules of art. 3.7, one detector per category. Each turns lexicon hits plus context into
 * findings; the target decides (harsh words about a ruling are criticism, about a person an
 * insult), hedges and reporting verbs defuse accusations, quoting a word to condemn it or
 * asking the admin to remove something is never itself removed.
 */
import {
  F_DEMO,
  F_META,
  F_NAMED,
  F_PERSON,
  F_SECOND,
  F_SELFREF,
  F_TARGET,
  F_THING,
  F_TITLE,
  anyFlag,
  hitsOf,
  nearest,
  type Ctx,
  type Hit,
} from './moderation.context.js';
import { PUNCT, WORD } from './moderation.text.js';
void PUNCT;
import type { ModerationCategory } from './moderation.types.js';

/** One finding of a detector. */
export interface Finding {
  category: ModerationCategory;
  rule: string;
  severity: 'remove' | 'review';
  /** Token span shown to the officer. */
  t0: number;
  t1: number;
  /** Original offsets when the span is not a token span (links). */
  os?: number;
  oe?: number;
}

const COPULA = new Set(['je', 'eshte', 'jane', 'jeni', 'is', 'are', 'was', 'were', 'su', 'ste', 'bio', 'bila', 'ishte', 'very', 'so', 'sasvim', 'shume', 'totalno', 'krejt', 'potpuno']);

function f(category: ModerationCategory, rule: string, severity: Finding['severity'], h: { t0: number; t1: number }): Finding {
  return { category, rule, severity, t0: h.t0, t1: h.t1 };
}

/** Quoted with talk about words, or right after "don't call them…" / "remove…": not an insult itself. */
function condemned(ctx: Ctx, h: Hit): boolean {
  const toks = ctx.p.toks;
  if (toks[h.t0]!.quoted && ctx.hasMeta) return true;
  const s = toks[h.t0]!.sent;
  for (let i = h.t0 - 1; i >= Math.max(0, h.t0 - 6); i--) {
    if (toks[i]!.sent !== s) break;
    if ((ctx.flags[i]! & F_META) !== 0) return true;
  }
  return false;
}

/** A surname that looks like an insult ("Maloku" ~ malok, "Budalić"), or the writer about him/herself. */
function selfRef(ctx: Ctx, h: Hit): boolean {
  if ((ctx.flags[h.t0]! & F_NAMED) !== 0 && h.t0 === h.t1) return true;
  const toks = ctx.p.toks;
  const c = toks[h.t0]!.clause;
  for (let i = h.t0 - 1; i >= Math.max(0, h.t0 - 5); i--) {
    if (toks[i]!.clause !== c) break;
    if ((ctx.flags[i]! & F_SELFREF) !== 0) return true;
  }
  return false;
}

/** The nearest content word (skipping copulas/articles) next to the hit is a ruling/decision/law. */
function thingAdjacent(ctx: Ctx, h: Hit): boolean {
  const toks = ctx.p.toks;
  for (const dir of [-1, 1]) {
    let i = dir < 0 ? h.t0 - 1 : h.t1 + 1;
    let steps = 0;
    while (toks[i] && toks[i]!.kind === WORD && COPULA.has(toks[i]!.norm) && steps < 2) {
      i += dir;
      steps++;
    }
    if (toks[i] && toks[i]!.kind === WORD && (ctx.flags[i]! & F_THING) !== 0) return true;
  }
  return false;
}

const ARTICLES = new Set(['nje', 'një', 'nji', 'a', 'an', 'the', 'jedna', 'jedan', 'jedno', 'obicna', 'obican', 'real', 'total', 'complete', 'absolute']);

/**
 * "X është një kafshë", "presuda je glupa", "the registrar is a cow": for a predicate after a
 * copula, the subject of the clause decides — 'person', 'thing' or null when there is no copula.
 */
function copulaSubject(ctx: Ctx, h: Hit): 'person' | 'thing' | null {
  const toks = ctx.p.toks;
  let i = h.t0 - 1;
  let k = 0;
  while (toks[i] && toks[i]!.kind === WORD && ARTICLES.has(toks[i]!.norm) && k < 2) {
    i--;
    k++;
  }
  const cop = toks[i];
  if (!cop || cop.kind !== WORD || !COPULA.has(cop.norm) || ARTICLES.has(cop.norm)) return null;
  const clause = toks[h.t0]!.clause;
  let start = i;
  while (start > 0 && toks[start - 1]!.clause === clause && i - start < 10) start--;
  for (let j = start; j < i; j++) {
    const fl = ctx.flags[j]!;
    if ((fl & F_DEMO) !== 0 && (ctx.flags[j + 1]! & (F_THING | F_TITLE)) !== 0) continue; // "ky vendim", "ova sudinica"
    if ((fl & F_THING) !== 0 && (fl & (F_TITLE | F_NAMED)) === 0) return 'thing';
    if ((fl & F_TARGET) !== 0) return 'person';
  }
  return null;
}

function vocativeO(ctx: Ctx, h: Hit): boolean {
  const prev = ctx.p.toks[h.t0 - 1];
  return !!prev && (prev.norm === 'o' || prev.norm === 'ej' || prev.norm === 'bre' || prev.norm === 'hej');
}

/** Insults: derogatory person nouns, harsh words aimed at a person, animals, directed curses. */
export function detectInsult(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  for (const h of hitsOf(ctx, 'insult', 'person')) {
    if (condemned(ctx, h) || selfRef(ctx, h)) continue;
    const subject = copulaSubject(ctx, h);
    if (subject === 'thing') continue;
    if (subject === null && thingAdjacent(ctx, h) && nearest(ctx, h, F_TITLE | F_SECOND | F_NAMED | F_PERSON, 4, true) === Infinity) continue;
    out.push(f('insult', 'insult.person-term', 'remove', h));
  }
  for (const h of hitsOf(ctx, 'insult', 'curse')) {
    if (condemned(ctx, h)) continue;
    out.push(f('insult', 'insult.curse', 'remove', h));
  }
  for (const h of hitsOf(ctx, 'insult', 'evaluative')) {
    if (condemned(ctx, h) || selfRef(ctx, h)) continue;
    const subject = copulaSubject(ctx, h);
    const dT = nearest(ctx, h, F_TARGET, 6);
    const dX = nearest(ctx, h, F_THING, 6);
    const aimed = subject !== null ? subject === 'person' : dT <= 6 && dT < dX;
    if (aimed || vocativeO(ctx, h)) out.push(f('insult', 'insult.aimed-at-person', 'remove', h));
  }
  for (const h of hitsOf(ctx, 'insult', 'animal')) {
    if (condemned(ctx, h) || selfRef(ctx, h)) continue;
    const dT = nearest(ctx, h, F_TARGET, 3, true);
    const toks = ctx.p.toks;
    const institutionAfter = [1, 2].some((d) => {
      const i = h.t1 + d;
      return toks[i]?.kind === WORD && toks[i]!.clause === toks[h.t1]!.clause && (ctx.flags[i]! & F_THING) !== 0;
    });
    const subject = copulaSubject(ctx, h);
    if (subject === 'thing') continue;
    if (subject === 'person' || dT <= 3 || vocativeO(ctx, h) || institutionAfter) out.push(f('insult', 'insult.animal', 'remove', h));
  }
  for (const h of hitsOf(ctx, 'insult', 'profanity')) {
    if (condemned(ctx, h)) continue;
    if (nearest(ctx, h, F_SECOND | F_TITLE | F_NAMED, 2, true) <= 2) out.push(f('insult', 'insult.profanity-at-person', 'remove', h));
  }
  return out;
}

/** Slurs: always removed unless quoted to condemn them. */
export function detectSlur(ctx: Ctx): Finding[] {
  return hitsOf(ctx, 'slur', 'slur')
    .filter((h) => !condemned(ctx, h))
    .map((h) => f('slur', 'slur.term', 'remove', h));
}

/** "should", "treba", "duhen": a violent verb after these is a call to violence. */
const MODAL = new Set(['should', 'must', 'treba', 'trebalo', 'trebaju', 'moraju', 'duhet', 'duhen', 'meritojne', 'zasluzuju', 'deserve', 'deserves', 'lets', 'hajde', 'ajde', 'le']);

const THREAT_EMOJI = new Set(['💣', '🔪', '🔫', '🪓', '⚰', '⚰️', '🩸', '🧨', '☠', '☠️']);

function reportedInSentence(ctx: Ctx, h: Hit): boolean {
  const s = ctx.p.toks[h.t0]!.sent;
  return hitsOf(ctx, 'defamation', 'report').some((r) => ctx.p.toks[r.t0]!.sent === s);
}

/** Threats: explicit formulas, or veiled-threat cues adding up around a person. */
export function detectThreat(ctx: Ctx): Finding[] {
  const phrases = hitsOf(ctx, 'threat', 'phrase').filter((h) => !condemned(ctx, h));
  if (phrases.length > 0) return [f('threat', 'threat.phrase', 'remove', phrases[0]!)];
  let score = 0;
  let strongest: Hit | undefined;
  let armed = false;
  const seen = new Set<number>();
  for (const h of hitsOf(ctx, 'threat', 'violence')) {
    if (reportedInSentence(ctx, h) || condemned(ctx, h)) continue;
    const toks = ctx.p.toks;
    let aimed = false;
    for (let i = h.t1 + 1; i <= h.t1 + 3 && i < toks.length; i++) if ((ctx.flags[i]! & F_TARGET) !== 0) aimed = true;
    const modal = [1, 2].some((d) => MODAL.has(toks[h.t0 - d]?.norm ?? ''));
    if (!aimed && !modal) continue;
    score += modal && anyFlag(ctx, F_TARGET) ? 2 : 1;
    armed = true;
    strongest ??= h;
  }
  for (const h of hitsOf(ctx, 'threat', 'weapon')) {
    if (reportedInSentence(ctx, h) || condemned(ctx, h) || seen.has(h.e.id)) continue;
    seen.add(h.e.id);
    score += 1;
    armed = true;
    strongest ??= h;
  }
  for (const h of hitsOf(ctx, 'threat', 'cue')) {
    if (seen.has(h.e.id) || condemned(ctx, h)) continue;
    seen.add(h.e.id);
    score += 1;
    strongest ??= h;
  }
  if (ctx.p.emoji.some((e) => THREAT_EMOJI.has(e))) score += 1;
  if (score === 0 || !strongest) return [];
  const target = anyFlag(ctx, F_TARGET | F_THING);
  if (score >= 2 && target) return [f('threat', 'threat.veiled', 'remove', strongest)];
  if (armed && target) return [f('threat', 'threat.uncertain', 'review', strongest)];
  return [];
}

const MONEY_RE = / \d+(?: [,.] \d{3})*(?: (?:mije|mij|hiljada|hiljade|thousand|k))? (?:euro|euros|eur|evra|eura|€|dollars|usd|\$|franga|denara) /g;
const TRANSFER = new Set(['took', 'taken', 'received', 'accepted', 'got', 'paid', 'gave', 'mori', 'marre', 'paguar', 'pagoi', 'dha', 'dhene', 'uzeo', 'uzela', 'primio', 'primila', 'dao', 'dala', 'platio', 'platila', 'dobio', 'dobila']);

/** "took 20,000 euros", "i ka paguar 15 mijë euro", "primio 5000 evra": money changing hands. */
function moneyTransfers(ctx: Ctx): Hit[] {
  const out: Hit[] = [];
  const { match, posTok, toks } = ctx.p;
  MONEY_RE.lastIndex = 0;
  for (let m = MONEY_RE.exec(match); m && out.length < 5; m = MONEY_RE.exec(match)) {
    const t0 = posTok[m.index + 1]!;
    const t1 = posTok[m.index + m[0].length - 2]!;
    if (t0 < 0 || t1 < 0) continue;
    const sent = toks[t0]!.sent;
    let verb = false;
    for (let i = Math.max(0, t0 - 8); i <= Math.min(toks.length - 1, t1 + 4); i++) if (toks[i]!.sent === sent && TRANSFER.has(toks[i]!.norm)) verb = true;
    if (verb) out.push({ e: { id: -1, lang: 'en', category: 'defamation', role: 'crime', term: 'money transfer', file: '', strictLang: false }, t0, t1 });
    MONEY_RE.lastIndex = m.index + 1;
  }
  return out;
}

/** Defamation: a specific accusation of a crime/serious misconduct against a named person, stated as fact. */
export function detectDefamation(ctx: Ctx): Finding[] {
  const toks = ctx.p.toks;
  const crimes = [...hitsOf(ctx, 'defamation', 'crime'), ...moneyTransfers(ctx)].filter((h) => !ctx.question.has(toks[h.t0]!.sent) && !reportedInSentence(ctx, h) && !condemned(ctx, h));
  if (crimes.length === 0) return [];
  const hedged = hitsOf(ctx, 'defamation', 'hedge').length > 0;
  const asserted = hitsOf(ctx, 'defamation', 'assert').length > 0;
  const lastSent = toks.length > 0 ? toks[toks.length - 1]!.sent : 0;
  for (const h of crimes) {
    const s = toks[h.t0]!.sent;
    let named = false;
    let titled = false;
    for (let i = 0; i < toks.length; i++) {
      const ts = toks[i]!.sent;
      const near = ts === s || ts === s - 1 || lastSent <= 2;
      if (!near) continue;
      if ((ctx.flags[i]! & F_NAMED) !== 0) named = true;
      if ((ctx.flags[i]! & (F_TITLE | F_SECOND)) !== 0) titled = true;
    }
    if (named && !hedged) return [f('defamation', 'defamation.named-accusation', 'remove', h)];
    if (named && hedged && asserted) return [f('defamation', 'defamation.mixed', 'review', h)];
    if (!named && titled && asserted && !hedged) return [f('defamation', 'defamation.unnamed-accusation', 'review', h)];
  }
  return [];
}

const TIME_RE = / (?:\d{1,2} : \d{2}|(?:at|ne|u|ora|oko|rreth|around|pas|after|before|para) \d{1,2}(?: (?:am|pm|h|sati|sat))?) /;

/** Doxxing: where a judge, staff member, witness or their family can be found; with an invitation also a threat. */
export function detectDoxxing(ctx: Ctx): Finding[] {
  const roles = ['home', 'work', 'routine', 'place', 'vehicle'] as const;
  const present = new Map<string, Hit>();
  for (const r of roles) {
    const hs = hitsOf(ctx, 'doxxing', r);
    if (hs.length > 0) present.set(r, hs[0]!);
  }
  const time = TIME_RE.test(ctx.p.match);
  const kinds = present.size + (time ? 1 : 0);
  if (kinds < 2 || !(present.has('home') || present.has('place') || present.has('vehicle'))) return [];
  const family = hitsOf(ctx, 'doxxing', 'family').length > 0;
  const person = anyFlag(ctx, F_TITLE | F_NAMED) || family;
  if (!person || ctx.hasMeta) return [];
  const first = present.get('home') ?? present.get('routine') ?? present.get('work') ?? present.get('place')!;
  const out = [f('doxxing', 'doxxing.location', 'remove', first)];
  const invite = hitsOf(ctx, 'doxxing', 'invite')[0];
  const alone = hitsOf(ctx, 'threat', 'cue').find((h) => /bez|without|pa /.test(h.e.term));
  if (invite) out.push(f('threat', 'threat.invitation', 'remove', invite));
  else if (alone) out.push(f('threat', 'threat.invitation', 'remove', alone));
  return out;
}

const URL_RE = /(?:https?:\/\/|www\.)\S+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|shop|store|club|xyz|online|site|top|io|app|link|ly|me|co|bet|casino|vip|win|live|pro|ks|rs|al|mk|eu)\b/;
const PHONE_RE = /(?:\+|00)\d[\d ]{7,}\d|\b0\d{2}[ -]?\d{3}[ -]?\d{3,4}\b/;

/** Spam: ads, shop links, gambling/crypto, phishing, "earn money". */
export function detectSpam(ctx: Ctx): Finding[] {
  const nt = ctx.p.nt.text;
  const url = URL_RE.exec(nt);
  const phone = PHONE_RE.test(nt);
  const distinct = (role: string): Hit[] => {
    const ids = new Set<number>();
    return hitsOf(ctx, 'spam', role).filter((h) => !ids.has(h.e.id) && ids.add(h.e.id));
  };
  const c = distinct('commercial');
  const s = distinct('strong');
  const ph = distinct('phishing');
  const k = distinct('contact');
  const cues = c.length + s.length + ph.length + k.length;
  const score = (url ? 2 : 0) + (phone ? 1 : 0) + c.length + 2 * s.length + 2 * ph.length + k.length;
  const first = ph[0] ?? s[0] ?? c[0] ?? k[0];
  if (url && cues >= 1) {
    const os = ctx.p.nt.starts[url.index] ?? 0;
    const oe = ctx.p.nt.ends[url.index + url[0].length - 1] ?? os;
    return [{ category: 'spam', rule: 'spam.link-with-sales', severity: 'remove', t0: 0, t1: 0, os, oe }];
  }
  if (first && score >= 3 && cues >= 2) return [f('spam', 'spam.sales-cues', 'remove', first)];
  if (first && score >= 3) return [f('spam', 'spam.possible', 'review', first)];
  return [];
}
