import { z } from 'zod';
import { ContentLang } from './common.js';
import { Finding } from './policy.js';

/** A post's workflow (issue 5): draft → review → approved → scheduled → publishing → published | failed. */
export const postStatuses = ['draft', 'review', 'approved', 'scheduled', 'publishing', 'published', 'failed'] as const;
export const PostStatus = z.enum(postStatuses);
export type PostStatus = z.infer<typeof PostStatus>;

/** The post on one account. */
export const targetStatuses = ['pending', 'scheduled', 'publishing', 'published', 'failed', 'deleted'] as const;
export const TargetStatus = z.enum(targetStatuses);
export type TargetStatus = z.infer<typeof TargetStatus>;

export const PostVariantInput = z.object({
  lang: ContentLang,
  text: z.string().max(70_000),
  title: z.string().max(200).nullable().optional(),
});
export type PostVariantInput = z.infer<typeof PostVariantInput>;

export const PostWriteBody = z.object({
  variants: z.array(PostVariantInput).max(5),
  link: z.string().url().max(2000).nullable().optional(),
  accountIds: z.array(z.string().min(1).max(64)).max(20),
  mediaIds: z.array(z.string().min(1).max(64)).max(10),
  commentsOnDecision: z.boolean().default(false),
});
export type PostWriteBody = z.infer<typeof PostWriteBody>;

export const PostCreateBody = PostWriteBody.extend({ institutionId: z.string().min(1).max(64) });
export type PostCreateBody = z.infer<typeof PostCreateBody>;

export const PostTarget = z.object({
  id: z.string(),
  accountId: z.string(),
  platform: z.string(),
  handle: z.string(),
  displayName: z.string(),
  status: TargetStatus,
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  attempts: z.number().int(),
  errorCode: z.string().nullable(),
  /** Plain words for the officer; `platformMessage` is the platform's own. */
  errorMessage: z.string().nullable(),
  platformMessage: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** The reader may retry or remove the post on this account (a decision in force gives them `publish`). */
  canManage: z.boolean(),
});
export type PostTarget = z.infer<typeof PostTarget>;

export const PostAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  override: z.boolean(),
  grantDecisionPermission: z.boolean(),
  schedule: z.boolean(),
  unschedule: z.boolean(),
  retry: z.boolean(),
  returnToDraft: z.boolean(),
});
export type PostAbilities = z.infer<typeof PostAbilities>;

export const PostMediaRef = z.object({
  id: z.string(),
  mime: z.string(),
  kind: z.enum(['image', 'video']),
  provenanceComplete: z.boolean(),
  altText: z.string().nullable(),
});

export const Post = z.object({
  id: z.string(),
  institutionId: z.string(),
  status: PostStatus,
  variants: z.array(z.object({ lang: ContentLang, text: z.string(), title: z.string().nullable() })),
  requiredLanguages: z.array(ContentLang),
  link: z.string().nullable(),
  commentsOnDecision: z.boolean(),
  decisionPermission: z.object({ by: z.string(), byName: z.string(), at: z.string(), reason: z.string() }).nullable(),
  override: z.object({ by: z.string(), byName: z.string(), at: z.string(), reason: z.string() }).nullable(),
  scheduledAt: z.string().nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  approvedAt: z.string().nullable(),
  targets: z.array(PostTarget),
  media: z.array(PostMediaRef),
  findings: z.array(Finding),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: PostAbilities,
});
export type Post = z.infer<typeof Post>;

export const PostSummary = z.object({
  id: z.string(),
  institutionId: z.string(),
  status: PostStatus,
  excerpt: z.string(),
  langs: z.array(ContentLang),
  scheduledAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  targets: z.array(z.object({ accountId: z.string(), platform: z.string(), handle: z.string(), status: TargetStatus })),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type PostSummary = z.infer<typeof PostSummary>;

export const PostListQuery = z.object({
  institutionId: z.string().max(64).optional(),
  status: PostStatus.optional(),
  /** Posts waiting for me to approve. */
  awaitingMe: z.coerce.boolean().optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ReasonBody = z.object({ reason: z.string().trim().min(5, 'Give a reason of at least 5 characters.').max(2000) });
export const ScheduleBody = z.object({ scheduledAt: z.string().datetime({ offset: true }).nullable() });

export const PostCheckBody = z.object({
  institutionId: z.string().min(1).max(64),
  variants: z.array(PostVariantInput).max(5),
  commentsOnDecision: z.boolean().default(false),
  postId: z.string().max(64).optional(),
});
export const PostCheckResult = z.object({
  findings: z.array(Finding),
  missingLanguages: z.array(ContentLang),
  blocking: z.boolean(),
});
export type PostCheckResult = z.infer<typeof PostCheckResult>;

/** What the composer needs to know about a platform: limits from the connector's manifest. */
export const PlatformInfo = z.object({
  name: z.string(),
  displayName: z.string(),
  hasConnector: z.boolean(),
  limits: z.object({ maxTextLength: z.number(), maxImages: z.number(), maxImageBytes: z.number(), maxTitleLength: z.number().optional() }),
  textPost: z.boolean(),
  imagePost: z.boolean(),
  notes: z.array(z.string()),
});
export type PlatformInfo = z.infer<typeof PlatformInfo>;

export const TargetAccount = z.object({
  id: z.string(),
  institutionId: z.string(),
  platform: z.string(),
  handle: z.string(),
  displayName: z.string(),
  canPublish: z.boolean(),
});
export type TargetAccount = z.infer<typeof TargetAccount>;

export const PublishingState = z.object({
  paused: z.boolean(),
  reason: z.string().nullable(),
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable(),
  canToggle: z.boolean(),
});
export type PublishingState = z.infer<typeof PublishingState>;
export const PauseBody = z.object({ paused: z.boolean(), reason: z.string().trim().min(5).max(2000) });

export const CalendarQuery = z.object({
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
  institutionId: z.string().max(64).optional(),
});
export const CalendarEntry = z.object({
  postId: z.string(),
  institutionId: z.string(),
  status: PostStatus,
  at: z.string(),
  excerpt: z.string(),
  platforms: z.array(z.string()),
  canReschedule: z.boolean(),
});
export type CalendarEntry = z.infer<typeof CalendarEntry>;

export const ArchiveEntry = z.object({
  id: z.string(),
  institutionId: z.string(),
  postId: z.string(),
  accountId: z.string().nullable(),
  platform: z.string().nullable(),
  kind: z.enum(['published', 'edited', 'deleted']),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  contentHash: z.string(),
  text: z.string(),
  at: z.string(),
});
export type ArchiveEntry = z.infer<typeof ArchiveEntry>;

export const Notification = z.object({
  id: z.string(),
  kind: z.enum(['approval_requested', 'approved', 'published', 'failed', 'drift_found']),
  postId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

/** The time zone every schedule is shown in (Kosovo). */
export const COURT_TIME_ZONE = 'Europe/Belgrade';
