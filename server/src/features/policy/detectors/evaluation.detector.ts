/**
 * `evaluation`: an ANCHOR (decision noun, court, witness, party…) and an EVALUATIVE expression in
 * the same sentence, within `window` tokens. Evaluations are
 *  - matches of the `heads` lists (single evaluative words/phrases, Aho–Corasick, as elsewhere), and
 *  - gap-tolerant TEMPLATES over the folded tokens, written as data in the pack:
 *      "restor* ~4 faith|trust|confidence"   slots separated by spaces; `a|b` alternatives;
 *                                          `x*` a stem (any ending — Albanian/Serbian inflection);
 *                                          `~N` up to N other tokens may stand before the next slot.
 *    Templates are folded like the text (case, diacritics, Cyrillic → Latin), so one template covers
 *    "kthen … besimin", "kthejnë … besim" and "ktheu … besimin", "vraća … poverenje" and "враћа … поверење".
 * Exceptions: an `unless` term within `unlessWindow` tokens of either part (standard legal phrases),
 * and a `reported` term (a party's or lawyer's statement: "said", "deklaroi se", "tvrdi da") earlier in
 * the same sentence than the evaluation — the court then reports what someone else said.
 * A malformed template refuses the pack.
 */
import { z } from 'zod';
import { fold } from '../../../shared/text/index.js';
import { anyNear, tokenDistance, type CheckContext, type Span } from './context.js';
import type { DetectorKind } from './detector.types.js';
import { attributionLift, attributionLists, attributionParams, sentenceIds, tokenWords } from './attribution.js';

const params = z.strictObject({
  anchors: z.array(z.string()).min(1),
  heads: z.array(z.string()).default([]),
  templates: z.array(z.string().min(1)).default([]),
  window: z.number().int().min(0).max(200).default(25),
  unless: z.array(z.string()).default([]),
  unlessWindow: z.number().int().min(0).max(200).default(1),
  /** any reporting term earlier in the sentence lifts (legacy; prefer `attribution`, which checks the subject) */
  reported: z.array(z.string()).default([]),
  attribution: attributionParams,
});

export type EvaluationParams = z.infer<typeof params>;

interface Slot {
  exact: Set<string>;
  prefixes: string[];
  /** max tokens allowed between the previous slot and this one */
  gap: number;
}
interface Template {
  source: string;
  slots: Slot[];
}

function foldWord(w: string, tpl: string): string {
  const f = fold(w, { deobfuscateUrls: false });
  if (!/^[\p{L}\p{N}]+$/u.test(f)) throw new Error(`template "${tpl}": "${w}" is not a single word after folding ("${f}")`);
  return f;
}

/** Parse "restor* ~4 faith|trust" into slots. */
export function parseTemplate(tpl: string): Template {
  const slots: Slot[] = [];
  let gap = 0;
  for (const part of tpl.trim().split(/\s+/)) {
    const g = /^~(\d{1,2})$/.exec(part);
    if (g) {
      if (slots.length === 0) throw new Error(`template "${tpl}": a gap cannot come first`);
      gap = Number(g[1]);
      continue;
    }
    if (part.startsWith('~')) throw new Error(`template "${tpl}": bad gap "${part}" (use ~N, N ≤ 99)`);
    const slot: Slot = { exact: new Set(), prefixes: [], gap };
    for (const alt of part.split('|')) {
      if (!alt) throw new Error(`template "${tpl}": empty alternative in "${part}"`);
      if (alt.endsWith('*')) {
        const stem = foldWord(alt.slice(0, -1), tpl);
        if (stem.length < 3) throw new Error(`template "${tpl}": stem "${alt}" is shorter than 3 letters`);
        slot.prefixes.push(stem);
      } else slot.exact.add(foldWord(alt, tpl));
    }
    slots.push(slot);
    gap = 0;
  }
  if (slots.length === 0) throw new Error(`template "${tpl}" is empty`);
  if (gap !== 0) throw new Error(`template "${tpl}": a gap cannot come last`);
  return { source: tpl, slots };
}

function slotHas(slot: Slot, w: string): boolean {
  if (slot.exact.has(w)) return true;
  for (const p of slot.prefixes) if (w.startsWith(p)) return true;
  return false;
}

export const evaluationDetector: DetectorKind<EvaluationParams> = {
  kind: 'evaluation',
  params,
  lists: (p) => [...p.anchors, ...p.heads, ...p.unless, ...p.reported, ...attributionLists(p.attribution)],
  compile(p) {
    const templates = p.templates.map(parseTemplate);
    // index templates by the exact words / stems of their first slot
    const byExact = new Map<string, Template[]>();
    const stems: { stem: string; t: Template }[] = [];
    for (const t of templates) {
      for (const w of t.slots[0]!.exact) byExact.set(w, [...(byExact.get(w) ?? []), t]);
      for (const s of t.slots[0]!.prefixes) stems.push({ stem: s, t });
    }
    const stemLens = [...new Set(stems.map((s) => s.stem.length))].sort((a, b) => a - b);
    const byStem = new Map<string, Template[]>();
    for (const { stem, t } of stems) byStem.set(stem, [...(byStem.get(stem) ?? []), t]);

    /** End token of a match of `t` starting at token i (slot 0 already matched), or -1. */
    function matchFrom(t: Template, words: string[], sent: Int32Array, i: number, k: number): number {
      if (k === t.slots.length) return i - 1;
      const slot = t.slots[k]!;
      for (let j = i; j <= i + slot.gap && j < words.length; j++) {
        if (sent[j] !== sent[i - 1]) break;
        if (slotHas(slot, words[j]!)) {
          const end = matchFrom(t, words, sent, j + 1, k + 1);
          if (end >= 0) return end;
        }
      }
      return -1;
    }

    return {
      run(ctx: CheckContext): Span[] {
        const anchors = ctx.union(p.anchors);
        if (anchors.length === 0) return [];
        const { tokens } = ctx;
        const words = tokenWords(ctx);
        const sent = sentenceIds(ctx, words);
        const evals: Span[] = p.heads.length > 0 ? [...ctx.union(p.heads)] : [];
        if (templates.length > 0) {
          for (let i = 0; i < words.length; i++) {
            const w = words[i]!;
            const cands: Template[] = [];
            const ex = byExact.get(w);
            if (ex) cands.push(...ex);
            for (const L of stemLens) {
              if (L > w.length) break;
              const st = byStem.get(w.slice(0, L));
              if (st) cands.push(...st);
            }
            for (const t of cands) {
              const end = matchFrom(t, words, sent, i + 1, 1);
              if (end < 0) continue;
              const s = ctx.span(ctx.base.starts[tokens.starts[i]!]!, ctx.base.ends[tokens.ends[end]! - 1]!, `template:${t.source}`);
              evals.push(s);
              break;
            }
          }
        }
        if (evals.length === 0) return [];
        const unless = p.unless.length > 0 ? ctx.union(p.unless) : [];
        const reported = p.reported.length > 0 ? ctx.union(p.reported) : [];
        const sentOf = (s: Span) => sent[Math.min(s.t0, sent.length - 1)]!;
        const lifted = attributionLift(ctx, p.attribution, sent);
        const out: Span[] = [];
        for (const e of evals) {
          const se = sentOf(e);
          if (unless.length > 0 && anyNear(unless, e, p.unlessWindow)) continue;
          if (reported.some((r) => sentOf(r) === se && r.t0 <= e.t0)) continue;
          if (lifted && lifted(e)) continue;
          let best: Span | null = null;
          let bestD = Infinity;
          for (const a of anchors) {
            if (sentOf(a) !== se || (a.start === e.start && a.end === e.end)) continue;
            const d = tokenDistance(a, e);
            if (d <= p.window && d < bestD && !(unless.length > 0 && anyNear(unless, a, p.unlessWindow))) {
              best = a;
              bestD = d;
            }
          }
          if (!best) continue;
          out.push(ctx.span(Math.min(best.start, e.start), Math.max(best.end, e.end), `${best.source} + ${e.source}`));
        }
        return out;
      },
    };
  },
};
