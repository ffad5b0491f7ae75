import { z } from 'zod';
import { ErrorBody, PauseBody, PlatformInfo, PublishingState, TargetAccount } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { accountsWhereUserHas } from '../decisions/rights.js';
import { canViewInstitution } from '../institutions/institutions.policy.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import './publishing.jobs.js';
import { platformInfos } from './publishing.platforms.js';
import { canTogglePause, publishingState, setPaused } from './publishing.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export async function publishingRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['publishing'];

  app.get(
    '/api/publishing/platforms',
    { schema: { tags, response: { 200: z.object({ items: z.array(PlatformInfo) }), ...errors } } },
    async (req) => {
      requireActor(req);
      return { items: platformInfos(db) };
    },
  );

  /** The institution's active accounts, each saying whether the asker may publish on it. */
  app.get(
    '/api/publishing/accounts',
    {
      schema: {
        tags,
        querystring: z.object({ institutionId: z.string().min(1).max(64) }),
        response: { 200: z.object({ items: z.array(TargetAccount) }), ...errors },
      },
    },
    async (req) => {
      const pa = await toPolicyActor(db, requireActor(req));
      if (!canViewInstitution(pa, req.query.institutionId)) throw new NotFoundError('The institution');
      const mine = new Set(await accountsWhereUserHas(db, pa.id, 'publish'));
      const rows = await db
        .selectFrom('accounts')
        .select(['id', 'institution_id', 'platform', 'handle', 'display_name'])
        .where('institution_id', '=', req.query.institutionId)
        .where('status', '=', 'active')
        .orderBy('platform')
        .orderBy('handle')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          institutionId: r.institution_id,
          platform: r.platform,
          handle: r.handle,
          displayName: r.display_name,
          canPublish: mine.has(r.id),
        })),
      };
    },
  );

  app.get('/api/publishing/state', { schema: { tags, response: { 200: PublishingState, ...errors } } }, async (req) => {
    const pa = await toPolicyActor(db, requireActor(req));
    const s = await publishingState(db);
    return { paused: s.paused === 1, reason: s.reason, changedAt: s.changed_at, changedBy: s.changed_by, canToggle: canTogglePause(pa) };
  });

  app.put('/api/publishing/state', { schema: { tags, body: PauseBody, response: { 200: PublishingState, ...errors } } }, async (req) => {
    const pa = await toPolicyActor(db, requireActor(req));
    await setPaused(db, pa, req.body.paused, req.body.reason);
    const s = await publishingState(db);
    return { paused: s.paused === 1, reason: s.reason, changedAt: s.changed_at, changedBy: s.changed_by, canToggle: true };
  });
}
