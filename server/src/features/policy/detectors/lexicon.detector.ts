/**
 * `lexicon`: every match of the given lists is a finding, unless a term of an `unless` list
 * is within `unlessWindow` tokens (e.g. "iskreno" next to "saučešće" is a condolence).
 */
import { z } from 'zod';
import { anyNear, type CheckContext, type Span } from './context.js';
import type { DetectorKind } from './detector.types.js';
import { attributionLift, attributionLists, attributionParams } from './attribution.js';

const params = z.strictObject({
  lists: z.array(z.string()).min(1),
  unless: z.array(z.string()).default([]),
  unlessWindow: z.number().int().min(0).max(100).default(3),
  /** a third party's reported statement earlier in the same sentence lifts the match */
  attribution: attributionParams,
});

export type LexiconParams = z.infer<typeof params>;

export const lexiconDetector: DetectorKind<LexiconParams> = {
  kind: 'lexicon',
  params,
  lists: (p) => [...p.lists, ...p.unless, ...attributionLists(p.attribution)],
  compile(p) {
    return {
      run(ctx: CheckContext): Span[] {
        let hits = ctx.union(p.lists);
        if (hits.length === 0) return hits;
        if (p.unless.length > 0) {
          const unless = ctx.union(p.unless);
          if (unless.length > 0) hits = hits.filter((h) => !anyNear(unless, h, p.unlessWindow));
        }
        if (hits.length === 0 || !p.attribution) return hits;
        const lifted = attributionLift(ctx, p.attribution);
        return lifted ? hits.filter((h) => !lifted(h)) : hits;
      },
    };
  },
};
