import type { PostStatus } from '@courtdesk/contracts';
import type { DbOrTrx } from '../../platform/db/database.js';
import { accountsWhereUserHas } from '../decisions/rights.js';
import { canViewInstitution, type PolicyActor } from '../institutions/institutions.policy.js';
import { presentSummary } from './posts.presenter.js';
import { loadTargets } from './posts.repository.js';

/** Posts the actor may see (tenant-scoped in the query), newest first. */
export async function listPosts(
  db: DbOrTrx,
  actor: PolicyActor,
  q: {
    institutionId?: string;
    status?: PostStatus;
    statuses?: PostStatus[];
    awaitingMe?: boolean;
    from?: string;
    to?: string;
    limit: number;
  },
) {
  const institutions = (await db.selectFrom('institutions').select('id').execute())
    .map((i) => i.id)
    .filter((id) => canViewInstitution(actor, id));
  if (q.institutionId && !institutions.includes(q.institutionId)) return [];
  let sel = db
    .selectFrom('posts')
    .selectAll()
    .where('institution_id', 'in', q.institutionId ? [q.institutionId] : institutions);
  if (q.status) sel = sel.where('status', '=', q.status);
  if (q.statuses) sel = sel.where('status', 'in', q.statuses);
  if (q.from) sel = sel.where('scheduled_at', '>=', q.from);
  if (q.to) sel = sel.where('scheduled_at', '<', q.to);
  if (q.awaitingMe) sel = sel.where('status', '=', 'review');
  const posts = await sel
    .orderBy(q.from ? 'scheduled_at' : 'updated_at', q.from ? 'asc' : 'desc')
    .limit(q.limit)
    .execute();
  if (posts.length === 0) return [];
  const ids = posts.map((p) => p.id);
  const [variants, targets] = await Promise.all([
    db.selectFrom('post_variants').selectAll().where('post_id', 'in', ids).execute(),
    loadTargets(db, ids),
  ]);
  let rows = posts.map((p) => ({
    post: p,
    variants: variants.filter((v) => v.post_id === p.id),
    targets: targets.filter((t) => t.post_id === p.id),
  }));
  if (q.awaitingMe) {
    // Set-based: every account where I may publish, once; then keep posts whose accounts are all mine.
    const mine = new Set(await accountsWhereUserHas(db, actor.id, 'publish'));
    rows = rows.filter((r) => r.targets.length > 0 && r.targets.every((t) => mine.has(t.account_id)) && r.post.created_by !== actor.id);
  }
  return rows.map((r) => presentSummary(r.post, r.variants, r.targets));
}
