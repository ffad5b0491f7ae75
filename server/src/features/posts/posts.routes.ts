import { z } from 'zod';
import {
  ErrorBody,
  Post,
  PostCheckBody,
  PostCheckResult,
  PostCreateBody,
  PostListQuery,
  PostSummary,
  PostWriteBody,
  ReasonBody,
  ScheduleBody,
  type UiLocale,
} from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { canViewInstitution } from '../institutions/institutions.policy.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import { retryTarget, schedulePost, unschedulePost } from '../publishing/publishing.service.js';
import { deleteFromPlatform } from '../publishing/publishing.delete.js';
import { approvePost, grantDecisionPermission, overrideFindings } from './posts.approval.js';
import { checkPost } from './posts.check.js';
import { postFacts } from './posts.facts.js';
import { presentPost } from './posts.presenter.js';
import { listPosts } from './posts.queries.js';
import { loadPost, requiredLanguagesOf, userNames } from './posts.repository.js';
import { createPost, returnToDraft, submitPost, updatePost, type Acting } from './posts.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Params = z.object({ id: z.string().min(1).max(64) });
const TargetParams = Params.extend({ targetId: z.string().min(1).max(64) });

export async function postsRoutes(app: App): Promise<void> {
  const { db, config } = app.ctx;
  const ctx = { db, config };
  const tags = ['posts'];

  async function acting(req: FastifyRequest): Promise<Acting> {
    const a = requireActor(req);
    return { actor: await toPolicyActor(db, a), uiLang: a.user.locale as UiLocale };
  }
  async function present(who: Acting, id: string) {
    const lp = await loadPost(db, id);
    if (!lp || !canViewInstitution(who.actor, lp.post.institution_id)) throw new NotFoundError('The post');
    const { facts, check, publishOn } = await postFacts(db, who.actor, lp, who.uiLang);
    const p = lp.post;
    const names = await userNames(db, [p.created_by, p.approved_by, p.override_by, p.decision_permission_by]);
    return presentPost(lp, facts, check, publishOn, who.actor, names);
  }

  app.get(
    '/api/posts',
    { schema: { tags, querystring: PostListQuery, response: { 200: z.object({ items: z.array(PostSummary) }), ...errors } } },
    async (req) => {
      const who = await acting(req);
      return { items: await listPosts(db, who.actor, req.query) };
    },
  );

  app.post('/api/posts', { schema: { tags, body: PostCreateBody, response: { 201: Post, ...errors } } }, async (req, reply) => {
    const who = await acting(req);
    const id = await createPost(ctx, who, req.body);
    return reply.status(201).send(await present(who, id));
  });

  app.get('/api/posts/:id', { schema: { tags, params: Params, response: { 200: Post, ...errors } } }, async (req) =>
    present(await acting(req), req.params.id),
  );

  app.put('/api/posts/:id', { schema: { tags, params: Params, body: PostWriteBody, response: { 200: Post, ...errors } } }, async (req) => {
    const who = await acting(req);
    await updatePost(ctx, who, req.params.id, req.body);
    return present(who, req.params.id);
  });

  /** Live compliance check while typing: the policy engine plus the institution's required languages. */
  app.post('/api/posts/check', { schema: { tags, body: PostCheckBody, response: { 200: PostCheckResult, ...errors } } }, async (req) => {
    const who = await acting(req);
    if (!canViewInstitution(who.actor, req.body.institutionId)) throw new NotFoundError('The institution');
    let permission = false;
    if (req.body.postId) {
      const lp = await loadPost(db, req.body.postId);
      permission = !!lp && lp.post.institution_id === req.body.institutionId && lp.post.decision_permission_at !== null;
    }
    const required = await requiredLanguagesOf(db, req.body.institutionId);
    const c = checkPost(req.body.variants, required, { uiLang: who.uiLang, decisionPermission: permission });
    return { findings: c.findings, missingLanguages: c.missingLanguages, blocking: c.blocking.length > 0 || c.missingLanguages.length > 0 };
  });

  const action = (path: string, run: (who: Acting, id: string, body: never) => Promise<void>, body?: z.ZodType) =>
    app.post(
      `/api/posts/:id/${path}`,
      { schema: { tags, params: Params, ...(body ? { body } : {}), response: { 200: Post, ...errors } } },
      async (req) => {
        const who = await acting(req);
        await run(who, req.params.id, req.body as never);
        return present(who, req.params.id);
      },
    );

  action('submit', (who, id) => submitPost(ctx, who, id));
  action('return-to-draft', (who, id) => returnToDraft(ctx, who, id));
  action('approve', (who, id) => approvePost(ctx, who, id));
  action('override', (who, id, b: z.infer<typeof ReasonBody>) => overrideFindings(ctx, who, id, b.reason), ReasonBody);
  action('decision-permission', (who, id, b: z.infer<typeof ReasonBody>) => grantDecisionPermission(ctx, who, id, b.reason), ReasonBody);
  action('schedule', (who, id, b: z.infer<typeof ScheduleBody>) => schedulePost(ctx, who, id, b.scheduledAt), ScheduleBody);
  action('unschedule', (who, id) => unschedulePost(ctx, who, id));

  app.post(
    '/api/posts/:id/targets/:targetId/retry',
    { schema: { tags, params: TargetParams, response: { 200: Post, ...errors } } },
    async (req) => {
      const who = await acting(req);
      await retryTarget(ctx, who, req.params.id, req.params.targetId);
      return present(who, req.params.id);
    },
  );

  app.post(
    '/api/posts/:id/targets/:targetId/delete',
    { schema: { tags, params: TargetParams, body: ReasonBody, response: { 200: Post, ...errors } } },
    async (req) => {
      const who = await acting(req);
      await deleteFromPlatform(ctx, who, req.params.id, req.params.targetId, req.body.reason);
      return present(who, req.params.id);
    },
  );
}
