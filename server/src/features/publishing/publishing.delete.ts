import type { AccountRef, PlatformName } from '../../connectors/connector.js';
import { getConnector } from '../../connectors/index.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { appendArchive, type ArchivedContent } from '../archive/archive.service.js';
import { connectorAccountRef } from '../accounts/connection.service.js';
import { withPost, type Acting, type UseCaseCtx } from '../posts/posts.service.js';
import { asConnectorError, withTimeout } from './publishing.errors.js';

/**
 * Removes a published post from one platform, with a reason: the platform call runs outside any
 * transaction; then the account's state, an archive entry of kind `deleted` (keeping what was removed)
 * and the audit event are written together. Deleting twice is harmless on the platform side.
 */
export async function deleteFromPlatform(ctx: UseCaseCtx, who: Acting, postId: string, targetId: string, reason: string): Promise<void> {
  const found = await withPost(ctx, who, postId, async (trx, lp, _facts, _check, publishOn) => {
    const t = lp.targets.find((x) => x.id === targetId);
    if (!t) throw new NotFoundError('The account of this post');
    if (!publishOn.get(t.account_id))
      throw new ForbiddenError('No decision in force gives you the right to manage posts on this account.', 'no_publish_right');
    if (t.status !== 'published' || !t.external_id)
      throw new ConflictError('Only a published post can be removed from the platform.', 'wrong_status');
    const account = await trx.selectFrom('accounts').selectAll().where('id', '=', t.account_id).executeTakeFirstOrThrow();
    const last = await trx
      .selectFrom('archive_entries')
      .select('content')
      .where('target_id', '=', targetId)
      .orderBy('at', 'desc')
      .executeTakeFirst();
    return { t, account, content: last ? (JSON.parse(last.content) as ArchivedContent) : null, institutionId: lp.post.institution_id };
  });
  const connector = getConnector(found.account.platform as PlatformName, ctx.db);
  if (!connector) throw new ConflictError('Courtdesk cannot reach this platform.', 'no_connector');
  const ref: AccountRef = await connectorAccountRef(ctx.db, found.account);
  try {
    await withTimeout(connector.deletePost(ref, found.t.external_id!), 30_000, true);
  } catch (raw) {
    const err = asConnectorError(raw);
    throw new ConflictError(`The platform did not remove the post: ${err.opts.platformMessage ?? err.message}`, 'platform_refused');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const upd = await trx
      .updateTable('post_targets')
      .set({ status: 'deleted', updated_at: now })
      .where('id', '=', targetId)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (Number(upd.numUpdatedRows) === 0) return;
    await appendArchive(trx, {
      institutionId: found.institutionId,
      postId,
      targetId,
      accountId: found.t.account_id,
      platform: found.account.platform,
      kind: 'deleted',
      externalId: found.t.external_id,
      url: found.t.url,
      content: found.content ?? { text: '', title: null, link: null, variants: [], media: [] },
      actorId: who.actor.id,
      at: now,
    });
    await appendAudit(trx, {
      type: 'post.deleted_from_platform',
      actorId: who.actor.id,
      institutionId: found.institutionId,
      subjectType: 'post',
      subjectId: postId,
      reason,
      data: { targetId, accountId: found.t.account_id, externalId: found.t.external_id },
    });
  });
}
