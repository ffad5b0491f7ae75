import { z } from 'zod';
import { ContentLang } from './common.js';

export const InstitutionKind = z.enum(['council', 'supreme', 'appeals', 'commercial', 'basic', 'branch']);
export type InstitutionKind = z.infer<typeof InstitutionKind>;

export const Institution = z.object({
  id: z.string(),
  code: z.string(),
  kind: InstitutionKind,
  parentId: z.string().nullable(),
  nameSq: z.string(),
  nameSrLatn: z.string(),
  nameSrCyrl: z.string(),
  nameEn: z.string(),
  seat: z.string(),
  languages: z.array(ContentLang),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  updatedAt: z.string(),
});
export type Institution = z.infer<typeof Institution>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

export const InstitutionUpdateBody = z.object({
  address: optionalText(200).optional(),
  postalCode: optionalText(10)
    .refine((v) => v === null || /^\d{5}$/.test(v), 'A Kosovo postal code has 5 digits')
    .optional(),
  phone: optionalText(40)
    .refine((v) => v === null || /^[+0-9 ()/-]{6,40}$/.test(v), 'Use digits, spaces and + only')
    .optional(),
  email: optionalText(254)
    .refine((v) => v === null || z.string().email().safeParse(v).success, 'Not an e-mail address')
    .optional(),
  website: optionalText(200)
    .refine((v) => v === null || /^https?:\/\/[^\s]+$/.test(v), 'Start the address with https://')
    .optional(),
  languages: z.array(ContentLang).min(1).optional(),
});
export type InstitutionUpdateBody = z.infer<typeof InstitutionUpdateBody>;
