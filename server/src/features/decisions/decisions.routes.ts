import { z } from 'zod';
import {
  ConsentBody,
  Decision,
  DecisionBody,
  DecisionDetail,
  DecisionList,
  DecisionListQuery,
  EditorRequest,
  EditorRequestBody,
  EditorRequestList,
  EditorRequestStatus,
  ErrorBody,
  RefuseBody,
} from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { signedInFirst } from './signed-in.js';
import { toAuthorityActor } from './authority-actor.js';
import { canIssueDecision, canRecommendEditor, canViewAuthority, type AuthorityActor } from './decisions.policy.js';
import { presentDecisions } from './decisions.repository.js';
import { issueDecision } from './decisions.service.js';
import { consentEditor, presentEditorRequests, recommendEditor, refuseEditor } from './editor-requests.service.js';
import { isGrantKind } from './decisions.rules.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody };
const Params = z.object({ id: z.string().min(1).max(64) });
/** Room for a 10 MiB PDF in base64 inside the JSON body. */
const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024;

async function visibleInstitutions(app: App, aa: AuthorityActor, only?: string): Promise<string[]> {
  const all = await app.ctx.db.selectFrom('institutions').select('id').execute();
  return all.map((i) => i.id).filter((id) => canViewAuthority(aa, id) && (!only || id === only));
}

/** Decisions of the leadership (art. 3.1–3.4, 5.5–5.6) and the two-step editor request (art. 5.6b). */
export async function decisionsRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['decisions'];
  // Coarse check first: an anonymous call is refused (401) before its body is even validated.
  app.addHook('onRequest', signedInFirst);

  app.get(
    '/api/decisions',
    { schema: { tags, querystring: DecisionListQuery, response: { 200: DecisionList, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      const { institutionId, kind, state, limit, offset } = req.query;
      const ids = await visibleInstitutions(app, aa, institutionId);
      const canIssue = institutionId ? canIssueDecision(aa, institutionId) : aa.leads.length > 0;
      if (ids.length === 0) return { items: [], total: 0, canIssue: false };
      let q = db.selectFrom('decisions').selectAll().where('institution_id', 'in', ids);
      if (kind) q = q.where('kind', '=', kind);
      const rows = await q.orderBy('decided_on', 'desc').orderBy('created_at', 'desc').execute();
      const all = await presentDecisions(db, rows);
      const filtered = state ? all.filter((d) => d.state === state) : all;
      return { items: filtered.slice(offset, offset + limit), total: filtered.length, canIssue };
    },
  );

  app.get('/api/decisions/:id', { schema: { tags, params: Params, response: { 200: DecisionDetail, ...errors } } }, async (req) => {
    const aa = await toAuthorityActor(db, requireActor(req));
    const row = await db.selectFrom('decisions').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!row || !canViewAuthority(aa, row.institution_id)) throw new NotFoundError('The decision');
    const [d] = await presentDecisions(db, [row]);
    const endings = await db
      .selectFrom('decision_endings')
      .leftJoin('users', 'users.id', 'decision_endings.user_id')
      .selectAll('decision_endings')
      .select('users.name as person_name')
      .where('decision_id', '=', row.id)
      .orderBy('at')
      .execute();
    const followedBy = await db
      .selectFrom('decisions')
      .select(['id', 'number', 'kind'])
      .where((eb) => eb.or([eb('target_decision_id', '=', row.id), eb('supersedes_decision_id', '=', row.id)]))
      .execute();
    const history = await db
      .selectFrom('audit_events')
      .leftJoin('users', 'users.id', 'audit_events.actor_id')
      .select(['audit_events.at', 'audit_events.type', 'audit_events.reason', 'users.name as actor_name'])
      .where('subject_type', '=', 'decision')
      .where('subject_id', '=', row.id)
      .orderBy('seq')
      .execute();
    const live = d!.state === 'in_force' || d!.state === 'pending';
    const leader = canIssueDecision(aa, row.institution_id);
    return {
      ...d!,
      endings: endings.map((e) => ({
        at: e.at,
        cause: e.cause,
        personId: e.user_id,
        personName: e.person_name ?? null,
        byDecisionId: e.by_decision_id,
        reason: e.reason,
      })),
      followedBy,
      history: history.map((h) => ({ at: h.at, type: h.type, actorName: h.actor_name ?? null, reason: h.reason })),
      can: { revoke: leader && live && row.kind !== 'revocation', supersede: leader && live && isGrantKind(row.kind) },
    };
  });

  app.get(
    '/api/decisions/:id/file',
    { schema: { tags, params: Params, produces: ['application/pdf'], response: { 200: z.any(), ...errors } } },
    async (req, reply) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      const row = await db
        .selectFrom('decisions')
        .select(['institution_id', 'file_id', 'number'])
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!row || !canViewAuthority(aa, row.institution_id) || !row.file_id) throw new NotFoundError('The signed act');
      const file = await db.selectFrom('decision_files').selectAll().where('id', '=', row.file_id).executeTakeFirstOrThrow();
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.file_name.replace(/[^\w.-]/g, '_')}"`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.content));
    },
  );

  app.post(
    '/api/decisions',
    { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, body: DecisionBody, response: { 200: Decision, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      const row = await issueDecision(db, aa, req.body);
      const [d] = await presentDecisions(db, [row]);
      return d!;
    },
  );

  const RequestQuery = z.object({
    institutionId: z.string().max(64).optional(),
    status: EditorRequestStatus.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  });

  app.get(
    '/api/editor-requests',
    { schema: { tags, querystring: RequestQuery, response: { 200: EditorRequestList, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      const { institutionId, status, limit, offset } = req.query;
      const ids = await visibleInstitutions(app, aa, institutionId);
      const canRecommend = institutionId ? canRecommendEditor(aa, institutionId) : aa.roOf.length > 0;
      if (ids.length === 0) return { items: [], total: 0, canRecommend: false };
      let q = db.selectFrom('editor_requests').where('institution_id', 'in', ids);
      if (status) q = q.where('status', '=', status);
      const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await q.selectAll().orderBy('recommended_at', 'desc').limit(limit).offset(offset).execute();
      return { items: await presentEditorRequests(db, aa, rows), total: Number(total.n), canRecommend };
    },
  );

  app.post(
    '/api/editor-requests',
    { schema: { tags, body: EditorRequestBody, response: { 200: EditorRequest, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      const row = await recommendEditor(db, aa, req.body);
      return (await presentEditorRequests(db, aa, [row]))[0]!;
    },
  );

  app.post(
    '/api/editor-requests/:id/consent',
    { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, params: Params, body: ConsentBody, response: { 200: EditorRequest, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      const { request } = await consentEditor(db, aa, req.params.id, req.body);
      return (await presentEditorRequests(db, aa, [request]))[0]!;
    },
  );

  app.post(
    '/api/editor-requests/:id/refuse',
    { schema: { tags, params: Params, body: RefuseBody, response: { 200: EditorRequest, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      const row = await refuseEditor(db, aa, req.params.id, req.body.reason);
      return (await presentEditorRequests(db, aa, [row]))[0]!;
    },
  );
}
