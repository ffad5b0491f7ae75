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

const COPULA = new Set(['je', 'eshte', 'jane', 'is', 'are', 'was', 'were', 'su', 'bio', 'bila', 'ishte', 'very', 'so', 'sasvim', 'shume', 'totalno', 'krejt', 'potpuno', 'nje', 'a', 'an', 'jedna', 'jedan']);

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

function vocativeO(ctx: Ctx, h: Hit): boolean {
  const prev = ctx.p.toks[h.t0 - 1];
  return !!prev && (prev.norm === 'o' || prev.norm === 'ej' || prev.norm === 'bre' || prev.norm === 'hej');
}

/** Insults: derogatory person nouns, harsh words aimed at a person, animals, directed curses. */
export function detectInsult(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  for (const h of hitsOf(ctx, 'insult', 'person')) {
    if (condemned(ctx, h) || selfRef(ctx, h)) continue;
    if (thingAdjacent(ctx, h) && nearest(ctx, h, F_TITLE | F_SECOND | F_NAMED | F_PERSON, 4, true) === Infinity) continue;
    out.push(f('insult', 'insult.person-term', 'remove', h));
  }
  for (const h of hitsOf(ctx, 'insult', 'curse')) {
    if (condemned(ctx, h)) continue;
    out.push(f('insult', 'insult.curse', 'remove', h));
  }
  for (const h of hitsOf(ctx, 'insult', 'evaluative')) {
    if (condemned(ctx, h) || selfRef(ctx, h)) continue;
    const dT = nearest(ctx, h, F_TARGET, 6);
    const dX = nearest(ctx, h, F_THING, 6);
    if ((dT <= 6 && dT < dX) || vocativeO(ctx, h)) out.push(f('insult', 'insult.aimed-at-person', 'remove', h));
  }
  for (const h of hitsOf(ctx, 'insult', 'animal')) {
    if (condemned(ctx, h) || selfRef(ctx, h)) continue;
    const dT = nearest(ctx, h, F_TARGET, 3, true);
    const toks = ctx.p.toks;
    const institutionAfter = [1, 2].some((d) => {
      const i = h.t1 + d;
      return toks[i]?.kind === WORD && toks[i]!.clause === toks[h.t1]!.clause && (ctx.flags[i]! & F_THING) !== 0;
    });
    if (dT <= 3 || vocativeO(ctx, h) || institutionAfter) out.push(f('insult', 'insult.animal', 'remove', h));
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
    for (let i = h.t1 + 1; i <= h.t1 + 3 && i < toks.length; i++) if ((ctx.flags[i]! & (F_TARGET & ~F_DEMO)) !== 0 || (ctx.flags[i]! & F_DEMO) !== 0) aimed = true;
    if (!aimed) continue;
    score += 1;
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

/** Defamation: a specific accusation of a crime/serious misconduct against a named person, stated as fact. */
export function detectDefamation(ctx: Ctx): Finding[] {
  const toks = ctx.p.toks;
  const crimes = hitsOf(ctx, 'defamation', 'crime').filter((h) => !ctx.question.has(toks[h.t0]!.sent) && !reportedInSentence(ctx, h) && !condemned(ctx, h));
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
