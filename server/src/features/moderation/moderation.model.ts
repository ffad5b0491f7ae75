/**
 * Learned booster behind the art. 3.7 rules: a hashed logistic regression over the comment after
 * the classifier's normalisation (word uni/bi-grams, character 3–5-grams inside words) plus
 * features of the rule engine (lexicon hits by category/role, person/target cues, rule findings).
 *
 * The rules stay the source of `remove` with explanations; the booster only escalates a rule `keep`
 * to `review` (p ≥ thresholds.review) or, at a very high p and with a rule cue that agrees, to
 * `remove`. Every escalation carries the words that weighed most. Training is plain TypeScript and
 * deterministic (full-batch Adam over the examples sorted by id): see
 * server/scripts/train-moderation-model.ts, which writes server/moderation-lexicons/model/model.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PUNCT, WORD, type Prepared } from './moderation.text.js';
import type { ModerationCategory } from './moderation.types.js';

/** What the rule engine saw in a comment, as strings (so an older engine's output can be replayed). */
export interface RuleView {
  /** `${category}.${role}` of every lexicon hit (context roles included). */
  hits: string[];
  /** Token flag names present anywhere (title, person, second, demo, thing, meta, selfref, named). */
  flags: string[];
  /** Rule findings: `${rule}` and `${category}.${severity}`. */
  findings: string[];
}

/** One comment ready for featurisation. */
export interface ModelInput {
  /** Normalised word tokens (digits folded to `0`; `?`/`!` kept). */
  words: string[];
  /** Token index in the prepared comment for each word (for explanations). */
  tok: number[];
  view: RuleView;
}

export const MODEL_CATEGORIES = [
  'insult',
  'slur',
  'threat',
  'defamation',
  'doxxing',
  'spam',
] as const satisfies readonly ModerationCategory[];

const MAX_WORDS = 2000;
const MAX_WORD_CHARS = 24;

/** The placeholder for a person's name: the model must learn "Judge <name>", never particular names. */
export const NAME_WORD = '#name';

/**
 * Words of a prepared comment, as the model sees them. `isName(i)` (the rule engine's named-person
 * flag) replaces personal names by one placeholder per name, so that the fictitious names of the
 * labelled comments carry no weight.
 */
export function modelWords(p: Prepared, isName?: (i: number) => boolean): { words: string[]; tok: number[] } {
  const words: string[] = [];
  const tok: number[] = [];
  const toks = p.toks;
  for (let i = 0; i < toks.length && words.length < MAX_WORDS; i++) {
    const t = toks[i]!;
    if (t.kind === WORD && isName?.(i)) {
      if (words[words.length - 1] !== NAME_WORD) {
        words.push(NAME_WORD);
        tok.push(i);
      }
    } else if (t.kind === WORD) {
      words.push(/\d/.test(t.norm) ? t.norm.replace(/\d+/g, '0') : t.norm);
      tok.push(i);
    } else if (t.kind === PUNCT && (t.norm === '?' || t.norm === '!')) {
      words.push(t.norm);
      tok.push(i);
    }
  }
  return { words, tok };
}

// ---------------------------------------------------------------------------------------------
// Hashed features
// ---------------------------------------------------------------------------------------------

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvStr(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Feature callback: hashed index (unmasked 32-bit), value, word index (-1 = not a word). */
type Emit = (hash: number, value: number, word: number) => void;

const NS_WORD = fnvStr(FNV_OFFSET, 'w|');
const NS_BIGRAM = fnvStr(FNV_OFFSET, 'b|');
const NS_CHAR = fnvStr(FNV_OFFSET, 'c|');
const NS_RULE = fnvStr(FNV_OFFSET, 'r|');

/** Visit every feature of `x` (word uni/bi-grams, char 3–5-grams with word boundaries, rule features). */
export type RuleGroup = 'hits' | 'flags' | 'findings';
export const RULE_GROUPS = ['hits', 'flags', 'findings'] as const;

/** Text feature kinds (bit mask): word unigrams, word bigrams, character 3–5-grams. */
export const TEXT_WORDS = 1;
export const TEXT_BIGRAMS = 2;
export const TEXT_CHARS = 4;
export const TEXT_ALL = TEXT_WORDS | TEXT_BIGRAMS | TEXT_CHARS;

export function visitFeatures(x: ModelInput, emit: Emit, groups: readonly RuleGroup[] = RULE_GROUPS, text = TEXT_ALL): void {
  const { words, view } = x;
  const n = words.length;
  let nChar = 0;
  for (let i = 0; i < n; i++) {
    const L = Math.min(words[i]!.length, MAX_WORD_CHARS) + 2;
    for (let g = 3; g <= 5; g++) if (L >= g) nChar += L - g + 1;
  }
  const vw = n > 0 ? 1 / Math.sqrt(n) : 0;
  const vb = n > 1 ? 1 / Math.sqrt(n - 1) : 0;
  const vc = nChar > 0 ? 1 / Math.sqrt(nChar) : 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const hw = fnvStr(NS_WORD, w);
    if (text & TEXT_WORDS) emit(hw, vw, i);
    if (i > 0 && text & TEXT_BIGRAMS) emit(Math.imul(prev ^ (hw >>> 7), FNV_PRIME) ^ NS_BIGRAM, vb, i);
    prev = hw;
    if (!(text & TEXT_CHARS)) continue;
    // char n-grams of " word " (boundaries marked by a space)
    const L = Math.min(w.length, MAX_WORD_CHARS);
    const total = L + 2;
    for (let g = 3; g <= 5; g++) {
      for (let s = 0; s + g <= total; s++) {
        let h = Math.imul(NS_CHAR ^ g, FNV_PRIME);
        for (let k = s; k < s + g; k++) {
          const c = k === 0 || k === total - 1 ? 32 : w.charCodeAt(k - 1);
          h = Math.imul(h ^ c, FNV_PRIME);
        }
        emit(h, vc, i);
      }
    }
  }
  if (groups.includes('hits')) for (const s of view.hits) emit(fnvStr(NS_RULE, `h:${s}`), 1, -1);
  if (groups.includes('flags')) for (const s of view.flags) emit(fnvStr(NS_RULE, `f:${s}`), 1, -1);
  if (groups.includes('findings')) for (const s of view.findings) emit(fnvStr(NS_RULE, `x:${s}`), 1, -1);
  if (n === 0) emit(fnvStr(NS_RULE, 'empty'), 1, -1);
}

/** Sparse feature vector (indices masked to the model's dimension, duplicates summed). */
export interface Sparse {
  idx: Int32Array;
  val: Float64Array;
}

export function featurize(x: ModelInput, dimBits: number, groups: readonly RuleGroup[] = RULE_GROUPS, text = TEXT_ALL): Sparse {
  const mask = (1 << dimBits) - 1;
  const acc = new Map<number, number>();
  visitFeatures(
    x,
    (h, v) => {
      const j = h & mask;
      acc.set(j, (acc.get(j) ?? 0) + v);
    },
    groups,
    text,
  );
  const keys = [...acc.keys()].sort((a, b) => a - b);
  return { idx: Int32Array.from(keys), val: Float64Array.from(keys.map((k) => acc.get(k)!)) };
}

// ---------------------------------------------------------------------------------------------
// Model file (JSON, zod-validated) and the loaded booster
// ---------------------------------------------------------------------------------------------

const HeadSchema = z
  .object({
    bias: z.number().finite(),
    idx: z.array(z.number().int().nonnegative()),
    w: z.array(z.number().finite()),
  })
  .strict()
  .refine((h) => h.idx.length === h.w.length, 'idx and w must have the same length');

/** Schema of server/moderation-lexicons/model/model.json. */
export const ModelFileSchema = z
  .object({
    format: z.literal('courtdesk-moderation-booster'),
    version: z.literal(1),
    dimBits: z.number().int().min(10).max(22),
    ruleFeatures: z.array(z.enum(RULE_GROUPS)),
    thresholds: z
      .object({ review: z.number().min(0).max(1), remove: z.number().min(0).max(1), strong: z.number().min(0).max(2).optional() })
      .strict(),
    trainedOn: z
      .object({ comments: z.number().int(), remove: z.number().int(), batches: z.array(z.string()), dataHash: z.string() })
      .strict(),
    binary: HeadSchema,
    categories: z
      .object(
        Object.fromEntries(MODEL_CATEGORIES.map((c) => [c, HeadSchema])) as Record<(typeof MODEL_CATEGORIES)[number], typeof HeadSchema>,
      )
      .strict(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const dim = 1 << m.dimBits;
    for (const [name, h] of [['binary', m.binary] as const, ...MODEL_CATEGORIES.map((c) => [c, m.categories[c]] as const)]) {
      if (h.idx.some((i) => i >= dim)) ctx.addIssue({ code: 'custom', path: [name], message: `feature index ≥ 2^${m.dimBits}` });
    }
  });
export type ModelFile = z.infer<typeof ModelFileSchema>;

/** Default model file. */
export const DEFAULT_MODEL_FILE = 'model/model.json';

/** A loaded booster: dense binary weights, sparse category heads. */
export interface Booster {
  file: ModelFile;
  mask: number;
  bias: number;
  w: Float32Array;
  heads: { category: ModerationCategory; bias: number; w: Map<number, number> }[];
  review: number;
  remove: number;
  /** p at or above which a comment targeting a person is removed without a rule cue (undefined: never). */
  strong?: number;
  groups: readonly RuleGroup[];
}

export function boosterFromFile(file: ModelFile): Booster {
  const dim = 1 << file.dimBits;
  const w = new Float32Array(dim);
  file.binary.idx.forEach((j, k) => (w[j] = file.binary.w[k]!));
  const heads = MODEL_CATEGORIES.map((c) => {
    const h = file.categories[c];
    const m = new Map<number, number>();
    h.idx.forEach((j, k) => m.set(j, h.w[k]!));
    return { category: c as ModerationCategory, bias: h.bias, w: m };
  });
  return {
    file,
    mask: dim - 1,
    bias: file.binary.bias,
    w,
    heads,
    review: file.thresholds.review,
    remove: file.thresholds.remove,
    strong: file.thresholds.strong,
    groups: file.ruleFeatures,
  };
}

/**
 * Load the booster from `<lexiconDir>/model/model.json`. Returns null with a message when the file is
 * missing or invalid (the classifier then runs on the rules alone); never throws.
 */
export function loadBooster(lexiconDir: string): { booster: Booster | null; warning?: string } {
  const path = join(lexiconDir, DEFAULT_MODEL_FILE);
  if (!existsSync(path)) return { booster: null, warning: `moderation booster disabled: ${path} not found` };
  try {
    const parsed = ModelFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { booster: null, warning: `moderation booster disabled: ${path}: ${issue.path.join('.')}: ${issue.message}` };
    }
    return { booster: boosterFromFile(parsed.data) };
  } catch (e) {
    return { booster: null, warning: `moderation booster disabled: ${path}: ${(e as Error).message}` };
  }
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** p(remove) of one comment. Allocation-free apart from the visitor closure. */
export function boosterScore(b: Booster, x: ModelInput): number {
  let z = b.bias;
  const { w, mask } = b;
  visitFeatures(
    x,
    (h, v) => {
      z += w[h & mask]! * v;
    },
    b.groups,
  );
  return sigmoid(z);
}

/** Function words never shown as "the words that weighed most" (they still count in the score). */
const SHOW_SKIP: ReadonlySet<string> = new Set(
  (
    'the a an to of in on at for and or but is are was be it he she his her him you your they them this that with from by as not no do does ' +
    'i e te të në ne me nga per për se si qe që ka ko u nje një dhe por ai ajo ti ju ata kjo ky ' +
    'je se da na u i a ili ali su sam si mu joj ga to od za sa kad ko mi ti vi on ona oni dok kao'
  ).split(' '),
);

/** Why the booster scored a comment high: words that weighed most (word indices) and the likeliest category. */
export function boosterExplain(
  b: Booster,
  x: ModelInput,
  allowed?: ReadonlySet<ModerationCategory>,
): { words: { word: number; weight: number }[]; category: ModerationCategory } {
  const contrib = new Float64Array(x.words.length);
  const { w, mask } = b;
  const cat = new Float64Array(b.heads.length);
  b.heads.forEach((h, k) => (cat[k] = h.bias));
  visitFeatures(
    x,
    (h, v, word) => {
      if (word >= 0) contrib[word]! += w[h & mask]! * v;
    },
    b.groups,
  );
  // category heads: word unigrams + rule features (small, readable)
  visitFeatures(
    x,
    (h, v) => {
      const j = h & mask;
      for (let k = 0; k < b.heads.length; k++) cat[k]! += (b.heads[k]!.w.get(j) ?? 0) * v;
    },
    b.groups,
    TEXT_WORDS,
  );
  const words = [...contrib.keys()]
    .filter((i) => contrib[i]! > 0 && x.words[i]!.length >= 2 && !/^[0?!]+$/.test(x.words[i]!) && !SHOW_SKIP.has(x.words[i]!))
    .sort((a, b2) => contrib[b2]! - contrib[a]! || a - b2)
    .slice(0, 3)
    .map((i) => ({ word: i, weight: contrib[i]! }));
  let best = -1;
  for (let k = 0; k < b.heads.length; k++) {
    if (allowed && allowed.size > 0 && !allowed.has(b.heads[k]!.category)) continue;
    if (best < 0 || cat[k]! > cat[best]!) best = k;
  }
  return { words, category: b.heads[Math.max(0, best)]!.category };
}

// ---------------------------------------------------------------------------------------------
// Training (deterministic)
// ---------------------------------------------------------------------------------------------

export interface TrainExample {
  id: string;
  batch: string;
  input: ModelInput;
  remove: boolean;
  categories: string[];
}

export interface TrainOptions {
  dimBits?: number;
  iters?: number;
  lr?: number;
  l2?: number;
  /** Train the category heads too (default true; the evaluation only needs the binary head). */
  heads?: boolean;
  /** Rule-engine feature groups used next to the text features. */
  ruleFeatures?: RuleGroup[];
}

interface Head {
  bias: number;
  idx: number[];
  w: number[];
}

/** L2-regularised logistic regression, full-batch Adam over compacted active features. */
function trainHead(X: Sparse[], y: number[], o: Required<TrainOptions>): Head {
  const compact = new Map<number, number>();
  const cols: Int32Array[] = X.map((x) => {
    const c = new Int32Array(x.idx.length);
    for (let k = 0; k < x.idx.length; k++) {
      const j = x.idx[k]!;
      let m = compact.get(j);
      if (m === undefined) compact.set(j, (m = compact.size));
      c[k] = m;
    }
    return c;
  });
  const d = compact.size;
  const w = new Float64Array(d);
  const g = new Float64Array(d);
  const m1 = new Float64Array(d + 1);
  const m2 = new Float64Array(d + 1);
  let bias = 0;
  const n = X.length;
  const b1 = 0.9;
  const b2 = 0.999;
  for (let it = 1; it <= o.iters; it++) {
    g.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const x = X[i]!;
      const c = cols[i]!;
      let z = bias;
      for (let k = 0; k < c.length; k++) z += w[c[k]!]! * x.val[k]!;
      const r = sigmoid(z) - y[i]!;
      gb += r;
      for (let k = 0; k < c.length; k++) g[c[k]!]! += r * x.val[k]!;
    }
    const c1 = 1 - b1 ** it;
    const c2 = 1 - b2 ** it;
    for (let j = 0; j <= d; j++) {
      const grad = j === d ? gb / n : g[j]! / n + o.l2 * w[j]!;
      m1[j] = b1 * m1[j]! + (1 - b1) * grad;
      m2[j] = b2 * m2[j]! + (1 - b2) * grad * grad;
      const step = (o.lr * (m1[j]! / c1)) / (Math.sqrt(m2[j]! / c2) + 1e-8);
      if (j === d) bias -= step;
      else w[j]! -= step;
    }
  }
  const out: [number, number][] = [];
  for (const [j, m] of compact) {
    const v = Math.round(w[m]! * 1e4) / 1e4;
    if (v !== 0) out.push([j, v]);
  }
  out.sort((a, b) => a[0] - b[0]);
  return { bias: Math.round(bias * 1e4) / 1e4, idx: out.map((e) => e[0]), w: out.map((e) => e[1]) };
}

export const DEFAULT_TRAIN: Required<TrainOptions> = { dimBits: 18, iters: 300, lr: 0.05, l2: 0.002, heads: true, ruleFeatures: ['flags'] };

/**
 * Train the booster on labelled comments (sorted by id first, so file order does not matter).
 * Same examples and options → byte-identical JSON.
 */
export function trainBooster(
  examples: TrainExample[],
  thresholds: { review: number; remove: number; strong?: number },
  opts: TrainOptions = {},
): ModelFile {
  const o: Required<TrainOptions> = { ...DEFAULT_TRAIN };
  for (const [k, v] of Object.entries(opts)) if (v !== undefined) (o as Record<string, unknown>)[k] = v;
  const ex = [...examples].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const X = ex.map((e) => featurize(e.input, o.dimBits, o.ruleFeatures));
  const binary = trainHead(
    X,
    ex.map((e) => (e.remove ? 1 : 0)),
    o,
  );
  // category heads: one-vs-rest over the `remove` comments only (the rules or the binary head decide *whether*)
  const remIdx = ex.map((e, i) => (e.remove ? i : -1)).filter((i) => i >= 0);
  const XW = o.heads ? ex.map((e) => featurize(e.input, o.dimBits, o.ruleFeatures, TEXT_WORDS)) : [];
  const categories = Object.fromEntries(
    MODEL_CATEGORIES.map((c) => [
      c,
      !o.heads
        ? { bias: 0, idx: [], w: [] }
        : trainHead(
            remIdx.map((i) => XW[i]!),
            remIdx.map((i) => (ex[i]!.categories.includes(c) ? 1 : 0)),
            { ...o, iters: Math.min(o.iters, 150) },
          ),
    ]),
  ) as ModelFile['categories'];
  const batches = [...new Set(ex.map((e) => e.batch))].sort();
  let h = FNV_OFFSET;
  for (const e of ex) h = fnvStr(h, `${e.id}\u0000${e.input.words.join(' ')}\u0000${e.remove ? 1 : 0}\u0000${e.categories.join(',')}\n`);
  return {
    format: 'courtdesk-moderation-booster',
    version: 1,
    dimBits: o.dimBits,
    ruleFeatures: [...o.ruleFeatures],
    thresholds,
    trainedOn: {
      comments: ex.length,
      remove: ex.filter((e) => e.remove).length,
      batches,
      dataHash: (h >>> 0).toString(16).padStart(8, '0'),
    },
    binary,
    categories,
  };
}
