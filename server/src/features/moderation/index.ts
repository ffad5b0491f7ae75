/**
 * Comment moderation (art. 3.7 of the manual): classify public comments as remove / review /
 * keep with reasons (category, words, rule, explanation in sq/sr/en).
 */
export { classifyComment, getActiveLexicon, getActiveBooster, reloadLexicon, MAX_CHARS } from './moderation.classifier.js';
export { loadBooster, trainBooster, ModelFileSchema } from './moderation.model.js';
export type { Booster, ModelFile } from './moderation.model.js';
export { loadLexicon, LexiconError, LexiconFileSchema, DEFAULT_LEXICON_DIR } from './moderation.lexicon.js';
export type { Lexicon } from './moderation.lexicon.js';
export type {
  ClassifyOptions,
  ModerationAction,
  ModerationCategory,
  ModerationLang,
  ModerationReason,
  ModerationResult,
  LexiconEntry,
  LexiconFileInfo,
} from './moderation.types.js';
