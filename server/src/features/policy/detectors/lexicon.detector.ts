/**
 * `lexicon`: every match of the given lists is a finding, unless a term of an `unless` list
 * is within `unlessWindow` tokens (e.g. "iskreno" next to "saučešće" is a condolence).
 */
import { z } from 'zod';
import { anyNear, type CheckContext, type Span } from './context.js';
import type { DetectorKind } from './detector.types.js';

const params = z.strictObject({
  lists: z.array(z.string()).min(1),
  unless: z.array(z.string()).default([]),
  unlessWindow: z.number().int().min(0).max(100).default(3),
});

export type LexiconParams = z.infer<typeof params>;

export const lexiconDetector: DetectorKind<LexiconParams> = {
  kind: 'lexicon',
  params,
  lists: (p) => [...p.lists, ...p.unless],
  compile(p) {
    return {
      run(ctx: CheckContext): Span[] {
        const hits = ctx.union(p.lists);
        if (hits.length === 0 || p.unless.length === 0) return hits;
        const unless = ctx.union(p.unless);
        return unless.length === 0 ? hits : hits.filter((h) => !anyNear(unless, h, p.unlessWindow));
      },
    };
  },
};
