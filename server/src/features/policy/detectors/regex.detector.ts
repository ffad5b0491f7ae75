/**
 * `regex`: patterns compiled once at pack load (a malformed pattern refuses the pack).
 * `on: normalized` runs on the folded text (lower case, no diacritics, Latin script);
 * `on: original` runs on the text as written. Optional `near` lists must occur within `window`.
 */
import { z } from 'zod';
import { toOriginalRange } from '../../../shared/text/index.js';
import { anyNear, type CheckContext, type Span } from './context.js';
import type { DetectorKind } from './detector.types.js';

const params = z.strictObject({
  patterns: z.array(z.string().min(1)).min(1),
  flags: z
    .string()
    .regex(/^[imsu]*$/, 'only the flags i, m, s, u are allowed')
    .default('u'),
  on: z.enum(['original', 'normalized']).default('normalized'),
  near: z.array(z.string()).default([]),
  window: z.number().int().min(0).max(200).default(8),
});

export type RegexParams = z.infer<typeof params>;

export const regexDetector: DetectorKind<RegexParams> = {
  kind: 'regex',
  params,
  lists: (p) => p.near,
  compile(p) {
    const res = p.patterns.map((src) => new RegExp(src, p.flags.includes('g') ? p.flags : `${p.flags}g`));
    return {
      run(ctx: CheckContext): Span[] {
        const out: Span[] = [];
        const text = p.on === 'original' ? ctx.original : ctx.base.text;
        for (const re of res) {
          re.lastIndex = 0;
          let m: RegExpExecArray | null;
          let guard = 0;
          while ((m = re.exec(text)) !== null && guard++ < 1000) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            const r =
              p.on === 'original'
                ? { start: m.index, end: m.index + m[0].length }
                : toOriginalRange(ctx.base, m.index, m.index + m[0].length);
            out.push(ctx.span(r.start, r.end, `regex:${re.source.slice(0, 30)}`));
          }
        }
        if (p.near.length === 0) return out;
        const near = ctx.union(p.near);
        return out.filter((s) => anyNear(near, s, p.window));
      },
    };
  },
};
