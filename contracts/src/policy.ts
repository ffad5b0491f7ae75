import { z } from 'zod';
import { ContentLang } from './common.js';

/** One finding of the pre-publication check: the words at fault, the article, why, and how to fix it. */
export const Finding = z.object({
  article: z.string(),
  ruleId: z.string(),
  severity: z.enum(['block', 'warn']),
  variant: z.string().nullable(),
  start: z.number(),
  end: z.number(),
  excerpt: z.string(),
  message: z.string(),
  suggestion: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const CheckDraftBody = z.object({
  variants: z.array(z.object({ lang: ContentLang, text: z.string().max(100_000) })).max(10),
  /** Whose required languages and official contacts apply; the actor's own institution by default. */
  institutionId: z.string().max(64).optional(),
  /** A prior permission to comment on a decision (art. 4.4c) is recorded for this post. */
  decisionComment: z.boolean().optional(),
});
export type CheckDraftBody = z.infer<typeof CheckDraftBody>;

export const CheckDraftResponse = z.object({
  findings: z.array(Finding),
  requiredLanguages: z.array(ContentLang),
  packVersion: z.string(),
  tookMs: z.number(),
});
export type CheckDraftResponse = z.infer<typeof CheckDraftResponse>;

export const PolicyRule = z.object({
  id: z.string(),
  article: z.string(),
  severity: z.enum(['block', 'warn']),
  languages: z.array(z.string()),
  kind: z.string(),
  message: z.string(),
  description: z.string().nullable(),
});
export const PolicyPackView = z.object({
  id: z.string(),
  version: z.string(),
  jurisdiction: z.string(),
  description: z.string().nullable(),
  loadedAt: z.string(),
  requiredLanguages: z.array(z.string()),
  rules: z.array(PolicyRule),
  lists: z.array(z.object({ name: z.string(), file: z.string(), source: z.string(), terms: z.number() })),
});
export type PolicyPackView = z.infer<typeof PolicyPackView>;
