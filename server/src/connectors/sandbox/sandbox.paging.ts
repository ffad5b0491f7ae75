import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Page } from '../connector.js';

/** Rows per page when the sandbox lists comments or messages. */
export const PAGE_SIZE = 50;

/** The sandbox tables that are listed page by page; both carry `created_at` and `external_id`. */
type PagedTable = 'sandbox_comments' | 'sandbox_messages';

interface Keyed {
  created_at: string;
  external_id: string;
}

/**
 * One page of a listing in (created_at, external_id) order, after `since` and after the previous
 * page's cursor. Keyset paging: rows added meanwhile are neither skipped nor repeated.
 */
export async function keysetPage<TB extends PagedTable, R extends Keyed, T>(
  query: SelectQueryBuilder<Database, TB, R>,
  opts: { since?: string; cursor?: string | null },
  map: (row: R) => T,
): Promise<Page<T>> {
  // Typed references: with a generic table, Kysely cannot tell the columns' value types itself.
  const createdAt = sql.ref<string>('created_at');
  const externalId = sql.ref<string>('external_id');
  let q = query;
  if (opts.since) q = q.where(createdAt, '>', opts.since);
  const cur = decodeCursor(opts.cursor);
  if (cur) q = q.where((eb) => eb.or([eb(createdAt, '>', cur.at), eb.and([eb(createdAt, '=', cur.at), eb(externalId, '>', cur.id)])]));
  const rows = await q
    .orderBy('created_at')
    .orderBy('external_id')
    .limit(PAGE_SIZE + 1)
    .execute();
  return pageOf(rows, map);
}

function pageOf<R extends Keyed, T>(rows: R[], map: (r: R) => T): Page<T> {
  const more = rows.length > PAGE_SIZE;
  const items = rows.slice(0, PAGE_SIZE);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    cursor: more && last ? Buffer.from(`${last.created_at}|${last.external_id}`).toString('base64url') : null,
  };
}

function decodeCursor(cursor: string | null | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return at && id ? { at, id } : null;
}
