/**
 * `cooccurrence`: a term of EVERY group must occur within `window` tokens of a term of the
 * first group (the anchor). With `order: sequence` each group must follow the previous one.
 * This is how context rules are written: evaluative word near a decision noun, party cue
 * near a call to vote, first-person pronoun followed by an opinion verb.
 */
import { z } from 'zod';
import { anyNear, tokenDistance, type CheckContext, type Span } from './context.js';
import type { DetectorKind } from './detector.types.js';
import { attributionLift, attributionLists, attributionParams } from './attribution.js';

const params = z.strictObject({
  groups: z.array(z.array(z.string()).min(1)).min(2).max(4),
  window: z.number().int().min(0).max(200).default(12),
  order: z.enum(['any', 'sequence']).default('any'),
  unless: z.array(z.string()).default([]),
  unlessWindow: z.number().int().min(0).max(200).default(3),
  /** a third party's reported statement lifts the match when the attribution precedes, in the same sentence, the part of group `evaluativeGroup` */
  attribution: attributionParams,
  evaluativeGroup: z.number().int().min(0).max(3).default(0),
});

export type CooccurrenceParams = z.infer<typeof params>;

function nearest(spans: readonly Span[], anchor: Span, window: number, after: Span | null): Span | null {
  let best: Span | null = null;
  let bestD = Infinity;
  for (const s of spans) {
    if (s.start === anchor.start && s.end === anchor.end) continue;
    if (after && s.t0 < after.t0) continue;
    if (after && s.start < after.end && s.t0 === after.t0) continue;
    const d = tokenDistance(anchor, s);
    if (d <= window && d < bestD) {
      best = s;
      bestD = d;
    }
  }
  return best;
}

export const cooccurrenceDetector: DetectorKind<CooccurrenceParams> = {
  kind: 'cooccurrence',
  params,
  lists: (p) => [...p.groups.flat(), ...p.unless, ...attributionLists(p.attribution)],
  compile(p) {
    return {
      run(ctx: CheckContext): Span[] {
        const groups: Span[][] = [];
        for (const g of p.groups) {
          const spans = ctx.union(g);
          if (spans.length === 0) return []; // lazy: later groups are not even matched
          groups.push(spans);
        }
        const unless = p.unless.length > 0 ? ctx.union(p.unless) : [];
        const lifted = attributionLift(ctx, p.attribution);
        const out: Span[] = [];
        for (const anchor of groups[0]!) {
          const parts: Span[] = [anchor];
          let prev: Span = anchor;
          let ok = true;
          for (let g = 1; g < groups.length; g++) {
            const s = nearest(groups[g]!, p.order === 'sequence' ? prev : anchor, p.window, p.order === 'sequence' ? prev : null);
            if (!s) {
              ok = false;
              break;
            }
            parts.push(s);
            prev = s;
          }
          if (!ok) continue;
          if (unless.length > 0 && parts.some((s) => anyNear(unless, s, p.unlessWindow))) continue;
          if (lifted && lifted(parts[Math.min(p.evaluativeGroup, parts.length - 1)]!)) continue;
          const start = Math.min(...parts.map((s) => s.start));
          const end = Math.max(...parts.map((s) => s.end));
          out.push(ctx.span(start, end, parts.map((s) => s.source).join(' + ')));
        }
        return out;
      },
    };
  },
};
