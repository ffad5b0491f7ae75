import { z } from 'zod';
import { ContentLang } from './common.js';
import { PersonRef } from './decisions.js';

/**
 * The register of official accounts (art. 3.3–3.6), its presentation checks (each citing its article),
 * drift against the platforms' real roles, the compliance view and the public register.
 */
export const knownPlatforms = ['facebook', 'x', 'youtube', 'linkedin', 'instagram', 'mastodon', 'bluesky', 'sandbox'] as const;
/** A known platform or any other lower-case name ("including but not limited to", manual part I). */
export const Platform = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{0,30}$/, 'Use a lower-case platform name');

export const AccountStatus = z.enum(['active', 'requested', 'closed']);
export type AccountStatus = z.infer<typeof AccountStatus>;

/** Authorisation of the account itself: art. 3.3 (permission to open) or art. 3.4 (retroactive decision). */
export const AccountAuthorisation = z.enum(['authorised', 'awaiting_approval', 'lacks_retroactive_decision', 'lacks_decision', 'closed']);

export const Description = z.partialRecord(ContentLang, z.string().max(5000));
export type Description = z.infer<typeof Description>;

export const CheckCode = z.enum([
  'authorisation',
  'responsible_officer',
  'legal_name',
  'handle_convention',
  'contact_fields',
  'logo',
  'description_languages',
  'opened_with_pio_email',
  'facebook_admin_official_email',
  'auto_reply',
  'drift',
]);
export type CheckCode = z.infer<typeof CheckCode>;

/** One presentation or authority check: the article it applies, whether it passes, and how to fix it. */
export const CheckResult = z.object({
  code: CheckCode,
  article: z.string(),
  status: z.enum(['pass', 'fail', 'unknown']),
  /** Plain English; the web app shows its own translation by `code` and `params`. */
  message: z.string(),
  fix: z.string().nullable(),
  params: z.record(z.string(), z.string()),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const DriftFinding = z.object({
  kind: z.enum(['role_without_decision', 'level_exceeds_decision', 'decision_without_role', 'former_officer_present']),
  article: z.string(),
  externalUserId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  platformRole: z.string().nullable(),
  decidedLevel: z.string().nullable(),
  personId: z.string().nullable(),
});
export type DriftFinding = z.infer<typeof DriftFinding>;

export const DriftReport = z.object({
  checkedAt: z.string(),
  roles: z.array(z.object({ externalUserId: z.string(), name: z.string(), email: z.string().nullable(), role: z.string() })),
  findings: z.array(DriftFinding),
  error: z.string().nullable(),
});
export type DriftReport = z.infer<typeof DriftReport>;

export const Account = z.object({
  id: z.string(),
  institutionId: z.string(),
  platform: z.string(),
  handle: z.string(),
  displayName: z.string(),
  url: z.string().nullable(),
  externalId: z.string().nullable(),
  openedWithEmail: z.string().nullable(),
  openedAt: z.string().nullable(),
  openedBeforeManual: z.boolean(),
  authorisingDecisionId: z.string().nullable(),
  authorisation: AccountAuthorisation,
  status: AccountStatus,
  description: Description,
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  pictureHash: z.string().nullable(),
  autoReplyConfigured: z.boolean(),
  facebookAdminOfficialEmail: z.boolean().nullable(),
  requestedBy: PersonRef.nullable(),
  requestedAt: z.string().nullable(),
  requestNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  failingChecks: z.number(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof Account>;

export const AccountHolder = PersonRef.extend({
  level: z.enum(['admin', 'editor']),
  viaPosition: z.boolean(),
  decisionIds: z.array(z.string()),
});

export const AccountDetail = Account.extend({
  checks: z.array(CheckResult),
  holders: z.array(AccountHolder),
  drift: DriftReport.nullable(),
  my: z.object({
    level: z.enum(['admin', 'editor']).nullable(),
    publish: z.boolean(),
    moderate: z.boolean(),
    vault: z.boolean(),
    manageAccess: z.boolean(),
    approve: z.boolean(),
  }),
  can: z.object({ edit: z.boolean(), approve: z.boolean(), close: z.boolean(), checkDrift: z.boolean(), refreshProfile: z.boolean() }),
});
export type AccountDetail = z.infer<typeof AccountDetail>;

export const AccountListQuery = z.object({
  institutionId: z.string().max(64).optional(),
  status: AccountStatus.optional(),
  platform: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AccountList = z.object({ items: z.array(Account), total: z.number(), canRequest: z.boolean() });
export type AccountList = z.infer<typeof AccountList>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** Art. 3.3: asking the head of the institution for permission to open a new official account. */
export const AccountRequestBody = z.object({
  institutionId: z.string().min(1).max(64),
  platform: Platform,
  handle: z.string().trim().min(1).max(100),
  displayName: z.string().trim().min(2).max(200),
  note: z.string().trim().max(1000).optional(),
});
export type AccountRequestBody = z.input<typeof AccountRequestBody>;

/** Registering an account that already exists: only one opened before the manual (art. 3.4). */
export const AccountRegisterBody = z.object({
  institutionId: z.string().min(1).max(64),
  platform: Platform,
  handle: z.string().trim().min(1).max(100),
  displayName: z.string().trim().min(2).max(200),
  url: optionalText(300).optional(),
  externalId: optionalText(200).optional(),
  openedWithEmail: optionalText(254).optional(),
  openedAt: z.iso.date().optional(),
  openedBeforeManual: z.literal(true),
});
export type AccountRegisterBody = z.input<typeof AccountRegisterBody>;

export const AccountUpdateBody = z.object({
  handle: z.string().trim().min(1).max(100).optional(),
  displayName: z.string().trim().min(2).max(200).optional(),
  url: optionalText(300).optional(),
  externalId: optionalText(200).optional(),
  openedWithEmail: optionalText(254)
    .refine((v) => v === null || z.email().safeParse(v).success, 'Not an e-mail address')
    .optional(),
  openedAt: z.iso.date().nullable().optional(),
  description: Description.optional(),
  address: optionalText(200).optional(),
  postalCode: optionalText(10)
    .refine((v) => v === null || /^\d{5}$/.test(v), 'A Kosovo postal code has 5 digits')
    .optional(),
  phone: optionalText(40)
    .refine((v) => v === null || /^[+0-9 ()/-]{6,40}$/.test(v), 'Use digits, spaces and + only')
    .optional(),
  email: optionalText(254)
    .refine((v) => v === null || z.email().safeParse(v).success, 'Not an e-mail address')
    .optional(),
  website: optionalText(200)
    .refine((v) => v === null || /^https?:\/\/[^\s]+$/.test(v), 'Start the address with https://')
    .optional(),
  autoReplyConfigured: z.boolean().optional(),
  facebookAdminOfficialEmail: z.boolean().nullable().optional(),
});
export type AccountUpdateBody = z.input<typeof AccountUpdateBody>;

export const ApproveAccountBody = z.object({
  number: z.string().trim().min(1).max(60),
  decidedOn: z.iso.date(),
  attachment: z.object({ fileName: z.string().trim().min(1).max(200), contentBase64: z.string().min(4) }).optional(),
});
export type ApproveAccountBody = z.input<typeof ApproveAccountBody>;

export const CloseAccountBody = z.object({ reason: z.string().trim().min(3).max(1000) });

// Brand kit (art. 5.2–5.4)

export const BrandKit = z.object({
  institutionId: z.string(),
  handle: z.string().nullable(),
  suggestedHandle: z.string(),
  logoHash: z.string().nullable(),
  hasLogo: z.boolean(),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type BrandKit = z.infer<typeof BrandKit>;

export const BrandKitBody = z.object({
  handle: z
    .string()
    .trim()
    .regex(/^@?[A-Za-z0-9._-]{2,50}$/, 'Letters, digits, dots, dashes and underscores only')
    .nullable()
    .optional(),
  logo: z.object({ contentBase64: z.string().min(4).max(3_000_000) }).optional(),
});
export type BrandKitBody = z.input<typeof BrandKitBody>;

// Compliance (per institution and KJC-wide)

export const ComplianceQuery = z.object({ institutionId: z.string().max(64).optional() });

export const ComplianceRow = z.object({
  institutionId: z.string(),
  account: z
    .object({ id: z.string(), platform: z.string(), handle: z.string(), displayName: z.string(), status: AccountStatus })
    .nullable(),
  check: CheckResult,
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;

export const ComplianceReport = z.object({
  institutions: z.array(
    z.object({
      institutionId: z.string(),
      accounts: z.number(),
      failing: z.number(),
      openOffboarding: z.number(),
      pendingRequests: z.number(),
    }),
  ),
  rows: z.array(ComplianceRow),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

// The public register (unauthenticated)

export const PublicAccount = z.object({
  platform: z.string(),
  handle: z.string(),
  displayName: z.string(),
  url: z.string().nullable(),
  openedAt: z.string().nullable(),
  verifiedByDecision: z.boolean(),
});
export type PublicAccount = z.infer<typeof PublicAccount>;

export const PublicRegister = z.object({
  generatedAt: z.string(),
  institutions: z.array(
    z.object({
      code: z.string(),
      nameSq: z.string(),
      nameSrLatn: z.string(),
      nameSrCyrl: z.string(),
      nameEn: z.string(),
      website: z.string().nullable(),
      accounts: z.array(PublicAccount),
    }),
  ),
});
export type PublicRegister = z.infer<typeof PublicRegister>;
