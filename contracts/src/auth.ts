import { z } from 'zod';
import { UiLocale } from './common.js';
import { Position, PersonStatus } from './people.js';

export const LoginBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

/**
 * Stage of the current session:
 * - `totp`: password accepted, a TOTP or recovery code is still needed;
 * - `enrol`: signed in, but 2FA is required for this person and not yet set up (only enrolment is allowed);
 * - `full`: signed in.
 */
export const SessionStage = z.enum(['totp', 'enrol', 'full']);
export type SessionStage = z.infer<typeof SessionStage>;

export const SessionUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  institutionId: z.string(),
  position: Position,
  status: PersonStatus,
  locale: UiLocale,
  totpEnabled: z.boolean(),
  twoFactorRequired: z.boolean(),
  /** Signed in with a one-time password (invitation, CLI): a new password must be chosen before anything else. */
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const MeResponse = z.object({
  user: SessionUser.nullable(),
  stage: SessionStage.nullable(),
  csrfToken: z.string().nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const TotpBody = z.object({
  code: z.string().trim().min(6).max(32).describe('A 6-digit code from the authenticator app, or one recovery code'),
});

export const EnrolStartResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
});
export type EnrolStartResponse = z.infer<typeof EnrolStartResponse>;

export const EnrolConfirmResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type EnrolConfirmResponse = z.infer<typeof EnrolConfirmResponse>;

export const PreferencesBody = z.object({ locale: UiLocale });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(12).max(1024),
});
