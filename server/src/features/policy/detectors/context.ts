/**
 * Per-call context shared by all detectors: the normalised views of the text, its tokens,
 * and the (lazily computed, cached) matches of every term list and virtual list.
 * Every span is in ORIGINAL UTF-16 offsets, with the index of its first/last base token so
 * detectors can measure distances in words.
 */
import { normalize, refine, tokenize, type NormalizedText, type TermMatcher, type Tokens } from '../../../shared/text/index.js';
import type { CheckOptions } from '../policy.types.js';

/** A matched piece of text. */
export interface Span {
  start: number;
  end: number;
  /** First and last token index (base tokenisation). */
  t0: number;
  t1: number;
  /** Which term/list produced it (for diagnostics). */
  source: string;
}

/** A compiled term list of the pack. */
export interface CompiledList {
  name: string;
  matcher: TermMatcher;
  /** Also match on the aggressive view (leetspeak, spaced letters, repeated letters). */
  aggressive: boolean;
}

/**
 * All lists of a pack compiled into ONE automaton as well (term → list), so a check scans the
 * text once instead of once per list; the per-list matchers stay available to tools and tests.
 */
export interface UnionMatcher {
  matcher: TermMatcher;
  /** list index of each term of `matcher` */
  listOf: Int32Array;
  lists: readonly CompiledList[];
}

/** Producer of a virtual list ("@caseNumber", "@url", …). */
export type VirtualList = (ctx: CheckContext) => Span[];

/** Caps that keep the time bounded on huge or adversarial texts. */
export const MAX_SPANS_PER_LIST = 2000;

export class CheckContext {
  readonly base: NormalizedText;
  readonly tokens: Tokens;
  /** original offsets of base tokens */
  private readonly tokStart: Int32Array;
  private readonly tokEnd: Int32Array;
  private aggressiveView: NormalizedText | null | undefined;
  private readonly cache = new Map<string, Span[]>();
  private baseBuckets: Span[][] | null = null;
  private aggressiveDone = false;

  constructor(
    readonly original: string,
    readonly opts: CheckOptions,
    private readonly lists: ReadonlyMap<string, CompiledList>,
    private readonly virtuals: ReadonlyMap<string, VirtualList>,
    private readonly unionMatcher: UnionMatcher | null = null,
  ) {
    this.base = normalize(original);
    this.tokens = tokenize(this.base.text);
    const n = this.tokens.count;
    this.tokStart = new Int32Array(n);
    this.tokEnd = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.tokStart[i] = this.base.starts[this.tokens.starts[i]!]!;
      this.tokEnd[i] = this.base.ends[this.tokens.ends[i]! - 1]!;
    }
  }

  /** The aggressive view, or null when it equals the base view (the common case). */
  get aggressive(): NormalizedText | null {
    if (this.aggressiveView === undefined) {
      const a = refine(this.base, { leet: true, collapseSpacedLetters: true, collapseRepeats: true });
      this.aggressiveView = a.text === this.base.text ? null : a;
    }
    return this.aggressiveView;
  }

  /** Build a span from original offsets, computing its token indexes. */
  span(start: number, end: number, source: string): Span {
    return { start, end, t0: this.tokenAt(start), t1: Math.max(this.tokenAt(start), this.tokenAt(Math.max(start, end - 1))), source };
  }

  /** Index of the token containing (or following) original offset `pos`. */
  tokenAt(pos: number): number {
    let lo = 0;
    let hi = this.tokens.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokEnd[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Spans of a term list or virtual list (name starting with "@"), cached per call. */
  matches(name: string): Span[] {
    const hit = this.cache.get(name);
    if (hit) return hit;
    let out: Span[];
    if (name.startsWith('@')) out = this.virtuals.get(name)?.(this) ?? [];
    else {
      const list = this.lists.get(name);
      out = !list ? [] : this.unionMatcher ? this.fromUnion(list) : this.runList(list);
    }
    if (out.length > MAX_SPANS_PER_LIST) out = out.slice(0, MAX_SPANS_PER_LIST);
    this.cache.set(name, out);
    return out;
  }

  /** Union of several lists, sorted by position. */
  union(names: readonly string[]): Span[] {
    if (names.length === 1) return this.matches(names[0]!);
    const all: Span[] = [];
    for (const n of names) all.push(...this.matches(n));
    return all.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  private scanUnion(nt: NormalizedText, onlyAggressive: boolean, buckets: Span[][]): void {
    const u = this.unionMatcher!;
    for (const m of u.matcher.findAll(nt)) {
      const li = u.listOf[m.term]!;
      const list = u.lists[li]!;
      if (onlyAggressive && !list.aggressive) continue;
      const b = buckets[li]!;
      if (onlyAggressive && b.some((x) => x.start === m.origStart && x.end === m.origEnd)) continue;
      if (b.length < MAX_SPANS_PER_LIST) b.push(this.span(m.origStart, m.origEnd, `${list.name}:${u.matcher.terms[m.term]}`));
    }
  }

  private fromUnion(list: CompiledList): Span[] {
    const u = this.unionMatcher!;
    if (!this.baseBuckets) {
      this.baseBuckets = u.lists.map(() => []);
      this.scanUnion(this.base, false, this.baseBuckets);
    }
    if (list.aggressive && !this.aggressiveDone) {
      this.aggressiveDone = true;
      const a = this.aggressive;
      if (a) {
        this.scanUnion(a, true, this.baseBuckets);
        for (const b of this.baseBuckets) b.sort((x, y) => x.start - y.start || x.end - y.end);
      }
    }
    const li = u.lists.indexOf(list);
    return this.baseBuckets[li] ?? [];
  }

  private runList(list: CompiledList): Span[] {
    const out: Span[] = [];
    const seen = new Set<number>();
    const push = (nt: NormalizedText): void => {
      for (const m of list.matcher.findAll(nt)) {
        const key = m.origStart * 100003 + m.origEnd;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(this.span(m.origStart, m.origEnd, `${list.name}:${list.matcher.terms[m.term]}`));
      }
    };
    push(this.base);
    if (list.aggressive && this.aggressive) push(this.aggressive);
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

/** Token distance between two spans (0 when they overlap or touch). */
export function tokenDistance(a: Span, b: Span): number {
  if (b.t0 > a.t1) return b.t0 - a.t1;
  if (a.t0 > b.t1) return a.t0 - b.t1;
  return 0;
}

/** True if any span of `spans` lies within `window` tokens of `s`. */
export function anyNear(spans: readonly Span[], s: Span, window: number): boolean {
  for (const x of spans) if (tokenDistance(s, x) <= window) return true;
  return false;
}
