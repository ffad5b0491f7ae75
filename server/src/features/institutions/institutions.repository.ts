import type { Institution } from '@courtdesk/contracts';
import type { DbOrTrx } from '../../platform/db/database.js';
import type { InstitutionsTable } from './institutions.tables.js';
import type { Actor } from '../../platform/http/types.js';
import type { PolicyActor } from './institutions.policy.js';
import { canViewInstitution } from './institutions.policy.js';

export function presentInstitution(r: InstitutionsTable): Institution {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    parentId: r.parent_id,
    nameSq: r.name_sq,
    nameSrLatn: r.name_sr_latn,
    nameSrCyrl: r.name_sr_cyrl,
    nameEn: r.name_en,
    seat: r.seat,
    languages: JSON.parse(r.languages) as Institution['languages'],
    address: r.address,
    postalCode: r.postal_code,
    phone: r.phone,
    email: r.email,
    website: r.website,
    updatedAt: r.updated_at,
  };
}

export function findInstitution(db: DbOrTrx, id: string) {
  return db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Builds the policy view of an actor: their institution plus its branches. */
export async function toPolicyActor(db: DbOrTrx, actor: Actor): Promise<PolicyActor> {
  const children = await db.selectFrom('institutions').select('id').where('parent_id', '=', actor.user.institution_id).execute();
  return {
    id: actor.user.id,
    institutionId: actor.user.institution_id,
    position: actor.user.position,
    homeIds: [actor.user.institution_id, ...children.map((c) => c.id)],
  };
}

/** Every institution the actor may see, in the judiciary's order. */
export async function listVisibleInstitutions(db: DbOrTrx, pa: PolicyActor) {
  const rows = await db.selectFrom('institutions').selectAll().orderBy('sort_order').execute();
  return rows.filter((r) => canViewInstitution(pa, r.id));
}
