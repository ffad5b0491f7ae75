/**
 * Comment moderation classifier (art. 3.7): one normalisation pass, one Aho–Corasick scan over
 * all lexicons of all three languages (comments mix languages), then one detector per category.
 * Pure and synchronous; never throws.
 */
import { buildCtx, findHits } from './moderation.context.js';
import { detectDefamation, detectDoxxing, detectInsult, detectSlur, detectSpam, detectThreat, type Finding } from './moderation.detectors.js';
import { guessLang } from './moderation.lang.js';
import { DEFAULT_LEXICON_DIR, LexiconError, loadLexicon, resolveMasked, type Lexicon } from './moderation.lexicon.js';
import { explain } from './moderation.messages.js';
import { prepareText } from './moderation.text.js';
import type { ClassifyOptions, ModerationCategory, ModerationLang, ModerationReason, ModerationResult } from './moderation.types.js';

/** Comments longer than this are classified on their first MAX_CHARS characters (and sent to review if that part is clean). */
export const MAX_CHARS = 200_000;

let active: Lexicon | undefined;

/** The lexicon in use (loaded from server/moderation-lexicons on first use). */
export function getActiveLexicon(): Lexicon {
  active ??= loadLexicon(DEFAULT_LEXICON_DIR);
  return active;
}

/** Reload the lexicons (e.g. after an officer edited a YAML file). On error the previous lexicon stays active. */
export function reloadLexicon(dir?: string): { ok: true } | { ok: false; error: string } {
  try {
    active = loadLexicon(dir ?? active?.dir ?? DEFAULT_LEXICON_DIR);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof LexiconError ? e.message : String(e) };
  }
}

const ORDER: ModerationCategory[] = ['threat', 'doxxing', 'slur', 'defamation', 'insult', 'spam'];

/**
 * Classify one public comment.
 * @example classifyComment('Sudija je idiot').action === 'remove'
 */
export function classifyComment(text: string, opts: ClassifyOptions = {}): ModerationResult {
  const lex = getActiveLexicon();
  let input = typeof text === 'string' ? text : String(text ?? '');
  const truncated = input.length > MAX_CHARS;
  if (truncated) input = input.slice(0, MAX_CHARS);
  const p = prepareText(input, (m) => resolveMasked(lex, m));
  const lang: ModerationLang | 'und' = opts.lang ?? (p.toks.length === 0 ? 'und' : guessLang(p));
  const hits = findHits(lex, p).filter((h) => !h.e.strictLang || h.e.lang === lang);
  const ctx = buildCtx(p, hits, lang);
  const findings: Finding[] = [...detectThreat(ctx), ...detectDoxxing(ctx), ...detectSlur(ctx), ...detectDefamation(ctx), ...detectInsult(ctx), ...detectSpam(ctx)];
  const uiLang: ModerationLang = opts.uiLang ?? (lang === 'und' ? 'en' : lang);
  const removes = findings.filter((x) => x.severity === 'remove');
  const action = removes.length > 0 ? 'remove' : findings.length > 0 || (truncated && input.trim().length > 0) ? 'review' : 'keep';
  const used = action === 'remove' ? removes : findings;
  const categories = ORDER.filter((c) => used.some((x) => x.category === c));
  const reasons = toReasons(used, p.toks, input, uiLang);
  const score = action === 'remove' ? Math.min(1, 0.85 + 0.05 * removes.length) : action === 'review' ? 0.6 : hits.some((h) => h.e.category !== 'context') ? 0.2 : 0;
  return { action, categories, reasons, lang, score };
}

function toReasons(findings: Finding[], toks: { os: number; oe: number }[], input: string, uiLang: ModerationLang): ModerationReason[] {
  const out: ModerationReason[] = [];
  const seen = new Set<string>();
  for (const x of findings) {
    const start = x.os ?? toks[x.t0]?.os ?? 0;
    const end = x.oe ?? toks[x.t1]?.oe ?? start;
    const key = `${x.category}:${x.rule}:${start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const match = input.slice(start, end);
    out.push({ category: x.category, article: '3.7', rule: x.rule, match, start, end, explanation: explain(x.rule, x.category, match, uiLang) });
    if (out.length >= 20) break;
  }
  return out;
}
