/**
 * Shared text utilities: normalisation with offset maps, Aho–Corasick term matching with
 * stems and phrases, tokenisation, and sq/sr/en language identification.
 * Used by the policy engine (features/policy) and the comment moderation classifier.
 */
export { normalize, refine, fold, foldChar, rewrite, toOriginalRange } from './normalize.js';
export type { NormalizeOptions, NormalizedText } from './normalize.js';
export { AhoCorasick } from './aho-corasick.js';
export { compileTerms, TermSyntaxError } from './matcher.js';
export type { TermSpec, TermMatch, TermMatcher } from './matcher.js';
export { tokenize, tokenIndexAt, tokenStrings, isWordChar } from './tokenize.js';
export type { Tokens } from './tokenize.js';
export { detectLanguage, languageFamily } from './langid.js';
export type { DetectedLang, LanguageGuess } from './langid.js';
