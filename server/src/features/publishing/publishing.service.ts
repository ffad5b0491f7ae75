import type { Db, DbOrTrx } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { nowIso } from '../../platform/ids.js';
import { cancelJobs, enqueueJob, rescheduleJob, wakeJobs } from '../../platform/jobs/jobs.js';
import { appendAudit } from '../audit/audit.service.js';
import { isKjcLeadership, isSysadmin, type PolicyActor } from '../institutions/institutions.policy.js';
import { canRetry, canSchedulePost, canUnschedulePost } from '../posts/posts.policy.js';
import { withPost, type Acting, type UseCaseCtx } from '../posts/posts.service.js';

/** A schedule this far in the past is refused (a few seconds of slack for "publish now" round trips). */
const PAST_SLACK_MS = 5_000;
export const PUBLISH_JOB = 'post.publish';
export const publishKey = (targetId: string) => `publish:${targetId}`;

/**
 * Schedules an approved post for `scheduledAt` (null = now), or moves a scheduled one: one durable
 * job per account, written in the same transaction. Rescheduling moves the waiting jobs.
 */
export async function schedulePost(ctx: UseCaseCtx, who: Acting, postId: string, scheduledAt: string | null): Promise<void> {
  const at = scheduledAt ? new Date(scheduledAt) : new Date();
  if (at.getTime() < Date.now() - PAST_SLACK_MS) throw new ValidationError('The time is in the past; choose a time from now on.');
  const when = nowIso(at);
  await withPost(ctx, who, postId, async (trx, lp, facts) => {
    if (!canSchedulePost(who.actor, facts)) {
      if (!facts.actorPublishesAll)
        throw new ForbiddenError('No decision in force gives you the right to publish on every chosen account.', 'no_publish_right');
      throw new ConflictError('Only an approved or scheduled post can be scheduled.', 'wrong_status');
    }
    const moving = lp.post.status === 'scheduled';
    for (const t of lp.targets) {
      if (t.status === 'published' || t.status === 'publishing') continue;
      const moved = moving && (await rescheduleJob(trx, publishKey(t.id), when));
      if (!moved) await enqueueJob(trx, PUBLISH_JOB, { targetId: t.id }, { runAt: when, dedupeKey: publishKey(t.id), maxAttempts: 12 });
    }
    await trx
      .updateTable('post_targets')
      .set({ status: 'scheduled', updated_at: nowIso() })
      .where('post_id', '=', postId)
      .where('status', 'in', ['pending', 'scheduled'])
      .execute();
    await trx
      .updateTable('posts')
      .set({ status: 'scheduled', scheduled_at: when, updated_at: nowIso() })
      .where('id', '=', postId)
      .execute();
    await appendAudit(trx, {
      type: moving ? 'post.rescheduled' : 'post.scheduled',
      actorId: who.actor.id,
      institutionId: lp.post.institution_id,
      subjectType: 'post',
      subjectId: postId,
      data: { scheduledAt: when, previous: lp.post.scheduled_at, accountIds: lp.targets.map((t) => t.account_id) },
    });
  });
  wakeJobs(ctx.db);
}

/** Takes a scheduled post off the schedule (back to approved); waiting jobs are cancelled. */
export async function unschedulePost(ctx: UseCaseCtx, who: Acting, postId: string): Promise<void> {
  await withPost(ctx, who, postId, async (trx, lp, facts) => {
    if (!canUnschedulePost(who.actor, facts)) throw new ForbiddenError('You may not take this post off the schedule.');
    await cancelJobs(
      trx,
      lp.targets.map((t) => publishKey(t.id)),
    );
    await trx
      .updateTable('post_targets')
      .set({ status: 'pending', updated_at: nowIso() })
      .where('post_id', '=', postId)
      .where('status', '=', 'scheduled')
      .execute();
    await trx.updateTable('posts').set({ status: 'approved', scheduled_at: null, updated_at: nowIso() }).where('id', '=', postId).execute();
    await appendAudit(trx, {
      type: 'post.unscheduled',
      actorId: who.actor.id,
      institutionId: lp.post.institution_id,
      subjectType: 'post',
      subjectId: postId,
      data: { was: lp.post.scheduled_at },
    });
  });
}

/** "Retry" after a permanent failure on one account: same idempotency key, fresh attempts. */
export async function retryTarget(ctx: UseCaseCtx, who: Acting, postId: string, targetId: string): Promise<void> {
  await withPost(ctx, who, postId, async (trx, lp, facts, _check, publishOn) => {
    const t = lp.targets.find((x) => x.id === targetId);
    if (!t) throw new NotFoundError('The account of this post');
    if (!canRetry(who.actor, facts, publishOn.get(t.account_id) === true))
      throw new ForbiddenError('You may not retry publishing on this account.');
    if (t.status !== 'failed') throw new ConflictError('Only a failed account can be retried.', 'wrong_status');
    await enqueueJob(trx, PUBLISH_JOB, { targetId }, { dedupeKey: publishKey(targetId), maxAttempts: 12 });
    await trx
      .updateTable('post_targets')
      .set({
        status: 'scheduled',
        error_code: null,
        error_message: null,
        platform_message: null,
        next_attempt_at: null,
        updated_at: nowIso(),
      })
      .where('id', '=', targetId)
      .execute();
    // The person retrying holds `publish` on the account (checked above): they approve it anew.
    await trx
      .updateTable('posts')
      .set({ status: 'publishing', approved_by: who.actor.id, approved_at: nowIso(), updated_at: nowIso() })
      .where('id', '=', postId)
      .execute();
    await appendAudit(trx, {
      type: 'post.publish_retried',
      actorId: who.actor.id,
      institutionId: lp.post.institution_id,
      subjectType: 'post',
      subjectId: postId,
      data: { targetId, accountId: t.account_id },
    });
  });
  wakeJobs(ctx.db);
}

/** The judiciary-wide switch: KJC leadership and system administrators. */
export const canTogglePause = (a: PolicyActor) => isKjcLeadership(a) || isSysadmin(a);

export async function publishingState(db: DbOrTrx) {
  return db.selectFrom('publishing_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function isPaused(db: DbOrTrx): Promise<boolean> {
  const s = await db.selectFrom('publishing_settings').select('paused').where('id', '=', 1).executeTakeFirst();
  return s?.paused === 1;
}

/** Pauses or resumes all publishing; waiting posts stay scheduled and go out after resuming. */
export async function setPaused(db: Db, actor: PolicyActor, paused: boolean, reason: string): Promise<void> {
  if (!canTogglePause(actor))
    throw new ForbiddenError('Only the KJC leadership or an administrator may pause publishing for the judiciary.');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('publishing_settings')
      .set({ paused: paused ? 1 : 0, reason, changed_by: actor.id, changed_at: nowIso() })
      .where('id', '=', 1)
      .execute();
    await appendAudit(trx, {
      type: paused ? 'publishing.paused' : 'publishing.resumed',
      actorId: actor.id,
      institutionId: null,
      subjectType: 'publishing',
      subjectId: 'all',
      reason,
      data: {},
    });
  });
  if (!paused) wakeJobs(db);
}
