import type { DbOrTrx } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/types.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import type { AuthorityActor } from './decisions.policy.js';
import { leadsInstitution } from './leadership.js';
import { grantsInForce } from './rights.js';

/**
 * Builds the policy view of a signed-in person for authority matters: their institutions, which
 * institutions they lead (art. 3.1), and where they are a Responsible Officer or substitute now.
 */
export async function toAuthorityActor(db: DbOrTrx, actor: Actor): Promise<AuthorityActor> {
  const pa = await toPolicyActor(db, actor);
  const institutions = await db.selectFrom('institutions').select(['id', 'kind', 'parent_id']).execute();
  const leads = institutions.filter((i) => leadsInstitution(actor.user, i)).map((i) => i.id);
  const grants = await grantsInForce(db, { userId: actor.user.id });
  const roOf = [...new Set(grants.filter((g) => g.role !== 'editor').map((g) => g.institutionId))];
  return { ...pa, leads, roOf };
}
