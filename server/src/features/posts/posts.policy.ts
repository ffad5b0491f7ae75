import type { PostStatus } from '@courtdesk/contracts';
import type { PolicyActor } from '../institutions/institutions.policy.js';
import { canViewInstitution, worksAt } from '../institutions/institutions.policy.js';

/**
 * Who may do what with a post: pure functions over facts the use case has loaded, tested as tables.
 * Rights on accounts come only from decisions in force (features/decisions/rights.ts).
 */
export type PostAction =
  'submit' | 'approve' | 'schedule' | 'unschedule' | 'returnToDraft' | 'startPublishing' | 'finishPublishing' | 'failPublishing' | 'retry';

/** The workflow as a table: from → action → to. Anything not listed is refused. */
const TRANSITIONS: Partial<Record<PostStatus, Partial<Record<PostAction, PostStatus>>>> = {
  draft: { submit: 'review', approve: 'approved' },
  review: { approve: 'approved', returnToDraft: 'draft' },
  approved: { schedule: 'scheduled', returnToDraft: 'draft' },
  scheduled: { schedule: 'scheduled', unschedule: 'approved', returnToDraft: 'draft', startPublishing: 'publishing' },
  publishing: { finishPublishing: 'published', failPublishing: 'failed' },
  failed: { retry: 'publishing', finishPublishing: 'published' },
};

/** The status after `action`, or null when the workflow does not allow it. */
export function nextStatus(from: PostStatus, action: PostAction): PostStatus | null {
  return TRANSITIONS[from]?.[action] ?? null;
}

/** Content can change only before anything went out; an edit sends the post back to draft. */
export const EDITABLE: readonly PostStatus[] = ['draft', 'review', 'approved', 'scheduled'];

/** Everything a post-level decision needs, loaded by the use case. */
export interface PostFacts {
  institutionId: string;
  status: PostStatus;
  createdBy: string;
  /** The actor holds `publish` on every target account (by decision, or as president). */
  actorPublishesAll: boolean;
  /** The actor heads the post's institution (president; for the KJC its leadership). */
  actorIsPresident: boolean;
  hasTargets: boolean;
  missingLanguages: number;
  blockingFindings: number;
  overrideBy: string | null;
  commentsOnDecision: boolean;
  decisionPermission: boolean;
  mediaWithoutProvenance: number;
  anyTargetOut: boolean;
}

export const canViewPost = (a: PolicyActor, p: Pick<PostFacts, 'institutionId'>) => canViewInstitution(a, p.institutionId);

/** Drafting is for the institution's own staff; oversight (KJC, administrators) reads only. */
export const canCreatePost = (a: PolicyActor, institutionId: string) => worksAt(a, institutionId);

export function canEditPost(a: PolicyActor, p: PostFacts): boolean {
  return worksAt(a, p.institutionId) && EDITABLE.includes(p.status) && !p.anyTargetOut;
}

/** Why the post's content is not ready to leave draft (empty = ready). */
export function contentProblems(p: PostFacts): string[] {
  const out: string[] = [];
  if (!p.hasTargets) out.push('no_targets');
  if (p.missingLanguages > 0) out.push('missing_language');
  if (p.blockingFindings > 0 && !p.overrideBy) out.push('blocking_findings');
  return out;
}

export function canSubmitPost(a: PolicyActor, p: PostFacts): boolean {
  return worksAt(a, p.institutionId) && nextStatus(p.status, 'submit') !== null && contentProblems(p).length === 0;
}

/** Why `a` may not approve (empty = may). Art. 4.4c, 4.6; no one approves their own override. */
export function approvalProblems(a: PolicyActor, p: PostFacts): string[] {
  const out = contentProblems(p);
  if (nextStatus(p.status, 'approve') === null) out.push('wrong_status');
  if (!p.actorPublishesAll) out.push('no_publish_right');
  if (p.overrideBy !== null && p.overrideBy === a.id) out.push('own_override');
  if (p.commentsOnDecision && !p.decisionPermission) out.push('decision_permission_missing');
  if (p.mediaWithoutProvenance > 0) out.push('media_provenance_missing');
  return out;
}

export const canApprovePost = (a: PolicyActor, p: PostFacts) => approvalProblems(a, p).length === 0;

/** The president records an override of `block` findings, never on a post they wrote themselves. */
export function canOverride(a: PolicyActor, p: PostFacts): boolean {
  return p.actorIsPresident && p.createdBy !== a.id && p.blockingFindings > 0 && (p.status === 'draft' || p.status === 'review');
}

/** The president's prior permission to comment on a decision (art. 4.4c). */
export function canGrantDecisionPermission(a: PolicyActor, p: PostFacts): boolean {
  return p.actorIsPresident && p.commentsOnDecision && !p.decisionPermission && (p.status === 'draft' || p.status === 'review');
}

export function canSchedulePost(a: PolicyActor, p: PostFacts): boolean {
  return p.actorPublishesAll && nextStatus(p.status, 'schedule') !== null;
}

export function canUnschedulePost(a: PolicyActor, p: PostFacts): boolean {
  return p.actorPublishesAll && nextStatus(p.status, 'unschedule') !== null;
}

export function canReturnToDraft(a: PolicyActor, p: PostFacts): boolean {
  return (p.actorPublishesAll || p.createdBy === a.id) && nextStatus(p.status, 'returnToDraft') !== null;
}

/** Retrying a failed account needs the right to publish on it (checked per target by the use case). */
export function canRetry(a: PolicyActor, p: PostFacts, actorPublishesOnTarget: boolean): boolean {
  return actorPublishesOnTarget && (p.status === 'failed' || p.status === 'publishing');
}
