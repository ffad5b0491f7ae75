/**
 * `language` (art. 3.11, draft level): every required language has a non-empty variant, and
 * a variant is written in the language it claims. Only flags a mismatch when the guess is
 * confident, the text long enough, and the claimed language holds almost none of the
 * evidence (bilingual posts and short texts stay clean).
 */
import { z } from 'zod';
import { detectLanguage, languageFamily } from '../../../shared/text/index.js';
import type { Draft, Lang } from '../policy.types.js';
import type { DetectorKind } from './detector.types.js';

const params = z.strictObject({
  check: z.enum(['missing', 'mismatch']),
  minConfidence: z.number().min(0).max(1).default(0.8),
  minLetters: z.number().int().min(0).default(30),
  /** Max share of the evidence the claimed language may hold for a mismatch to be reported. */
  maxClaimedShare: z.number().min(0).max(1).default(0.15),
});

export type LanguageParams = z.infer<typeof params>;

export const languageDetector: DetectorKind<LanguageParams> = {
  kind: 'language',
  params,
  lists: () => [],
  compile: () => ({ run: () => [] }), // draft-level: see checkLanguages
};

/** A draft-level language problem: `variantIndex` null = a missing language. */
export interface LanguageIssue {
  lang: Lang;
  variantIndex: number | null;
}

/** Run a `language` rule over a draft. */
export function checkLanguages(draft: Draft, p: LanguageParams): LanguageIssue[] {
  const out: LanguageIssue[] = [];
  if (p.check === 'missing') {
    for (const req of new Set(draft.requiredLanguages)) {
      if (!draft.variants.some((v) => v.lang === req && v.text.trim().length > 0)) out.push({ lang: req, variantIndex: null });
    }
    return out;
  }
  draft.variants.forEach((v, i) => {
    if (v.lang !== 'sq' && v.lang !== 'sr' && v.lang !== 'en') return; // no reliable model for tr/bs
    const letters = v.text.match(/\p{L}/gu)?.length ?? 0;
    if (letters < p.minLetters) return;
    const g = detectLanguage(v.text);
    const fam = languageFamily(g.lang);
    if (fam === 'und' || fam === v.lang || g.confidence < p.minConfidence) return;
    const total = g.scores.sq + g.scores.sr + g.scores.en;
    if (total > 0 && g.scores[v.lang] / total > p.maxClaimedShare) return;
    // bilingual posts ("Njoftim / Obaveštenje: …"): any segment in the claimed language clears the variant
    const segments = v.text.split(/\s\/\s|\n+|(?<=[.!?:])\s+/);
    const claimed = v.lang;
    const leads = (seg: string): boolean => {
      const sc = detectLanguage(seg).scores;
      return sc[claimed] > 0 && (['sq', 'sr', 'en'] as const).every((l) => l === claimed || sc[claimed] > sc[l]);
    };
    if (segments.length > 1 && segments.some(leads)) return;
    out.push({ lang: v.lang, variantIndex: i });
  });
  return out;
}
