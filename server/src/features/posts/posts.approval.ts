import { nowIso } from '../../platform/ids.js';
import { ForbiddenError } from '../../platform/http/errors.js';
import { appendAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { approvalProblems, canGrantDecisionPermission, canOverride } from './posts.policy.js';
import { excerptOf, refuse, withPost, type Acting, type UseCaseCtx } from './posts.service.js';

/** Approves the post (draft or review → approved) when every rule of approval holds. */
export async function approvePost(ctx: UseCaseCtx, who: Acting, postId: string): Promise<void> {
  await withPost(ctx, who, postId, async (trx, lp, facts, check) => {
    const problems = approvalProblems(who.actor, facts);
    if (problems.length) refuse(problems, check);
    const now = nowIso();
    await trx
      .updateTable('posts')
      .set({ status: 'approved', approved_by: who.actor.id, approved_at: now, updated_at: now })
      .where('id', '=', postId)
      .execute();
    await appendAudit(trx, {
      type: 'post.approved',
      actorId: who.actor.id,
      institutionId: lp.post.institution_id,
      subjectType: 'post',
      subjectId: postId,
      data: {
        version: lp.post.version,
        accountIds: lp.targets.map((t) => t.account_id),
        override: lp.post.override_by !== null,
        decisionPermission: facts.decisionPermission,
      },
    });
    if (lp.post.created_by !== who.actor.id)
      await notify(trx, ctx.config, { userIds: [lp.post.created_by], kind: 'approved', postId, data: { excerpt: excerptOf(lp) } });
  });
}

/**
 * The president records an override of the `block` findings with a reason (audited with the findings
 * it covers). The override belongs to this version of the text; any edit clears it.
 */
export async function overrideFindings(ctx: UseCaseCtx, who: Acting, postId: string, reason: string): Promise<void> {
  await withPost(ctx, who, postId, async (trx, lp, facts, check) => {
    if (!canOverride(who.actor, facts)) {
      if (facts.actorIsPresident && lp.post.created_by === who.actor.id)
        throw new ForbiddenError('You wrote this post, so you cannot override its findings yourself.', 'own_post');
      throw new ForbiddenError('Only the president may override findings, on a draft or a post under review that has blocking findings.');
    }
    const covered = check.blocking.map((f) => ({ ruleId: f.ruleId, article: f.article, variant: f.variant, excerpt: f.excerpt }));
    const now = nowIso();
    await trx
      .updateTable('posts')
      .set({
        override_by: who.actor.id,
        override_at: now,
        override_reason: reason,
        override_findings: JSON.stringify(covered),
        updated_at: now,
      })
      .where('id', '=', postId)
      .execute();
    await appendAudit(trx, {
      type: 'post.override_recorded',
      actorId: who.actor.id,
      institutionId: lp.post.institution_id,
      subjectType: 'post',
      subjectId: postId,
      reason,
      data: { version: lp.post.version, findings: covered },
    });
  });
}

/** The president's prior permission to comment on a court decision (art. 4.4c), with a reason. */
export async function grantDecisionPermission(ctx: UseCaseCtx, who: Acting, postId: string, reason: string): Promise<void> {
  await withPost(ctx, who, postId, async (trx, lp, facts) => {
    if (!canGrantDecisionPermission(who.actor, facts))
      throw new ForbiddenError('Only the president may permit, in advance, a comment on a court decision (art. 4.4c).');
    const now = nowIso();
    await trx
      .updateTable('posts')
      .set({ decision_permission_by: who.actor.id, decision_permission_at: now, decision_permission_reason: reason, updated_at: now })
      .where('id', '=', postId)
      .execute();
    await appendAudit(trx, {
      type: 'post.decision_permission_recorded',
      actorId: who.actor.id,
      institutionId: lp.post.institution_id,
      subjectType: 'post',
      subjectId: postId,
      reason,
      data: { version: lp.post.version },
    });
  });
}
