import type { InboxListQuery } from '@courtdesk/contracts';
import type { DbOrTrx } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/types.js';
import { accountsWhereUserHas } from '../decisions/rights.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import { canViewInbox, type InboxActor } from './inbox.policy.js';

/** The policy view of the person acting, with the accounts they may moderate now. */
export async function toInboxActor(db: DbOrTrx, actor: Actor): Promise<InboxActor> {
  const pa = await toPolicyActor(db, actor);
  return { ...pa, moderates: new Set(await accountsWhereUserHas(db, actor.user.id, 'moderate')) };
}

/** Institutions whose inbox the actor may read. */
export async function visibleInstitutionIds(db: DbOrTrx, a: InboxActor): Promise<string[]> {
  const all = await db.selectFrom('institutions').select('id').execute();
  return all.map((r) => r.id).filter((id) => canViewInbox(a, id));
}

export function findItem(db: DbOrTrx, id: string) {
  return db.selectFrom('inbox_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Items the actor may see, filtered; and counts per status over the same filters (without the status filter). */
export async function listItems(db: DbOrTrx, institutionIds: string[], q: InboxListQuery) {
  if (institutionIds.length === 0) return { rows: [], total: 0, counts: {} as Record<string, number> };
  let base = db.selectFrom('inbox_items').where('institution_id', 'in', institutionIds);
  if (q.accountId) base = base.where('account_id', '=', q.accountId);
  if (q.platform) base = base.where('platform', '=', q.platform);
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.lang) base = base.where('lang', '=', q.lang);
  if (q.category) base = base.where('categories', 'like', `%${JSON.stringify(q.category)}%`);
  if (q.q) {
    const like = `%${q.q.replace(/[%_]/g, '')}%`;
    base = base.where((eb) => eb.or([eb('text', 'like', like), eb('author_handle', 'like', like), eb('author_name', 'like', like)]));
  }
  const countRows = await base
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<string, number> = {};
  for (const r of countRows) counts[r.status] = Number(r.n);
  const filtered = q.status ? base.where('status', '=', q.status) : base;
  const total = q.status ? (counts[q.status] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  const rows = await filtered
    .selectAll()
    .orderBy('received_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { rows, total, counts };
}

/** Handles of accounts by id (for presenting items). */
export async function accountHandles(db: DbOrTrx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'handle'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.handle]));
}

/** Items among `ids` that received a sent automatic reply. */
export async function autoRepliedItems(db: DbOrTrx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('inbox_replies')
    .select('item_id')
    .where('item_id', 'in', ids)
    .where('kind', '=', 'auto')
    .where('status', '=', 'sent')
    .execute();
  return new Set(rows.map((r) => r.item_id));
}
