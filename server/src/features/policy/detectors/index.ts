/** The detector kinds a pack may use, by name. Adding a kind = one file + one line here. */
import { cooccurrenceDetector } from './cooccurrence.detector.js';
import type { DetectorKind } from './detector.types.js';
import { domainDetector } from './domain.detector.js';
import { identifierDetector } from './identifier.detector.js';
import { languageDetector } from './language.detector.js';
import { lexiconDetector } from './lexicon.detector.js';
import { regexDetector } from './regex.detector.js';

export const DETECTOR_KINDS: ReadonlyMap<string, DetectorKind<any>> = new Map<string, DetectorKind<any>>([
  [lexiconDetector.kind, lexiconDetector],
  [cooccurrenceDetector.kind, cooccurrenceDetector],
  [regexDetector.kind, regexDetector],
  [identifierDetector.kind, identifierDetector],
  [domainDetector.kind, domainDetector],
  [languageDetector.kind, languageDetector],
]);

export type { Detector, DetectorKind, CompileEnv } from './detector.types.js';
export { CheckContext } from './context.js';
export type { Span, CompiledList, VirtualList, UnionMatcher } from './context.js';
