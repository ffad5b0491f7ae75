import type { DbOrTrx, Trx } from '../../platform/db/database.js';
import { newId, nowIso, sha256 } from '../../platform/ids.js';
import type { ArchiveEntriesTable, ArchiveKind } from './archive.tables.js';

/** The content snapshot kept for ever: what was sent, to which account, with which media. */
export interface ArchivedContent {
  text: string;
  title: string | null;
  link: string | null;
  variants: Array<{ lang: string; text: string }>;
  media: Array<{ id: string; sha256: string; mime: string }>;
}

/** Appends one entry to the archive in the caller's transaction (the table refuses updates). */
export async function appendArchive(
  trx: Trx,
  e: {
    institutionId: string;
    postId: string;
    targetId: string | null;
    accountId: string | null;
    platform: string | null;
    kind: ArchiveKind;
    externalId: string | null;
    url: string | null;
    content: ArchivedContent;
    actorId: string | null;
    at?: string;
  },
): Promise<ArchiveEntriesTable> {
  const content = JSON.stringify(e.content);
  const row: ArchiveEntriesTable = {
    id: newId(),
    institution_id: e.institutionId,
    post_id: e.postId,
    target_id: e.targetId,
    account_id: e.accountId,
    platform: e.platform,
    kind: e.kind,
    external_id: e.externalId,
    url: e.url,
    content,
    content_hash: sha256(content),
    actor_id: e.actorId,
    at: e.at ?? nowIso(),
  };
  await trx.insertInto('archive_entries').values(row).execute();
  return row;
}

export async function listArchive(
  db: DbOrTrx,
  institutionIds: string[] | 'all',
  opts: { institutionId?: string; from?: string; to?: string; limit?: number } = {},
) {
  let q = db.selectFrom('archive_entries').selectAll();
  if (institutionIds !== 'all') {
    if (institutionIds.length === 0) return [];
    q = q.where('institution_id', 'in', institutionIds);
  }
  if (opts.institutionId) q = q.where('institution_id', '=', opts.institutionId);
  if (opts.from) q = q.where('at', '>=', opts.from);
  if (opts.to) q = q.where('at', '<', opts.to);
  return q
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(opts.limit ?? 10_000)
    .execute();
}

const CSV_COLUMNS = [
  'at',
  'institution_id',
  'post_id',
  'platform',
  'account_id',
  'kind',
  'external_id',
  'url',
  'content_hash',
  'text',
] as const;

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function archiveToCsv(rows: ArchiveEntriesTable[]): string {
  const cell = (v: unknown) => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const text = (JSON.parse(r.content) as ArchivedContent).text;
    lines.push(CSV_COLUMNS.map((c) => cell(c === 'text' ? text : r[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
