import type { DbOrTrx } from '../../platform/db/database.js';
import { grantsInForce } from '../decisions/rights.js';
import { leadsInstitution } from '../decisions/leadership.js';
import type { LoadedPost } from './posts.repository.js';

/** Who can approve the post: holders of a grant covering one of its accounts, and the institution's head. */
export async function approvers(db: DbOrTrx, lp: LoadedPost): Promise<string[]> {
  const accountIds = new Set(lp.targets.map((t) => t.account_id));
  const grants = await grantsInForce(db, { institutionId: lp.post.institution_id });
  const out = new Set(grants.filter((g) => g.coversAll || g.accountIds.some((a) => accountIds.has(a))).map((g) => g.userId));
  const inst = await db
    .selectFrom('institutions')
    .select(['id', 'kind', 'parent_id'])
    .where('id', '=', lp.post.institution_id)
    .executeTakeFirst();
  if (inst) {
    const candidates = await db
      .selectFrom('users')
      .select(['id', 'position', 'institution_id', 'status'])
      .where('status', '=', 'active')
      .where('institution_id', 'in', [inst.id, ...(inst.parent_id ? [inst.parent_id] : [])])
      .execute();
    for (const u of candidates) if (leadsInstitution(u, inst)) out.add(u.id);
  }
  return [...out];
}
