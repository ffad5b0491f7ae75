import { z } from 'zod';
import { Position } from './people.js';

/**
 * Decisions of the judiciary's leadership (art. 3.1–3.4, 5.5–5.6) and the two-step editor request (art. 5.6b).
 * A decision is never edited after issue: it is revoked or superseded by a new one.
 */
export const DecisionKind = z.enum([
  'ro_appointment',
  'substitute_appointment',
  'editor_grant',
  'account_opening',
  'retroactive',
  'revocation',
]);
export type DecisionKind = z.infer<typeof DecisionKind>;

export const AccessLevel = z.enum(['admin', 'editor']);
export type AccessLevel = z.infer<typeof AccessLevel>;

export const DecisionRole = z.enum(['responsible_officer', 'substitute', 'editor']);
export type DecisionRole = z.infer<typeof DecisionRole>;

/** Derived: whether the decision gives rights now. */
export const DecisionState = z.enum(['pending', 'in_force', 'expired', 'revoked', 'superseded']);
export type DecisionState = z.infer<typeof DecisionState>;

/** Largest signed act accepted, in bytes (10 MiB). */
export const DECISION_PDF_MAX_BYTES = 10 * 1024 * 1024;

/** A PDF sent as base64 inside the JSON body. */
export const PdfUpload = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .min(4)
    .max(Math.ceil((DECISION_PDF_MAX_BYTES * 4) / 3) + 8, 'The signed act is larger than 10 MB.'),
});
export type PdfUpload = z.infer<typeof PdfUpload>;

const DateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const DecisionBody = z.object({
  institutionId: z.string().min(1).max(64),
  number: z.string().trim().min(1).max(60),
  decidedOn: z.iso.date(),
  kind: DecisionKind,
  /** The leader who signed the act; defaults to the person recording it. */
  issuedById: z.string().min(1).max(64).optional(),
  level: AccessLevel.optional(),
  personIds: z.array(z.string().min(1).max(64)).max(20).default([]),
  accountIds: z.array(z.string().min(1).max(64)).max(100).default([]),
  coversAllAccounts: z.boolean().default(false),
  effectFrom: DateOrDateTime.optional(),
  effectUntil: DateOrDateTime.nullable().optional(),
  targetDecisionId: z.string().min(1).max(64).optional(),
  supersedesDecisionId: z.string().min(1).max(64).optional(),
  summary: z.string().trim().max(2000).optional(),
  attachment: PdfUpload.optional(),
});
export type DecisionBody = z.input<typeof DecisionBody>;

export const PersonRef = z.object({ id: z.string(), name: z.string(), position: Position });
export type PersonRef = z.infer<typeof PersonRef>;

export const AccountRef = z.object({ id: z.string(), platform: z.string(), handle: z.string(), displayName: z.string() });
export type AccountRef = z.infer<typeof AccountRef>;

export const DecisionEnding = z.object({
  at: z.string(),
  cause: z.enum(['revoked', 'superseded', 'person_left']),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  byDecisionId: z.string().nullable(),
  reason: z.string().nullable(),
});

export const Decision = z.object({
  id: z.string(),
  institutionId: z.string(),
  number: z.string(),
  decidedOn: z.string(),
  kind: DecisionKind,
  issuedBy: PersonRef,
  recordedById: z.string(),
  level: AccessLevel.nullable(),
  coversAllAccounts: z.boolean(),
  effectFrom: z.string(),
  effectUntil: z.string().nullable(),
  targetDecisionId: z.string().nullable(),
  supersedesDecisionId: z.string().nullable(),
  editorRequestId: z.string().nullable(),
  summary: z.string().nullable(),
  state: DecisionState,
  people: z.array(PersonRef.extend({ role: DecisionRole, endedAt: z.string().nullable() })),
  accounts: z.array(AccountRef),
  file: z.object({ sha256: z.string(), size: z.number(), fileName: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Decision = z.infer<typeof Decision>;

export const DecisionHistoryEvent = z.object({
  at: z.string(),
  type: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
});

export const DecisionDetail = Decision.extend({
  endings: z.array(DecisionEnding),
  /** Later decisions that revoke or supersede this one. */
  followedBy: z.array(z.object({ id: z.string(), number: z.string(), kind: DecisionKind })),
  history: z.array(DecisionHistoryEvent),
  can: z.object({ revoke: z.boolean(), supersede: z.boolean() }),
});
export type DecisionDetail = z.infer<typeof DecisionDetail>;

export const DecisionListQuery = z.object({
  institutionId: z.string().max(64).optional(),
  kind: DecisionKind.optional(),
  state: DecisionState.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const DecisionList = z.object({ items: z.array(Decision), total: z.number(), canIssue: z.boolean() });
export type DecisionList = z.infer<typeof DecisionList>;

// The two-step editor request (art. 5.6b)

export const EditorRequestStatus = z.enum(['recommended', 'granted', 'refused', 'withdrawn']);
export type EditorRequestStatus = z.infer<typeof EditorRequestStatus>;

export const EditorRequestBody = z.object({
  institutionId: z.string().min(1).max(64),
  candidateId: z.string().min(1).max(64),
  accountIds: z.array(z.string().min(1).max(64)).max(100).default([]),
  coversAllAccounts: z.boolean().default(false),
  note: z.string().trim().max(1000).optional(),
});
export type EditorRequestBody = z.input<typeof EditorRequestBody>;

export const ConsentBody = z.object({
  number: z.string().trim().min(1).max(60),
  decidedOn: z.iso.date(),
  effectFrom: DateOrDateTime.optional(),
  effectUntil: DateOrDateTime.nullable().optional(),
  attachment: PdfUpload.optional(),
});
export type ConsentBody = z.input<typeof ConsentBody>;

export const RefuseBody = z.object({ reason: z.string().trim().min(3).max(1000) });

export const EditorRequest = z.object({
  id: z.string(),
  institutionId: z.string(),
  candidate: PersonRef,
  accounts: z.array(AccountRef),
  coversAllAccounts: z.boolean(),
  recommendedBy: PersonRef,
  recommendedAt: z.string(),
  note: z.string().nullable(),
  status: EditorRequestStatus,
  decidedBy: PersonRef.nullable(),
  decidedAt: z.string().nullable(),
  decisionId: z.string().nullable(),
  refusalReason: z.string().nullable(),
  can: z.object({ consent: z.boolean(), refuse: z.boolean() }),
});
export type EditorRequest = z.infer<typeof EditorRequest>;

export const EditorRequestList = z.object({ items: z.array(EditorRequest), total: z.number(), canRecommend: z.boolean() });
export type EditorRequestList = z.infer<typeof EditorRequestList>;

// Off-boarding (art. 5.7)

export const OffboardingStep = z.enum(['remove_platform_role', 'rotate_password', 'rotate_2fa', 'reassign_posts']);
export type OffboardingStep = z.infer<typeof OffboardingStep>;

export const OffboardingItem = z.object({
  id: z.string(),
  institutionId: z.string(),
  person: PersonRef.extend({ status: z.string(), leftAt: z.string().nullable() }),
  account: AccountRef.nullable(),
  step: OffboardingStep,
  owner: PersonRef.nullable(),
  status: z.enum(['open', 'done']),
  openedAt: z.string(),
  ageDays: z.number(),
  doneAt: z.string().nullable(),
  doneBy: PersonRef.nullable(),
  note: z.string().nullable(),
  canComplete: z.boolean(),
});
export type OffboardingItem = z.infer<typeof OffboardingItem>;

export const OffboardingList = z.object({
  items: z.array(OffboardingItem),
  total: z.number(),
  open: z.number(),
  oldestOpenDays: z.number().nullable(),
});
export type OffboardingList = z.infer<typeof OffboardingList>;

export const CompleteStepBody = z.object({ note: z.string().trim().max(1000).optional() });
