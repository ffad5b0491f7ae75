import { z } from 'zod';
import { ErrorBody, InviteBody, InviteResponse, LeaveBody, Person, PersonStatus } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { canViewPeople } from '../institutions/institutions.policy.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import type { UsersTable } from './people.tables.js';
import { invitePerson, recordLeaving } from './people.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function presentPerson(u: UsersTable): Person {
  return {
    id: u.id,
    institutionId: u.institution_id,
    name: u.name,
    email: u.email,
    position: u.position,
    status: u.status,
    leftAt: u.left_at,
    leftReason: u.left_reason,
    locale: u.locale,
    totpEnabled: u.totp_enabled === 1,
    createdAt: u.created_at,
  };
}

const ListQuery = z.object({
  institutionId: z.string().max(64).optional(),
  status: PersonStatus.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export async function peopleRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['people'];

  app.get(
    '/api/people',
    { schema: { tags, querystring: ListQuery, response: { 200: z.object({ items: z.array(Person), total: z.number() }), ...errors } } },
    async (req) => {
      const pa = await toPolicyActor(db, requireActor(req));
      const all = await db.selectFrom('institutions').select('id').execute();
      const visible = all.map((i) => i.id).filter((id) => canViewPeople(pa, id));
      const { institutionId, status, q, limit, offset } = req.query;
      const ids = institutionId ? visible.filter((id) => id === institutionId) : visible;
      if (ids.length === 0) return { items: [], total: 0 };
      let query = db.selectFrom('users').where('institution_id', 'in', ids);
      if (status) query = query.where('status', '=', status);
      if (q) query = query.where((eb) => eb.or([eb('name', 'like', `%${q}%`), eb('email', 'like', `%${q.toLowerCase()}%`)]));
      const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await query.selectAll().orderBy('name').limit(limit).offset(offset).execute();
      return { items: rows.map(presentPerson), total: Number(total.n) };
    },
  );

  app.post('/api/people', { schema: { tags, body: InviteBody, response: { 200: InviteResponse, ...errors } } }, async (req) => {
    const pa = await toPolicyActor(db, requireActor(req));
    if (!canViewPeople(pa, req.body.institutionId)) throw new NotFoundError('The institution');
    const { person, temporaryPassword } = await invitePerson(db, pa, req.body);
    return { person: presentPerson(person), temporaryPassword };
  });

  app.post(
    '/api/people/:id/leave',
    { schema: { tags, params: z.object({ id: z.string().max(64) }), body: LeaveBody, response: { 200: Person, ...errors } } },
    async (req) => {
      const pa = await toPolicyActor(db, requireActor(req));
      const target = await db.selectFrom('users').select('institution_id').where('id', '=', req.params.id).executeTakeFirst();
      if (!target || !canViewPeople(pa, target.institution_id)) throw new NotFoundError('The person');
      return presentPerson(await recordLeaving(db, pa, req.params.id, req.body));
    },
  );
}
