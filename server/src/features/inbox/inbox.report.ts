import { moderationCategories, type TransparencyReport } from '@courtdesk/contracts';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/database.js';

/** The first instant of the month `back` months before `now` (UTC), as ISO text. */
export function monthStart(now: Date, back: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString();
}

/**
 * Per-institution transparency report: comments removed (hidden or deleted, and still so) by the
 * main category of the removal, per calendar month (UTC), over the last `months` months.
 */
export async function transparencyReport(
  db: DbOrTrx,
  institutionId: string,
  months: number,
  now = new Date(),
): Promise<TransparencyReport> {
  const from = monthStart(now, months - 1);
  const to = monthStart(now, -1);
  const month = sql<string>`substr(removed_at, 1, 7)`;
  const rows = await db
    .selectFrom('inbox_items')
    .select([month.as('month'), 'removed_category', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('institution_id', '=', institutionId)
    .where('status', 'in', ['hidden', 'deleted'])
    .where('removed_at', '>=', from)
    .where('removed_at', '<', to)
    .groupBy([month, 'removed_category', 'status'])
    .execute();
  const list: TransparencyReport['months'] = [];
  for (let back = months - 1; back >= 0; back--) list.push({ month: monthStart(now, back).slice(0, 7), total: 0, byCategory: {} });
  const byMonth = new Map(list.map((m) => [m.month, m]));
  const categories = new Set<string>(moderationCategories);
  let hidden = 0;
  let deleted = 0;
  for (const r of rows) {
    const m = byMonth.get(r.month);
    const n = Number(r.n);
    const cat = r.removed_category ?? 'other';
    categories.add(cat);
    if (m) {
      m.byCategory[cat] = (m.byCategory[cat] ?? 0) + n;
      m.total += n;
    }
    if (r.status === 'hidden') hidden += n;
    else deleted += n;
  }
  const received = await db
    .selectFrom('inbox_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('institution_id', '=', institutionId)
    .where('kind', '=', 'comment')
    .where('from_account', '=', 0)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .executeTakeFirstOrThrow();
  const restored = await db
    .selectFrom('inbox_actions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('institution_id', '=', institutionId)
    .where('action', '=', 'unhide')
    .where('status', '=', 'done')
    .where('done_at', '>=', from)
    .where('done_at', '<', to)
    .executeTakeFirstOrThrow();
  return {
    institutionId,
    from,
    to,
    categories: [...categories],
    months: list,
    totals: { removed: hidden + deleted, hidden, deleted, restored: Number(restored.n), received: Number(received.n) },
  };
}
