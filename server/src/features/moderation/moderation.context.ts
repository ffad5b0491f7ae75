/**
 * Matching and context: runs the lexicon automaton over a prepared comment, keeps the longest
 * hit per category, and marks per token who/what is being talked about (titles, named persons,
 * "you", rulings…), which the detectors use to decide whether a harsh word is aimed at a person.
 */
import type { Lexicon } from './moderation.lexicon.js';
import { PUNCT, WORD, type Prepared } from './moderation.text.js';
import type { LexiconEntry, ModerationLang } from './moderation.types.js';

/** One lexicon hit over tokens t0..t1 (inclusive). */
export interface Hit {
  e: LexiconEntry;
  t0: number;
  t1: number;
}

export const F_TITLE = 1;
export const F_PERSON = 2;
export const F_SECOND = 4;
export const F_DEMO = 8;
export const F_THING = 16;
export const F_META = 32;
export const F_SELFREF = 64;
export const F_NAMED = 128;
/** A verb of saying/naming/writing ("called", "e quajti", "nazvao", "writing"): defuses a quoted term in its sentence. */
export const F_SPEECH = 256;
/** Anything that makes a harsh word "aimed at a person". */
export const F_TARGET = F_TITLE | F_PERSON | F_SECOND | F_NAMED | F_DEMO;

/** Everything the detectors need about one comment. */
export interface Ctx {
  p: Prepared;
  lang: ModerationLang | 'und';
  hits: Hit[];
  /** hits by `${category}.${role}` */
  by: Map<string, Hit[]>;
  flags: Uint16Array;
  /** sentence index → ends with a question mark */
  question: Set<number>;
  hasMeta: boolean;
  /** Someone asks the admin to remove / report something (defuses doxxing). */
  hasRequest: boolean;
}

const MAX_HITS = 3000;

/** Run the automaton; verify multi-stem phrases; longest hit wins within a category. */
export function findHits(lex: Lexicon, p: Prepared): Hit[] {
  const raw: Hit[] = [];
  const { match, posTok, toks } = p;
  lex.automaton.search(match, (pid, start, end) => {
    if (raw.length >= MAX_HITS) return;
    const t0 = posTok[start + 1]!;
    let t1 = posTok[end - 1]!;
    if (t1 < 0) t1 = posTok[end - 2]!;
    if (t0 < 0 || t1 < 0) return;
    const rest = lex.patternRest[pid];
    if (rest) {
      for (const w of rest) {
        const tk = toks[t1 + 1];
        if (!tk || !(w.stem ? tk.norm.startsWith(w.text) : tk.norm === w.text)) return;
        t1++;
      }
    }
    raw.push({ e: lex.entries[lex.patternEntry[pid]!]!, t0, t1 });
  });
  // longest wins: drop a hit contained in a longer hit of the same category
  raw.sort((a, b) => a.t0 - b.t0 || b.t1 - a.t1);
  const out: Hit[] = [];
  const seen = new Set<string>();
  for (const h of raw) {
    const key = `${h.e.id}:${h.t0}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cat = h.e.category;
    if (cat !== 'context' && out.some((o) => o.e.category === cat && o.t0 <= h.t0 && o.t1 >= h.t1 && o.t1 - o.t0 > h.t1 - h.t0)) continue;
    out.push(h);
  }
  return out;
}

const ROLE_FLAG: Record<string, number> = {
  title: F_TITLE,
  person: F_PERSON,
  second: F_SECOND,
  demonstrative: F_DEMO,
  thing: F_THING,
  meta: F_META,
  request: F_META,
  selfref: F_SELFREF,
  speech: F_SPEECH,
};

/** Capitalised words that are not names (places, institutions, sentence openers). */
const NOT_NAMES = new Set(
  (
    'the a an this that these those i we you my our it in on at of for and but if when why what how who ' +
    'kjo ky kete keta ne nje per dhe por nese pse si cfare kush une ju ti ai ajo sot neser dje ' +
    'ova ovo ovaj ovi taj to ja mi vi on ona oni i u na za ali ako zasto kako ko danas sutra juce ' +
    'kosovo kosova kosoves kosove kosovu kosovska prishtina prishtine prishtines pristina pristini pristine prizren prizrenit prizrena ' +
    'peja peje pec gjakova gjakoves djakovica mitrovica mitrovice mitrovici ferizaj ferizajt urosevac gjilan gjilanit gnjilane podujeve podujevo ' +
    'leposavic leposavicu leposavica gracanica gracanici zvecan zubin potok fushe ' +
    'serbia srbija srbije srbiji albania shqiperi shqiperia europe evropa evropske eu un usa ' +
    'kjc kgjk ssk eulex basic supreme appeals appeal court courts judicial council constitutional commercial ' +
    'gjykata gjykates gjykaten themelore supreme apelit kushtetuese komerciale kushtetuta kushtetutes ' +
    'osnovni apelacioni vrhovni ustavni sudski savet sud suda sudu ustav ustava clan neni article ' +
    'facebook whatsapp viber telegram instagram meta google golf audi bmw mercedes ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'allah zot bog god dr mr mrs ms hell oh ok lol ' +
    // English nouns ending like a Serbian -ić surname ("Justice here is…", "Police…")
    'justice injustice police office notice service practice advice price choice voice device prejudice malice justices offices'
  ).split(' '),
);

function isNameTok(p: Prepared, i: number, flags: Uint16Array): boolean {
  const t = p.toks[i];
  return (
    !!t &&
    t.kind === WORD &&
    t.cap &&
    !t.upper &&
    t.norm.length >= 2 &&
    /^[a-z]/.test(t.norm) &&
    !NOT_NAMES.has(t.norm) &&
    (flags[i]! & (F_THING | F_META)) === 0
  );
}

const AMBIGUOUS_TITLES = new Set(['justice', 'chair', 'counsel']);

const SURNAME = /(?:ic|icu|ica|ice|icem|icevi|icima)$/;

/** Build token flags from context hits and capitalisation (named persons). */
export function buildCtx(p: Prepared, hits: Hit[], lang: ModerationLang | 'und'): Ctx {
  const n = p.toks.length;
  const flags = new Uint16Array(n);
  const by = new Map<string, Hit[]>();
  let hasMeta = false;
  let hasRequest = false;
  for (const h of hits) {
    const key = `${h.e.category}.${h.e.role}`;
    let list = by.get(key);
    if (!list) by.set(key, (list = []));
    list.push(h);
    if (h.e.category === 'context') {
      const f = ROLE_FLAG[h.e.role] ?? 0;
      if (f === F_META) hasMeta = true;
      if (h.e.role === 'request') hasRequest = true;
      // "justice", "chair", "counsel" are also abstract nouns/things: a title only before a name ("Justice Hoxha")
      if (f === F_TITLE && AMBIGUOUS_TITLES.has(h.e.term) && !isNameTok(p, h.t1 + 1, flags)) continue;
      for (let i = h.t0; i <= h.t1; i++) flags[i]! |= f;
    }
  }
  const toks = p.toks;
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (t.kind !== WORD) continue;
    // title + Capitalised word → named person ("Judge Maloku", "gjyqtari Jeton Halili", "sudija Vuković")
    if ((flags[i]! & F_TITLE) !== 0 && !p.shouting && isNameTok(p, i + 1, flags)) {
      flags[i + 1]! |= F_NAMED;
      if (isNameTok(p, i + 2, flags)) flags[i + 2]! |= F_NAMED;
    }
    // two capitalised words in a row → first name + surname
    if (!p.shouting && isNameTok(p, i, flags) && isNameTok(p, i + 1, flags) && (flags[i]! & F_TITLE) === 0) {
      flags[i]! |= F_NAMED;
      flags[i + 1]! |= F_NAMED;
    }
    // Serbian surname by its ending (-ić), also in the vocative (Simiću)
    if ((t.cap || p.shouting) && t.norm.length >= 5 && SURNAME.test(t.norm) && (flags[i]! & F_THING) === 0 && !NOT_NAMES.has(t.norm))
      flags[i]! |= F_NAMED;
    // "Valmir H."
    const nx = toks[i + 1];
    if (
      !p.shouting &&
      isNameTok(p, i, flags) &&
      nx &&
      nx.kind === WORD &&
      nx.norm.length === 1 &&
      nx.upper === false &&
      nx.cap &&
      toks[i + 2]?.norm === '.'
    ) {
      flags[i]! |= F_NAMED;
    }
  }
  const question = new Set<number>();
  for (const t of toks) if (t.kind === PUNCT && t.norm === '?') question.add(t.sent);
  return { p, lang, hits, by, flags, question, hasMeta, hasRequest };
}

/** Hits of `category.role`. */
export function hitsOf(ctx: Ctx, category: string, role: string): Hit[] {
  return ctx.by.get(`${category}.${role}`) ?? [];
}

/** Nearest token (distance in tokens) with any of `mask` within `win` tokens, in the same sentence. */
export function nearest(ctx: Ctx, h: Hit, mask: number, win: number, sameClause = false): number {
  const toks = ctx.p.toks;
  const s0 = toks[h.t0]!;
  const best = Infinity;
  for (let d = 1; d <= win; d++) {
    const a = h.t0 - d;
    const b = h.t1 + d;
    for (const i of [a, b]) {
      const t = toks[i];
      if (!t || t.sent !== s0.sent || (sameClause && t.clause !== s0.clause)) continue;
      if ((ctx.flags[i]! & mask) !== 0 && i !== h.t0) return d;
    }
    if (best !== Infinity) break;
  }
  return best;
}

/** True if a token with `mask` occurs anywhere in the comment. */
export function anyFlag(ctx: Ctx, mask: number): boolean {
  for (let i = 0; i < ctx.flags.length; i++) if ((ctx.flags[i]! & mask) !== 0) return true;
  return false;
}
