import type { InstitutionUpdateBody } from '@courtdesk/contracts';
import type { Db } from '../../platform/db/database.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { canEditInstitution, type PolicyActor } from './institutions.policy.js';
import { findInstitution } from './institutions.repository.js';
import type { InstitutionsTable } from './institutions.tables.js';

const FIELDS = { address: 'address', postalCode: 'postal_code', phone: 'phone', email: 'email', website: 'website' } as const;

/** Updates an institution's contact data and languages; records what changed, from and to. */
export async function updateInstitution(db: Db, pa: PolicyActor, id: string, body: InstitutionUpdateBody) {
  return db.transaction().execute(async (trx) => {
    const current = await findInstitution(trx, id);
    if (!current) throw new NotFoundError('The institution');
    if (!canEditInstitution(pa, id))
      throw new ForbiddenError('Only the institution’s president, its information officer or an administrator may change these details.');
    const set: Partial<InstitutionsTable> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, col] of Object.entries(FIELDS) as [keyof typeof FIELDS, (typeof FIELDS)[keyof typeof FIELDS]][]) {
      const value = body[key];
      if (value !== undefined && value !== current[col]) {
        set[col] = value;
        changes[key] = { from: current[col], to: value };
      }
    }
    if (body.languages) {
      const langs = JSON.stringify([...new Set(body.languages)]);
      if (langs !== current.languages) {
        set.languages = langs;
        changes.languages = { from: JSON.parse(current.languages), to: JSON.parse(langs) };
      }
    }
    if (Object.keys(set).length === 0) return current;
    set.updated_at = nowIso();
    await trx.updateTable('institutions').set(set).where('id', '=', id).execute();
    await appendAudit(trx, {
      type: 'institution.updated',
      actorId: pa.id,
      institutionId: id,
      subjectType: 'institution',
      subjectId: id,
      data: { changes },
    });
    return { ...current, ...set };
  });
}
