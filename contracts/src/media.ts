import { z } from 'zod';

export const consentValues = ['obtained', 'not_needed', 'missing'] as const;

/** Provenance of a photo or video (art. 4.6, 5.8): without it a post cannot be approved. */
export const MediaProvenanceBody = z.object({
  author: z.string().trim().max(200).nullable(),
  source: z.string().trim().max(500).nullable(),
  licence: z.string().trim().max(200).nullable(),
  ownWork: z.boolean(),
  identifiablePeople: z.boolean().nullable(),
  consent: z.enum(consentValues).nullable(),
  consentNote: z.string().trim().max(1000).nullable().optional(),
  altText: z.string().trim().max(1000).nullable().optional(),
});
export type MediaProvenanceBody = z.infer<typeof MediaProvenanceBody>;

export const Media = z.object({
  id: z.string(),
  institutionId: z.string(),
  kind: z.enum(['image', 'video']),
  mime: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  sha256: z.string(),
  originalName: z.string(),
  altText: z.string().nullable(),
  author: z.string().nullable(),
  source: z.string().nullable(),
  licence: z.string().nullable(),
  ownWork: z.boolean(),
  identifiablePeople: z.boolean().nullable(),
  consent: z.enum(consentValues).nullable(),
  consentNote: z.string().nullable(),
  /** What is still missing before a post using it can be approved (empty = complete). */
  provenanceMissing: z.array(z.enum(['author', 'licence', 'identifiablePeople', 'consent'])),
  uploadedBy: z.string(),
  createdAt: z.string(),
  canEdit: z.boolean(),
});
export type Media = z.infer<typeof Media>;

/** Upload limits (also shown in the UI). */
export const MEDIA_LIMITS = { maxImageBytes: 20 * 1024 * 1024, maxVideoBytes: 200 * 1024 * 1024 } as const;
