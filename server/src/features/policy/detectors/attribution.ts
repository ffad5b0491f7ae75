/**
 * Third-party attribution ("the defence argued …", "according to the lawyer …", "sipas avokatit …",
 * "prema rečima branioca …"): an evaluation AFTER such an attribution in the same sentence is the
 * party's, reported by the court, not the court's own view. Shared by `lexicon`, `cooccurrence` and
 * `evaluation` rules (param `attribution`).
 *
 * A reporting verb counts only when its subject is a third party: the nearest subject term (party or
 * own voice) within `window` tokens before the verb — or, when there is none before, within 3 tokens
 * after it ("tha avokati", "said the lawyer") — must be a `parties` term. The institution's own voice
 * ("we", "our", "the court", "Gjykata", "Sud", a judge) or the first person is never lifted.
 * An attribution preposition (`via`: "according to", "sipas", "prema rečima") counts when the nearest
 * subject term within `viaWindow` (3) tokens after it is a party ("according to the defence", not "according to us").
 */
import { z } from 'zod';
import type { CheckContext, Span } from './context.js';

export const attributionParams = z
  .strictObject({
    verbs: z.array(z.string()).default([]),
    via: z.array(z.string()).default([]),
    parties: z.array(z.string()).min(1),
    own: z.array(z.string()).default([]),
    window: z.number().int().min(1).max(20).default(6),
    /** the party must follow an attribution preposition closely ("according to the defence", "prema rečima branioca") */
    viaWindow: z.number().int().min(1).max(20).default(3),
  })
  .optional();

export type AttributionParams = z.infer<typeof attributionParams>;

export function attributionLists(a: AttributionParams): string[] {
  return a ? [...a.verbs, ...a.via, ...a.parties, ...a.own] : [];
}

/** Abbreviations after which a full stop does not end a sentence ("P. nr. 12/25", "Dr. Berisha", "čl. 5"). */
const ABBREV = new Set([
  'nr',
  'br',
  'no',
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'prof',
  'art',
  'cl',
  'sh',
  'pp',
  'vs',
  'etj',
  'itd',
  'tj',
  'npr',
  'ref',
]);

/** Folded words of the base tokens. */
export function tokenWords(ctx: CheckContext): string[] {
  const { tokens } = ctx;
  const words: string[] = new Array(tokens.count);
  for (let i = 0; i < tokens.count; i++) words[i] = ctx.base.text.slice(tokens.starts[i]!, tokens.ends[i]!);
  return words;
}

/**
 * Sentence index of every base token. Ends: '!', '?', ';' or a line break between tokens; a full stop
 * followed by a space after a word of ≥ 4 letters, or before a capital letter unless it follows an
 * initial or an abbreviation ("nr.", "Dr.") — so "20. maj" and "P. nr. 412/25" do not split a sentence,
 * "… 12/25. Restoring …" does.
 */
export function sentenceIds(ctx: CheckContext, words: string[]): Int32Array {
  const { tokens } = ctx;
  const text = ctx.base.text;
  const ids = new Int32Array(tokens.count);
  let id = 0;
  for (let i = 1; i < tokens.count; i++) {
    const gap = text.slice(tokens.ends[i - 1]!, tokens.starts[i]!);
    let end = /[!?;\n]/.test(gap);
    if (!end && /\.\s/.test(gap)) {
      const prev = words[i - 1]!;
      const digits = /^\d+$/.test(prev);
      if (prev.length >= 4 && !digits) end = true;
      else {
        const c = ctx.original.charAt(ctx.base.starts[tokens.starts[i]!]!);
        const capital = c !== c.toLowerCase();
        end = capital && (digits || (prev.length > 1 && !ABBREV.has(prev)));
      }
    }
    if (end) id++;
    ids[i] = id;
  }
  return ids;
}

const overlaps = (a: Span, b: Span) => a.t0 <= b.t1 && b.t0 <= a.t1;

/**
 * A predicate "is this span inside a third party's reported statement?" (an attribution earlier in
 * the same sentence), or null when the text has no valid attribution at all (the common case: no cost).
 */
export function attributionLift(ctx: CheckContext, a: AttributionParams, sentIn?: Int32Array): ((s: Span) => boolean) | null {
  if (!a) return null;
  const verbs = a.verbs.length > 0 ? ctx.union(a.verbs) : [];
  const via = a.via.length > 0 ? ctx.union(a.via) : [];
  if (verbs.length === 0 && via.length === 0) return null;
  const parties = ctx.union(a.parties);
  if (parties.length === 0) return null;
  const own = a.own.length > 0 ? ctx.union(a.own) : [];
  const sent = sentIn ?? sentenceIds(ctx, tokenWords(ctx));
  const sentOf = (s: Span) => sent[Math.min(s.t0, sent.length - 1)]!;
  // an own-voice word inside a party phrase ("sudija" in "Udruženje sudija", "judges" in "the judges' association")
  // belongs to that third party (round 8)
  const ownFree = own.filter((o) => !parties.some((p) => p.t0 <= o.t0 && o.t1 <= p.t1 && (p.t0 < o.t0 || o.t1 < p.t1)));
  const subjects: { s: Span; party: boolean }[] = [
    ...parties.map((s) => ({ s, party: true })),
    ...ownFree.map((s) => ({ s, party: false })),
  ];
  /**
   * Tokens of a case number do not count towards the distance: "Mbrojtja e të akuzuarit në lëndën PKR.nr. 102/2025
   * deklaroi …" has its subject 3 words (not 7 tokens) before the verb. covered[i] = case-number tokens in [0, i).
   */
  const cases = ctx.matches('@caseNumber');
  let covered: Int32Array | null = null;
  if (cases.length > 0) {
    const n = ctx.tokens.count;
    const inCase = new Uint8Array(n + 1);
    for (const c of cases) for (let t = c.t0; t <= c.t1 && t < n; t++) inCase[t] = 1;
    covered = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) covered[i + 1] = covered[i]! + inCase[i]!;
  }
  /** tokens strictly between token a and token b (a < b) that are not part of a case number, plus one */
  const gap = (a: number, b: number) => {
    const d = b - a;
    if (!covered || d <= 1) return d;
    const lo = Math.min(a + 1, covered.length - 1);
    const hi = Math.min(b, covered.length - 1);
    return d - (covered[hi]! - covered[lo]!);
  };
  /** nearest subject before (t1 < r.t0) or after (t0 > r.t1) r, same sentence, within maxD tokens; own voice wins ties */
  function nearest(r: Span, dir: 'before' | 'after', maxD: number): boolean | null {
    let bestD = Infinity;
    let party: boolean | null = null;
    const sr = sentOf(r);
    for (const { s, party: p } of subjects) {
      if (overlaps(s, r) || sentOf(s) !== sr) continue;
      const d = dir === 'before' ? gap(s.t1, r.t0) : gap(r.t1, s.t0);
      if (d <= 0 || d > maxD) continue;
      if (d < bestD || (d === bestD && !p)) {
        bestD = d;
        party = p;
      }
    }
    return party;
  }
  /** token index after which the statement starts, per sentence */
  const starts = new Map<number, number>();
  const add = (r: Span) => {
    const se = sentOf(r);
    const cur = starts.get(se);
    if (cur === undefined || r.t0 < cur) starts.set(se, r.t0);
  };
  for (const v of verbs) {
    const before = nearest(v, 'before', a.window);
    const subj = before ?? nearest(v, 'after', 3);
    if (subj === true) add(v);
  }
  for (const v of via) if (nearest(v, 'after', a.viaWindow) === true) add(v);
  if (starts.size === 0) return null;
  return (s: Span) => {
    const st = starts.get(sentOf(s));
    return st !== undefined && st <= s.t0;
  };
}
