import { z } from 'zod';

export const VaultSecretKind = z.enum(['password', 'totp_seed', 'recovery_codes', 'api_token', 'other']);
export type VaultSecretKind = z.infer<typeof VaultSecretKind>;

export const VaultSecret = z.object({
  id: z.string(),
  kind: VaultSecretKind,
  label: z.string(),
  version: z.number(),
  setAt: z.string(),
  setByName: z.string().nullable(),
  rotationDueAt: z.string().nullable(),
  rotationReason: z.string().nullable(),
});
export type VaultSecret = z.infer<typeof VaultSecret>;

export const VaultOpening = z.object({
  seq: z.number(),
  at: z.string(),
  type: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  label: z.string().nullable(),
});
export type VaultOpening = z.infer<typeof VaultOpening>;

export const VaultOverview = z.object({
  accountId: z.string(),
  secrets: z.array(VaultSecret),
  openings: z.array(VaultOpening),
});
export type VaultOverview = z.infer<typeof VaultOverview>;

export const StoreSecretBody = z.object({
  kind: VaultSecretKind,
  label: z.string().trim().min(1).max(80),
  value: z.string().min(1).max(4000),
});
export type StoreSecretBody = z.infer<typeof StoreSecretBody>;

export const RevealSecretBody = z.object({
  code: z.string().trim().min(6).max(12),
  reason: z.string().trim().min(5).max(300),
});
export type RevealSecretBody = z.infer<typeof RevealSecretBody>;

export const RevealedSecret = z.object({ value: z.string(), kind: VaultSecretKind, label: z.string(), version: z.number() });
export type RevealedSecret = z.infer<typeof RevealedSecret>;

export const VaultAccount = z.object({
  accountId: z.string(),
  institutionId: z.string(),
  platform: z.string(),
  handle: z.string(),
  displayName: z.string(),
  secrets: z.number(),
  rotationDue: z.number(),
});
export type VaultAccount = z.infer<typeof VaultAccount>;
