import { z } from 'zod';
import { UiLocale } from './common.js';

/** Positions a person can hold (manual, part I). */
export const Position = z.enum([
  'president',
  'pio',
  'court_officer',
  'kjc_chair',
  'kjc_deputy_chair',
  'kjc_secretariat_director',
  'sysadmin',
]);
export type Position = z.infer<typeof Position>;

/** Positions that make a person part of the "leadership of the judiciary". */
export const leadershipPositions: readonly Position[] = ['president', 'kjc_chair', 'kjc_deputy_chair', 'kjc_secretariat_director'];

export const PersonStatus = z.enum(['active', 'resigned', 'dismissed']);
export type PersonStatus = z.infer<typeof PersonStatus>;

export const Person = z.object({
  id: z.string(),
  institutionId: z.string(),
  name: z.string(),
  email: z.string(),
  position: Position,
  status: PersonStatus,
  leftAt: z.string().nullable(),
  leftReason: z.string().nullable(),
  locale: UiLocale,
  totpEnabled: z.boolean(),
  createdAt: z.string(),
});
export type Person = z.infer<typeof Person>;

export const InviteBody = z.object({
  institutionId: z.string().min(1),
  name: z.string().trim().min(2).max(120),
  email: z.string().trim().toLowerCase().email().max(254),
  position: Position,
  locale: UiLocale.default('sq'),
});
export type InviteBody = z.infer<typeof InviteBody>;

export const InviteResponse = z.object({
  person: Person,
  /** Shown once to the inviter, who hands it over; the person must change it at first sign-in. */
  temporaryPassword: z.string(),
});

export const LeaveBody = z.object({
  status: z.enum(['resigned', 'dismissed']),
  date: z.string().date().optional(),
  reason: z.string().trim().max(500).optional(),
});
export type LeaveBody = z.infer<typeof LeaveBody>;
