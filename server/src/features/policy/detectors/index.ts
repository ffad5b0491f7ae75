/** The detector kinds a pack may use, by name. Adding a kind = one file + one line here. */
import { cooccurrenceDetector } from './cooccurrence.detector.js';
import type { DetectorKind } from './detector.types.js';
import { domainDetector } from './domain.detector.js';
import { evaluationDetector } from './evaluation.detector.js';
import { identifierDetector } from './identifier.detector.js';
import { languageDetector } from './language.detector.js';
import { lexiconDetector } from './lexicon.detector.js';
import { regexDetector } from './regex.detector.js';

// Each kind validates its own params with its zod schema, so the map can hold them type-erased.
type AnyKind = DetectorKind<never> & {
  compile(p: unknown, env: Parameters<DetectorKind<unknown>['compile']>[1]): ReturnType<DetectorKind<unknown>['compile']>;
  lists(p: unknown): string[];
};

export const DETECTOR_KINDS: ReadonlyMap<string, AnyKind> = new Map<string, AnyKind>([
  [lexiconDetector.kind, lexiconDetector as unknown as AnyKind],
  [cooccurrenceDetector.kind, cooccurrenceDetector as unknown as AnyKind],
  [regexDetector.kind, regexDetector as unknown as AnyKind],
  [identifierDetector.kind, identifierDetector as unknown as AnyKind],
  [domainDetector.kind, domainDetector as unknown as AnyKind],
  [languageDetector.kind, languageDetector as unknown as AnyKind],
  [evaluationDetector.kind, evaluationDetector as unknown as AnyKind],
]);

export type { Detector, DetectorKind, CompileEnv } from './detector.types.js';
export { CheckContext } from './context.js';
export type { Span, CompiledList, VirtualList, UnionMatcher } from './context.js';
