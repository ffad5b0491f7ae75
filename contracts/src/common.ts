import { z } from 'zod';

/** Languages of our own UI (art. 3.11 applies to Courtdesk too). */
export const uiLocales = ['sq', 'sr', 'en'] as const;
export const UiLocale = z.enum(uiLocales);
export type UiLocale = z.infer<typeof UiLocale>;

/** Languages a post variant or an institution can require. Serbian covers Latin and Cyrillic script. */
export const contentLangs = ['sq', 'sr', 'en', 'tr', 'bs'] as const;
export const ContentLang = z.enum(contentLangs);
export type ContentLang = z.infer<typeof ContentLang>;

/** Every failure from the API has this body. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.string().min(1).max(64);
export const IsoDateTime = z.string().datetime({ offset: true });
export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const Ok = z.object({ ok: z.literal(true) });
