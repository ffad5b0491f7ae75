import type { PostStatus, TargetStatus } from '@courtdesk/contracts';

export interface PostsTable {
  id: string;
  institution_id: string;
  status: PostStatus;
  link: string | null;
  /** 1 when the post comments on a court decision (art. 4.4c): needs the president's prior permission. */
  comments_on_decision: number;
  decision_permission_by: string | null;
  decision_permission_at: string | null;
  decision_permission_reason: string | null;
  /** The president's override of `block` findings (audited; the overrider may not also approve). */
  override_by: string | null;
  override_at: string | null;
  override_reason: string | null;
  /** JSON: the findings the override covered (rule id + variant + excerpt). */
  override_findings: string | null;
  scheduled_at: string | null;
  created_by: string;
  submitted_by: string | null;
  submitted_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  /** Bumped on every edit of the content; an override or approval covers one version. */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PostVariantsTable {
  post_id: string;
  lang: string;
  text: string;
  title: string | null;
}

export interface PostMediaTable {
  post_id: string;
  media_id: string;
  position: number;
}

/** The post on one account: its own state, idempotency key and platform id. */
export interface PostTargetsTable {
  id: string;
  post_id: string;
  account_id: string;
  status: TargetStatus;
  idempotency_key: string;
  external_id: string | null;
  url: string | null;
  published_at: string | null;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  platform_message: string | null;
  next_attempt_at: string | null;
  updated_at: string;
}

export interface PostTables {
  posts: PostsTable;
  post_variants: PostVariantsTable;
  post_media: PostMediaTable;
  post_targets: PostTargetsTable;
}
