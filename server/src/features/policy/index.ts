/**
 * Policy engine — pre-publication check of posts against the manual's rules (GitHub issue 4).
 *
 * @example
 *   import { checkText } from './features/policy/index.js';
 *   checkText('Votoni PDK-në! pdk [dot] info', { uiLang: 'sq' }); // → [{ article: '4.4a', … }]
 */
export type { Lang, UiLang, Severity, Finding, CheckOptions, PendingCase, Draft } from './policy.types.js';
export { checkText, checkDraft, getActivePack, reloadPack, DEFAULT_PACK_DIR } from './policy.engine.js';
export { loadPack, PolicyPackError } from './policy.pack.js';
export type { PolicyPack, RuleInfo } from './policy.pack.js';
export { MESSAGES, resolveMessage } from './policy.messages.js';
export { loadPendingCases, parsePendingCasesCsv } from './policy.pending.js';
export { checkTextWithModel, loadOnnxClassifier, type LearnedClassifier } from './policy.onnx.js';
