import type { ContentLang, Post, PostSummary } from '@courtdesk/contracts';
import type { PolicyActor } from '../institutions/institutions.policy.js';
import { provenanceMissing } from '../media/media.provenance.js';
import type { PostCheck } from './posts.check.js';
import {
  canApprovePost,
  canEditPost,
  canGrantDecisionPermission,
  canOverride,
  canRetry,
  canReturnToDraft,
  canSchedulePost,
  canSubmitPost,
  canUnschedulePost,
  type PostFacts,
} from './posts.policy.js';
import type { LoadedPost, TargetRow } from './posts.repository.js';

/** A post as the web app sees it, with the abilities of the person asking (the app never re-derives rules). */
export function presentPost(
  lp: LoadedPost,
  facts: PostFacts,
  check: PostCheck,
  publishOn: Map<string, boolean>,
  actor: PolicyActor,
  names: Map<string, string>,
): Post {
  const p = lp.post;
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '—' } : null);
  return {
    id: p.id,
    institutionId: p.institution_id,
    status: p.status,
    variants: lp.variants.map((v) => ({ lang: v.lang as ContentLang, text: v.text, title: v.title })),
    requiredLanguages: lp.requiredLanguages,
    link: p.link,
    commentsOnDecision: p.comments_on_decision === 1,
    decisionPermission: p.decision_permission_at
      ? {
          by: p.decision_permission_by!,
          byName: names.get(p.decision_permission_by!) ?? '—',
          at: p.decision_permission_at,
          reason: p.decision_permission_reason ?? '',
        }
      : null,
    override: p.override_at
      ? { by: p.override_by!, byName: names.get(p.override_by!) ?? '—', at: p.override_at, reason: p.override_reason ?? '' }
      : null,
    scheduledAt: p.scheduled_at,
    createdBy: person(p.created_by)!,
    approvedBy: person(p.approved_by),
    approvedAt: p.approved_at,
    targets: lp.targets.map((t) => ({ ...presentTarget(t), canManage: publishOn.get(t.account_id) === true })),
    media: lp.media.map((m) => ({
      id: m.id,
      mime: m.mime,
      kind: m.kind,
      provenanceComplete: provenanceMissing(m).length === 0,
      altText: m.alt_text,
    })),
    findings: check.findings,
    version: p.version,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    can: {
      edit: canEditPost(actor, facts),
      submit: canSubmitPost(actor, facts),
      approve: canApprovePost(actor, facts),
      override: canOverride(actor, facts),
      grantDecisionPermission: canGrantDecisionPermission(actor, facts),
      schedule: canSchedulePost(actor, facts),
      unschedule: canUnschedulePost(actor, facts),
      retry: lp.targets.some((t) => t.status === 'failed' && canRetry(actor, facts, publishOn.get(t.account_id) === true)),
      returnToDraft: canReturnToDraft(actor, facts),
    },
  };
}

export function presentTarget(t: TargetRow) {
  return {
    id: t.id,
    accountId: t.account_id,
    platform: t.platform,
    handle: t.handle,
    displayName: t.display_name,
    status: t.status,
    externalId: t.external_id,
    url: t.url,
    publishedAt: t.published_at,
    attempts: t.attempts,
    errorCode: t.error_code,
    errorMessage: t.error_message,
    platformMessage: t.platform_message,
    nextAttemptAt: t.next_attempt_at,
  };
}

export function presentSummary(p: LoadedPost['post'], variants: Array<{ lang: string; text: string }>, targets: TargetRow[]): PostSummary {
  const first = variants.find((v) => v.text.trim())?.text.trim() ?? '';
  const published = targets
    .map((t) => t.published_at)
    .filter((x): x is string => !!x)
    .sort();
  return {
    id: p.id,
    institutionId: p.institution_id,
    status: p.status,
    excerpt: first.length > 140 ? `${first.slice(0, 137)}…` : first,
    langs: variants.filter((v) => v.text.trim()).map((v) => v.lang as ContentLang),
    scheduledAt: p.scheduled_at,
    publishedAt: published[0] ?? null,
    targets: targets.map((t) => ({ accountId: t.account_id, platform: t.platform, handle: t.handle, status: t.status })),
    createdBy: p.created_by,
    updatedAt: p.updated_at,
  };
}
