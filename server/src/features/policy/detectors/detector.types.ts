/**
 * The contract every detector kind implements: a zod schema for its params, the lists it
 * reads (checked at pack load), and a compile step run once per pack load — never per call.
 */
import type { z } from 'zod';
import type { CheckContext, Span } from './context.js';

/** What a compiled detector needs from the pack. */
export interface CompileEnv {
  /** Folded terms of a pack list (for detectors that look inside URLs). */
  listTerms(name: string): readonly string[];
  /** The pack's official domains (never reported). */
  officialDomains: readonly string[];
  /** The pack's official phone numbers (digits only). */
  officialPhones: readonly string[];
}

/** A compiled detector: returns the spans (original offsets) at fault. */
export interface Detector {
  run(ctx: CheckContext): Span[];
}

/** A detector kind (one file per kind in this folder). */
export interface DetectorKind<P> {
  kind: string;
  params: z.ZodType<P>;
  /** Names of the lists the params refer to (validated against the pack at load). */
  lists(params: P): string[];
  compile(params: P, env: CompileEnv): Detector;
}

/** Merge overlapping or touching spans (keeps the output of a rule readable). */
export function mergeSpans(spans: Span[], ctx: CheckContext): Span[] {
  if (spans.length < 2) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [sorted[0]!];
  for (let i = 1; i < sorted.length; i++) {
    const s = sorted[i]!;
    const last = out[out.length - 1]!;
    if (s.start <= last.end) {
      if (s.end > last.end) out[out.length - 1] = ctx.span(last.start, s.end, last.source);
    } else out.push(s);
  }
  return out;
}
