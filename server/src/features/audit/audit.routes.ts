import { z } from 'zod';
import { ErrorBody } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { ForbiddenError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { canViewInstitution, isKjcLeadership, isSysadmin } from '../institutions/institutions.policy.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import { verifyAuditChain } from './audit.service.js';

const AuditEvent = z.object({
  seq: z.number(),
  id: z.string(),
  at: z.string(),
  type: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  institutionId: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

const Query = z.object({
  institutionId: z.string().max(64).optional(),
  type: z.string().max(100).optional(),
  before: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit trail, read-only: by institution for its leadership, everything for KJC leadership and administrators. */
export async function auditRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['audit'];
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        querystring: Query,
        response: {
          200: z.object({ items: z.array(AuditEvent), nextBefore: z.number().nullable() }),
          ...{ 401: ErrorBody, 403: ErrorBody },
        },
      },
    },
    async (req) => {
      const pa = await toPolicyActor(db, requireActor(req));
      const oversight = isSysadmin(pa) || isKjcLeadership(pa);
      if (!oversight && pa.position !== 'president')
        throw new ForbiddenError('The audit trail is open to court presidents, KJC leadership and administrators.');
      let q = db
        .selectFrom('audit_events')
        .leftJoin('users', 'users.id', 'audit_events.actor_id')
        .selectAll('audit_events')
        .select('users.name as actor_name');
      if (req.query.institutionId) {
        if (!canViewInstitution(pa, req.query.institutionId)) throw new ForbiddenError();
        q = q.where('audit_events.institution_id', '=', req.query.institutionId);
      } else if (!oversight) {
        q = q.where('audit_events.institution_id', 'in', pa.homeIds);
      }
      if (req.query.type) q = q.where('audit_events.type', 'like', `${req.query.type}%`);
      if (req.query.before) q = q.where('audit_events.seq', '<', req.query.before);
      const rows = await q.orderBy('audit_events.seq', 'desc').limit(req.query.limit).execute();
      return {
        items: rows.map((r) => ({
          seq: r.seq,
          id: r.id,
          at: r.at,
          type: r.type,
          actorId: r.actor_id,
          actorName: r.actor_name ?? null,
          institutionId: r.institution_id,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          reason: r.reason,
          data: JSON.parse(r.data) as Record<string, unknown>,
          hash: r.hash,
        })),
        nextBefore: rows.length === req.query.limit ? (rows[rows.length - 1]?.seq ?? null) : null,
      };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags,
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            firstBroken: z.object({ seq: z.number(), id: z.string(), problem: z.string() }).nullable(),
          }),
          401: ErrorBody,
          403: ErrorBody,
        },
      },
    },
    async (req) => {
      const pa = await toPolicyActor(db, requireActor(req));
      if (!isSysadmin(pa) && !isKjcLeadership(pa))
        throw new ForbiddenError('Verifying the whole trail is for KJC leadership and administrators.');
      return verifyAuditChain(db);
    },
  );
}
