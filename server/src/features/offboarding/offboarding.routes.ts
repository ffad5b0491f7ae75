import { z } from 'zod';
import { CompleteStepBody, ErrorBody, OffboardingItem, OffboardingList } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { requireActor } from '../auth/session.plugin.js';
import { signedInFirst } from '../decisions/signed-in.js';
import { toAuthorityActor } from '../decisions/authority-actor.js';
import { canViewOffboarding } from '../decisions/decisions.policy.js';
import { onPersonLeft } from '../people/people.service.js';
import { completeStep, offboardOnLeaving, presentItems } from './offboarding.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Query = z.object({
  institutionId: z.string().max(64).optional(),
  status: z.enum(['open', 'done']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Off-boarding checklists (art. 5.7): open items with their age, oldest first, until every step is done. */
export async function offboardingRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['offboarding'];
  // Coarse check first: an anonymous call is refused (401) before its body is even validated.
  app.addHook('onRequest', signedInFirst);
  onPersonLeft(offboardOnLeaving);

  app.get('/api/offboarding', { schema: { tags, querystring: Query, response: { 200: OffboardingList, ...errors } } }, async (req) => {
    const aa = await toAuthorityActor(db, requireActor(req));
    const { institutionId, status, limit, offset } = req.query;
    const all = await db.selectFrom('institutions').select('id').execute();
    const ids = all.map((i) => i.id).filter((id) => canViewOffboarding(aa, id) && (!institutionId || id === institutionId));
    if (ids.length === 0) return { items: [], total: 0, open: 0, oldestOpenDays: null };
    let q = db.selectFrom('offboarding_items').where('institution_id', 'in', ids);
    if (status) q = q.where('status', '=', status);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll().orderBy('status', 'desc').orderBy('opened_at').orderBy('id').limit(limit).offset(offset).execute();
    const open = await db
      .selectFrom('offboarding_items')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('opened_at').as('oldest')])
      .where('institution_id', 'in', ids)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const oldest = open.oldest ? Math.floor((Date.now() - Date.parse(String(open.oldest))) / 86_400_000) : null;
    return { items: await presentItems(db, aa, rows), total: Number(total.n), open: Number(open.n), oldestOpenDays: oldest };
  });

  app.post(
    '/api/offboarding/:id/complete',
    {
      schema: {
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        body: CompleteStepBody,
        response: { 200: OffboardingItem, ...errors },
      },
    },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      const row = await completeStep(db, aa, req.params.id, req.body.note ?? null);
      return (await presentItems(db, aa, [row]))[0]!;
    },
  );
}
