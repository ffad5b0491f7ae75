import { z } from 'zod';
import type { AccountRef, PlatformName, PublishedRef } from '../../connectors/connector.js';
import { getConnector } from '../../connectors/index.js';
import { forUpdate, type Db, type Trx } from '../../platform/db/database.js';
import { nowIso } from '../../platform/ids.js';
import { defineJob, type JobOutcome, type JobRunContext } from '../../platform/jobs/jobs.js';
import { appendAudit } from '../audit/audit.service.js';
import { rightsOnAccount } from '../decisions/rights.js';
import { appendArchive, type ArchivedContent } from '../archive/archive.service.js';
import { notify } from '../notifications/notifications.service.js';
import { composeText } from '../posts/posts.check.js';
import { connectorAccountRef } from '../accounts/connection.service.js';
import { requiredLanguagesOf, sortVariants } from '../posts/posts.repository.js';
import type { PostsTable, PostTargetsTable } from '../posts/posts.tables.js';
import { asConnectorError, plainMessage, retryDelayMs, withTimeout } from './publishing.errors.js';
import { isPaused, PUBLISH_JOB } from './publishing.service.js';

const CALL_TIMEOUT_MS = Number(process.env.COURTDESK_PUBLISH_TIMEOUT_MS ?? 30_000);
const MAX_ATTEMPTS = 12;

/**
 * Publishes one post on one account, exactly once:
 * 1. claim: the target moves to `publishing` and its attempt counter rises, in a transaction;
 * 2. if an earlier attempt may have reached the platform (any attempt before this one), ask the platform
 *    for the post by its idempotency key first and, if it is there, only record it;
 * 3. otherwise publish with the idempotency key (the platform dedupes a racing twin);
 * 4. record the result, archive entry and audit event in one transaction.
 * A crash between 3 and 4 leaves the job leased; when the lease runs out the job is claimed again and
 * step 2 finds the post. Nothing is ever published without the key, and the key never changes.
 */
export const publishJob = defineJob({
  name: PUBLISH_JOB,
  payload: z.object({ targetId: z.string() }),
  maxAttempts: MAX_ATTEMPTS,
  gate: async (db) => !(await isPaused(db)),
  handler: publishTarget,
});

async function publishTarget({ targetId }: { targetId: string }, ctx: JobRunContext): Promise<JobOutcome> {
  const claimed = await begin(ctx.db, targetId);
  if (!claimed) return;
  const { target, post } = claimed;
  // Fail closed: the approval must still be covered by a decision in force when the post goes out.
  if (!claimed.approvalInForce) return fail(ctx, target, post, 'approval_lapsed', null);
  const account = await ctx.db.selectFrom('accounts').selectAll().where('id', '=', target.account_id).executeTakeFirstOrThrow();
  const connector = getConnector(account.platform as PlatformName, ctx.db);
  if (!connector) return fail(ctx, target, post, 'no_connector', null);
  const ref: AccountRef = await connectorAccountRef(ctx.db, account);
  const content = await loadContent(ctx.db, post);
  try {
    let published: PublishedRef | null = null;
    if (target.attempts > 1)
      published = await withTimeout(connector.findByIdempotencyKey(ref, target.idempotency_key), CALL_TIMEOUT_MS, false);
    if (!published) {
      const input = {
        idempotencyKey: target.idempotency_key,
        text: content.archived.text,
        title: content.archived.title ?? undefined,
        link: post.link ?? undefined,
        media: content.media,
      };
      published = await withTimeout(connector.publish(ref, input), CALL_TIMEOUT_MS, true);
    }
    await succeed(ctx, target, post, account.platform, published, content.archived);
    return;
  } catch (raw) {
    const err = asConnectorError(raw);
    if (!err.retryable) return fail(ctx, target, post, err.opts.code, err.opts.platformMessage ?? err.message);
    if (target.attempts >= MAX_ATTEMPTS) return fail(ctx, target, post, 'gave_up', err.opts.platformMessage ?? err.message);
    const retryAt = nowIso(new Date(Date.now() + retryDelayMs(target.attempts, err.opts.retryAfterMs)));
    await ctx.db
      .updateTable('post_targets')
      .set({
        error_code: err.opts.code,
        error_message: plainMessage(err.opts.code),
        platform_message: err.opts.platformMessage ?? err.message,
        next_attempt_at: retryAt,
        updated_at: nowIso(),
      })
      .where('id', '=', target.id)
      .where('status', '=', 'publishing')
      .execute();
    return { retryAt, error: `${err.opts.code}: ${err.message}` };
  }
}

/** Claims the target for this attempt; null when there is nothing (more) to do. */
async function begin(db: Db, targetId: string): Promise<{ target: PostTargetsTable; post: PostsTable; approvalInForce: boolean } | null> {
  return db.transaction().execute(async (trx) => {
    const target = await forUpdate(trx, trx.selectFrom('post_targets').selectAll().where('id', '=', targetId)).executeTakeFirst();
    if (!target || (target.status !== 'scheduled' && target.status !== 'publishing')) return null;
    const post = await forUpdate(trx, trx.selectFrom('posts').selectAll().where('id', '=', target.post_id)).executeTakeFirstOrThrow();
    if (!['scheduled', 'publishing', 'failed'].includes(post.status)) return null;
    const attempts = target.attempts + 1;
    await trx
      .updateTable('post_targets')
      .set({ status: 'publishing', attempts, updated_at: nowIso() })
      .where('id', '=', targetId)
      .execute();
    if (post.status !== 'publishing') {
      await trx.updateTable('posts').set({ status: 'publishing', updated_at: nowIso() }).where('id', '=', post.id).execute();
      await appendAudit(trx, {
        type: 'post.publishing_started',
        actorId: null,
        institutionId: post.institution_id,
        subjectType: 'post',
        subjectId: post.id,
        data: { scheduledAt: post.scheduled_at },
      });
    }
    const approvalInForce = !!post.approved_by && (await rightsOnAccount(trx, post.approved_by, target.account_id)).publish;
    return { target: { ...target, status: 'publishing', attempts }, post: { ...post, status: 'publishing' }, approvalInForce };
  });
}

async function loadContent(db: Db, post: PostsTable) {
  const required = await requiredLanguagesOf(db, post.institution_id);
  const variants = sortVariants(await db.selectFrom('post_variants').selectAll().where('post_id', '=', post.id).execute(), required).filter(
    (v) => v.text.trim(),
  );
  const media = await db
    .selectFrom('post_media')
    .innerJoin('media', 'media.id', 'post_media.media_id')
    .select(['media.id', 'media.kind', 'media.mime', 'media.content', 'media.sha256', 'media.alt_text'])
    .where('post_media.post_id', '=', post.id)
    .orderBy('post_media.position')
    .execute();
  const archived: ArchivedContent = {
    text: composeText(variants),
    title: variants.find((v) => v.title)?.title ?? null,
    link: post.link,
    variants: variants.map((v) => ({ lang: v.lang, text: v.text })),
    media: media.map((m) => ({ id: m.id, sha256: m.sha256, mime: m.mime })),
  };
  return {
    archived,
    media: media.map((m) => ({ kind: m.kind, mime: m.mime, bytes: Buffer.from(m.content), altText: m.alt_text ?? undefined })),
  };
}

/** After one target settles: the post is published when all are, failed when any failed and none is pending. */
async function settlePost(trx: Trx, postId: string): Promise<'published' | 'failed' | null> {
  const ts = await trx.selectFrom('post_targets').select('status').where('post_id', '=', postId).execute();
  const statuses = ts.map((t) => t.status);
  if (statuses.some((s) => s === 'scheduled' || s === 'publishing' || s === 'pending')) return null;
  const final = statuses.some((s) => s === 'failed') ? 'failed' : 'published';
  await trx.updateTable('posts').set({ status: final, updated_at: nowIso() }).where('id', '=', postId).execute();
  return final;
}

async function succeed(
  ctx: JobRunContext,
  target: PostTargetsTable,
  post: PostsTable,
  platform: string,
  ref: PublishedRef,
  archived: ArchivedContent,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const now = await forUpdate(trx, trx.selectFrom('post_targets').selectAll().where('id', '=', target.id)).executeTakeFirstOrThrow();
    if (now.status === 'published') return; // recorded already (a twin that lost its lease)
    await trx
      .updateTable('post_targets')
      .set({
        status: 'published',
        external_id: ref.externalId,
        url: ref.url,
        published_at: ref.publishedAt,
        error_code: null,
        error_message: null,
        platform_message: null,
        next_attempt_at: null,
        updated_at: nowIso(),
      })
      .where('id', '=', target.id)
      .execute();
    await appendArchive(trx, {
      institutionId: post.institution_id,
      postId: post.id,
      targetId: target.id,
      accountId: target.account_id,
      platform,
      kind: 'published',
      externalId: ref.externalId,
      url: ref.url,
      content: archived,
      actorId: post.approved_by,
      at: ref.publishedAt,
    });
    await appendAudit(trx, {
      type: 'post.published',
      actorId: null,
      institutionId: post.institution_id,
      subjectType: 'post',
      subjectId: post.id,
      data: { targetId: target.id, accountId: target.account_id, externalId: ref.externalId, url: ref.url, attempts: target.attempts },
    });
    const final = await settlePost(trx, post.id);
    if (final)
      await notify(trx, ctx.config, {
        userIds: [post.created_by, ...(post.approved_by ? [post.approved_by] : [])],
        kind: final === 'published' ? 'published' : 'failed',
        postId: post.id,
        data: { excerpt: archived.text.slice(0, 120) },
      });
  });
}

async function fail(
  ctx: JobRunContext,
  target: PostTargetsTable,
  post: PostsTable,
  code: string,
  platformMessage: string | null,
): Promise<JobOutcome> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('post_targets')
      .set({
        status: 'failed',
        error_code: code,
        error_message: plainMessage(code),
        platform_message: platformMessage,
        next_attempt_at: null,
        updated_at: nowIso(),
      })
      .where('id', '=', target.id)
      .where('status', '=', 'publishing')
      .execute();
    await appendAudit(trx, {
      type: 'post.publish_failed',
      actorId: null,
      institutionId: post.institution_id,
      subjectType: 'post',
      subjectId: post.id,
      data: { targetId: target.id, accountId: target.account_id, code, platformMessage },
    });
    const final = await settlePost(trx, post.id);
    await notify(trx, ctx.config, {
      userIds: [post.created_by, ...(post.approved_by ? [post.approved_by] : [])],
      kind: 'failed',
      postId: post.id,
      data: { code, accountId: target.account_id, final },
    });
  });
}
