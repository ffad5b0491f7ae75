/**
 * Aho–Corasick automaton compiled to a dense DFA over a compressed alphabet.
 *
 * The alphabet is only the characters that occur in the patterns (plus one class for
 * "anything else"), so the transition table stays small even for thousands of terms, and
 * a search is one table lookup per input character whatever the number of patterns.
 */
export class AhoCorasick {
  /** Number of patterns compiled in. */
  readonly size: number;
  private readonly asciiClass = new Int32Array(128);
  private readonly otherClass = new Map<number, number>();
  private readonly k: number;
  private readonly delta: Int32Array;
  /** outputs of state s: outIds[outStart[s] .. outStart[s+1]) */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  private readonly patternLength: Int32Array;

  constructor(patterns: readonly string[]) {
    this.size = patterns.length;
    this.patternLength = Int32Array.from(patterns.map((p) => p.length));
    let nextClass = 1;
    for (const p of patterns) {
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (c < 128) {
          if (this.asciiClass[c] === 0) this.asciiClass[c] = nextClass++;
        } else if (!this.otherClass.has(c)) this.otherClass.set(c, nextClass++);
      }
    }
    this.k = nextClass;
    // 1. trie
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    patterns.forEach((p, id) => {
      if (p.length === 0) return;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const cls = this.classOf(p.charCodeAt(i));
        let t = children[s]!.get(cls);
        if (t === undefined) {
          t = children.length;
          children.push(new Map());
          own.push([]);
          children[s]!.set(cls, t);
        }
        s = t;
      }
      own[s]!.push(id);
    });
    const n = children.length;
    const k = this.k;
    const delta = new Int32Array(n * k);
    const fail = new Int32Array(n);
    const outputs: number[][] = own.map((o) => o.slice());
    // 2. BFS: failure links and full DFA transitions
    const queue: number[] = [];
    for (let c = 0; c < k; c++) {
      const t = children[0]!.get(c);
      if (t !== undefined) {
        delta[c] = t;
        fail[t] = 0;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      const f = fail[s]!;
      if (outputs[f]!.length > 0) outputs[s] = outputs[s]!.concat(outputs[f]!);
      for (let c = 0; c < k; c++) {
        const t = children[s]!.get(c);
        if (t !== undefined) {
          delta[s * k + c] = t;
          fail[t] = delta[f * k + c]!;
          queue.push(t);
        } else delta[s * k + c] = delta[f * k + c]!;
      }
    }
    this.delta = delta;
    this.outStart = new Int32Array(n + 1);
    let total = 0;
    for (let s = 0; s < n; s++) {
      this.outStart[s] = total;
      total += outputs[s]!.length;
    }
    this.outStart[n] = total;
    this.outIds = new Int32Array(total);
    let w = 0;
    for (let s = 0; s < n; s++) for (const id of outputs[s]!) this.outIds[w++] = id;
  }

  /** Number of DFA states (for diagnostics and the scaling benchmark). */
  get states(): number {
    return this.outStart.length - 1;
  }

  private classOf(c: number): number {
    return c < 128 ? this.asciiClass[c]! : (this.otherClass.get(c) ?? 0);
  }

  /**
   * Report every occurrence of every pattern in `text` as `onMatch(patternId, start, end)`
   * with `end` exclusive. Overlapping matches are all reported.
   */
  search(text: string, onMatch: (patternId: number, start: number, end: number) => void): void {
    const { delta, k, outStart, outIds, asciiClass, otherClass, patternLength } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const cls = c < 128 ? asciiClass[c]! : (otherClass.get(c) ?? 0);
      s = delta[s * k + cls]!;
      const a = outStart[s]!;
      const b = outStart[s + 1]!;
      for (let j = a; j < b; j++) {
        const id = outIds[j]!;
        onMatch(id, i + 1 - patternLength[id]!, i + 1);
      }
    }
  }
}
