import type { PostCreateBody, PostWriteBody, UiLocale } from '@courtdesk/contracts';
import type { Config } from '../../platform/config.js';
import type { Db, Trx } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/http/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { rightsOnAccount } from '../decisions/rights.js';
import type { PolicyActor } from '../institutions/institutions.policy.js';
import { cancelJobs } from '../../platform/jobs/jobs.js';
import { postFacts } from './posts.facts.js';
import {
  canCreatePost,
  canEditPost,
  canViewPost,
  contentProblems,
  canSubmitPost,
  canReturnToDraft,
  nextStatus,
  type PostFacts,
} from './posts.policy.js';
import { loadPost, type LoadedPost } from './posts.repository.js';
import type { PostCheck } from './posts.check.js';
import { approvers } from './posts.recipients.js';
import { notify } from '../notifications/notifications.service.js';

export interface UseCaseCtx {
  db: Db;
  config: Config;
}

export interface Acting {
  actor: PolicyActor;
  uiLang: UiLocale;
}

/** Opens a transaction, loads and locks the post, computes the facts, and runs `fn`; 404 when not visible. */
export async function withPost<T>(
  ctx: UseCaseCtx,
  who: Acting,
  postId: string,
  fn: (trx: Trx, lp: LoadedPost, facts: PostFacts, check: PostCheck, publishOn: Map<string, boolean>) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const lp = await loadPost(trx, postId, true);
    if (!lp || !canViewPost(who.actor, { institutionId: lp.post.institution_id })) throw new NotFoundError('The post');
    const { facts, check, publishOn } = await postFacts(trx, who.actor, lp, who.uiLang);
    return fn(trx, lp, facts, check, publishOn);
  });
}

/** Refuses targets outside the institution, closed accounts, and accounts the actor may not publish on. */
async function validateContent(trx: Trx, actor: PolicyActor, institutionId: string, body: PostWriteBody): Promise<void> {
  const langs = body.variants.map((v) => v.lang);
  if (new Set(langs).size !== langs.length) throw new ValidationError('Each language may have only one version.');
  const accountIds = [...new Set(body.accountIds)];
  if (accountIds.length) {
    const accounts = await trx
      .selectFrom('accounts')
      .select(['id', 'institution_id', 'status', 'handle'])
      .where('id', 'in', accountIds)
      .execute();
    for (const id of accountIds) {
      const a = accounts.find((x) => x.id === id);
      if (!a || a.institution_id !== institutionId) throw new ValidationError('A chosen account does not belong to this institution.');
      if (a.status !== 'active') throw new ValidationError(`The account @${a.handle} is not active.`);
      const r = await rightsOnAccount(trx, actor.id, id);
      if (!r.publish)
        throw new ForbiddenError(`No decision in force gives you the right to publish on @${a.handle} (art. 3.1).`, 'no_publish_right');
    }
  }
  const mediaIds = [...new Set(body.mediaIds)];
  if (mediaIds.length) {
    const media = await trx.selectFrom('media').select(['id', 'institution_id']).where('id', 'in', mediaIds).execute();
    if (media.length !== mediaIds.length || media.some((m) => m.institution_id !== institutionId))
      throw new ValidationError('A chosen photo or video is not in this institution’s library.');
  }
}

async function writeContent(trx: Trx, postId: string, body: PostWriteBody, existing: LoadedPost | null): Promise<void> {
  await trx.deleteFrom('post_variants').where('post_id', '=', postId).execute();
  for (const v of body.variants)
    await trx
      .insertInto('post_variants')
      .values({ post_id: postId, lang: v.lang, text: v.text, title: v.title ?? null })
      .execute();
  await trx.deleteFrom('post_media').where('post_id', '=', postId).execute();
  const mediaIds = [...new Set(body.mediaIds)];
  for (const [i, id] of mediaIds.entries())
    await trx.insertInto('post_media').values({ post_id: postId, media_id: id, position: i }).execute();
  const wanted = new Set(body.accountIds);
  const have = new Set(existing?.targets.map((t) => t.account_id) ?? []);
  const drop = [...have].filter((a) => !wanted.has(a));
  if (drop.length) await trx.deleteFrom('post_targets').where('post_id', '=', postId).where('account_id', 'in', drop).execute();
  for (const accountId of wanted) {
    if (have.has(accountId)) continue;
    const id = newId();
    // The idempotency key is fixed per (post, account) for ever: every attempt sends the same one.
    await trx
      .insertInto('post_targets')
      .values({
        id,
        post_id: postId,
        account_id: accountId,
        status: 'pending',
        idempotency_key: `courtdesk-${id}`,
        external_id: null,
        url: null,
        published_at: null,
        attempts: 0,
        error_code: null,
        error_message: null,
        platform_message: null,
        next_attempt_at: null,
        updated_at: nowIso(),
      })
      .execute();
  }
}

/** Creates a draft; the institution's required languages are expected as variants (empty text allowed). */
export async function createPost(ctx: UseCaseCtx, who: Acting, body: PostCreateBody): Promise<string> {
  if (!canCreatePost(who.actor, body.institutionId)) throw new ForbiddenError('Only staff of the institution may write its posts.');
  return ctx.db.transaction().execute(async (trx) => {
    await validateContent(trx, who.actor, body.institutionId, body);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('posts')
      .values({
        id,
        institution_id: body.institutionId,
        status: 'draft',
        link: body.link ?? null,
        comments_on_decision: body.commentsOnDecision ? 1 : 0,
        decision_permission_by: null,
        decision_permission_at: null,
        decision_permission_reason: null,
        override_by: null,
        override_at: null,
        override_reason: null,
        override_findings: null,
        scheduled_at: null,
        created_by: who.actor.id,
        submitted_by: null,
        submitted_at: null,
        approved_by: null,
        approved_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await writeContent(trx, id, body, null);
    await appendAudit(trx, {
      type: 'post.created',
      actorId: who.actor.id,
      institutionId: body.institutionId,
      subjectType: 'post',
      subjectId: id,
      data: { langs: body.variants.map((v) => v.lang), accountIds: body.accountIds, mediaIds: body.mediaIds },
    });
    return id;
  });
}

/**
 * Changes the content. A post under review, approved or scheduled goes back to draft: its approval,
 * override and decision permission covered the old text. Once anything went out, it cannot change here.
 */
export async function updatePost(ctx: UseCaseCtx, who: Acting, postId: string, body: PostWriteBody): Promise<void> {
  await withPost(ctx, who, postId, async (trx, lp, facts) => {
    if (!canEditPost(who.actor, facts)) {
      if (facts.anyTargetOut)
        throw new ConflictError(
          'This post has already gone out; published posts are not changed in Courtdesk (see the archive).',
          'post_published',
        );
      throw new ForbiddenError('You may not change this post.');
    }
    await validateContent(trx, who.actor, lp.post.institution_id, body);
    await writeContent(trx, postId, body, lp);
    const wasStatus = lp.post.status;
    if (wasStatus === 'scheduled')
      await cancelJobs(
        trx,
        lp.targets.map((t) => `publish:${t.id}`),
      );
    await trx
      .updateTable('posts')
      .set({
        link: body.link ?? null,
        comments_on_decision: body.commentsOnDecision ? 1 : 0,
        status: 'draft',
        version: lp.post.version + 1,
        updated_at: nowIso(),
        override_by: null,
        override_at: null,
        override_reason: null,
        override_findings: null,
        decision_permission_by: null,
        decision_permission_at: null,
        decision_permission_reason: null,
        approved_by: null,
        approved_at: null,
        scheduled_at: null,
      })
      .where('id', '=', postId)
      .execute();
    await trx.updateTable('post_targets').set({ status: 'pending', updated_at: nowIso() }).where('post_id', '=', postId).execute();
    await appendAudit(trx, {
      type: 'post.updated',
      actorId: who.actor.id,
      institutionId: lp.post.institution_id,
      subjectType: 'post',
      subjectId: postId,
      data: {
        version: lp.post.version + 1,
        previousStatus: wasStatus,
        clearedOverride: lp.post.override_by !== null,
        clearedApproval: lp.post.approved_by !== null,
      },
    });
  });
}

const PROBLEM_TEXT: Record<string, [string, string]> = {
  no_targets: ['Choose at least one account.', '3.1'],
  missing_language: ['A version is missing for a language the institution must use.', '3.11'],
  blocking_findings: [
    'The check found a problem that stops publication; fix it, or ask the president to record an override with a reason.',
    '4.1',
  ],
  no_publish_right: ['No decision in force gives you the right to publish on every chosen account.', '3.1'],
  own_override: ['You recorded the override for this post, so someone else must approve it.', '4.1'],
  decision_permission_missing: ['Commenting on a court decision needs the president’s prior permission.', '4.4c'],
  media_provenance_missing: ['A photo or video has no complete provenance (author, licence or own work, consent).', '4.6'],
  wrong_status: ['The post is not at a step where this can be done.', '3.1'],
};

/** Throws the first problem as a rule violation naming the article. */
export function refuse(problems: string[], check?: PostCheck): never {
  const first = problems[0] ?? 'wrong_status';
  const [msg, article] = PROBLEM_TEXT[first] ?? ['Not allowed.', '3.1'];
  const detail = first === 'missing_language' && check ? ` Missing: ${check.missingLanguages.join(', ')}.` : '';
  if (first === 'no_publish_right') throw new ForbiddenError(msg, 'no_publish_right');
  if (first === 'wrong_status') throw new ConflictError(msg, 'wrong_status');
  throw new RuleViolationError(msg + detail, article, first);
}

/** Sends a draft for approval and tells the people who can approve it. */
export async function submitPost(ctx: UseCaseCtx, who: Acting, postId: string): Promise<void> {
  await withPost(ctx, who, postId, async (trx, lp, facts, check) => {
    if (!canSubmitPost(who.actor, facts)) refuse(nextStatus(facts.status, 'submit') ? contentProblems(facts) : ['wrong_status'], check);
    const now = nowIso();
    await trx
      .updateTable('posts')
      .set({ status: 'review', submitted_by: who.actor.id, submitted_at: now, updated_at: now })
      .where('id', '=', postId)
      .execute();
    await appendAudit(trx, {
      type: 'post.submitted',
      actorId: who.actor.id,
      institutionId: lp.post.institution_id,
      subjectType: 'post',
      subjectId: postId,
      data: { version: lp.post.version },
    });
    const to = (await approvers(trx, lp)).filter((u) => u !== who.actor.id);
    await notify(trx, ctx.config, { userIds: to, kind: 'approval_requested', postId, data: { excerpt: excerptOf(lp) } });
  });
}

export async function returnToDraft(ctx: UseCaseCtx, who: Acting, postId: string): Promise<void> {
  await withPost(ctx, who, postId, async (trx, lp, facts) => {
    if (!canReturnToDraft(who.actor, facts)) throw new ForbiddenError('You may not send this post back to draft.');
    if (lp.post.status === 'scheduled')
      await cancelJobs(
        trx,
        lp.targets.map((t) => `publish:${t.id}`),
      );
    await trx
      .updateTable('posts')
      .set({ status: 'draft', approved_by: null, approved_at: null, scheduled_at: null, updated_at: nowIso() })
      .where('id', '=', postId)
      .execute();
    await trx.updateTable('post_targets').set({ status: 'pending', updated_at: nowIso() }).where('post_id', '=', postId).execute();
    await appendAudit(trx, {
      type: 'post.returned_to_draft',
      actorId: who.actor.id,
      institutionId: lp.post.institution_id,
      subjectType: 'post',
      subjectId: postId,
      data: { from: lp.post.status },
    });
  });
}

export function excerptOf(lp: Pick<LoadedPost, 'variants'>): string {
  const t = lp.variants.find((v) => v.text.trim())?.text.trim() ?? '';
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
}
