import { z } from 'zod';
import { ErrorBody, Institution, InstitutionUpdateBody } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { canEditInstitution, canViewInstitution } from './institutions.policy.js';
import { findInstitution, listVisibleInstitutions, presentInstitution, toPolicyActor } from './institutions.repository.js';
import { updateInstitution } from './institutions.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const InstitutionDetail = Institution.extend({ canEdit: z.boolean() });
const Params = z.object({ id: z.string().min(1).max(64) });

export async function institutionsRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['institutions'];

  app.get(
    '/api/institutions',
    { schema: { tags, response: { 200: z.object({ items: z.array(InstitutionDetail) }), ...errors } } },
    async (req) => {
      const pa = await toPolicyActor(db, requireActor(req));
      const rows = await listVisibleInstitutions(db, pa);
      return { items: rows.map((r) => ({ ...presentInstitution(r), canEdit: canEditInstitution(pa, r.id) })) };
    },
  );

  app.get('/api/institutions/:id', { schema: { tags, params: Params, response: { 200: InstitutionDetail, ...errors } } }, async (req) => {
    const pa = await toPolicyActor(db, requireActor(req));
    const row = await findInstitution(db, req.params.id);
    // Another court's record answers 404, not 403, so ids cannot be probed.
    if (!row || !canViewInstitution(pa, row.id)) throw new NotFoundError('The institution');
    return { ...presentInstitution(row), canEdit: canEditInstitution(pa, row.id) };
  });

  app.patch(
    '/api/institutions/:id',
    { schema: { tags, params: Params, body: InstitutionUpdateBody, response: { 200: InstitutionDetail, ...errors } } },
    async (req) => {
      const pa = await toPolicyActor(db, requireActor(req));
      if (!canViewInstitution(pa, req.params.id)) throw new NotFoundError('The institution');
      if (!canEditInstitution(pa, req.params.id))
        throw new ForbiddenError('Only the institution’s president, its information officer or an administrator may change these details.');
      const row = await updateInstitution(db, pa, req.params.id, req.body);
      return { ...presentInstitution(row), canEdit: true };
    },
  );
}
