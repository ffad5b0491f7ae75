import type { Trx } from '../../platform/db/database.js';
import { newId, nowIso, sha256 } from '../../platform/ids.js';
import type { InboxEvidenceTable, InboxItemsTable } from './inbox.tables.js';

/** The fields an evidence copy vouches for, in a fixed order. */
type EvidenceFields = Pick<
  InboxEvidenceTable,
  | 'platform'
  | 'account_handle'
  | 'external_id'
  | 'post_external_id'
  | 'author_handle'
  | 'author_name'
  | 'text'
  | 'created_at'
  | 'captured_at'
>;

/**
 * SHA-256 over the canonical JSON array of the evidence fields. Anyone holding the copy can recompute
 * it (docs/inbox.md gives the recipe), so a later change to the stored copy is detectable.
 */
export function evidenceHash(e: EvidenceFields): string {
  return sha256(
    JSON.stringify([
      'courtdesk-evidence-v1',
      e.platform,
      e.account_handle,
      e.external_id,
      e.post_external_id,
      e.author_handle,
      e.author_name,
      e.text,
      e.created_at,
      e.captured_at,
    ]),
  );
}

/** Whether a stored copy still matches its hash. */
export function evidenceIntact(e: InboxEvidenceTable): boolean {
  return evidenceHash(e) === e.content_hash;
}

/** The evidence row for `item` as it is now (pure; for batch inserts of fresh items). */
export function evidenceRow(item: InboxItemsTable, accountHandle: string, reason: string, capturedBy: string | null): InboxEvidenceTable {
  const fields: EvidenceFields = {
    platform: item.platform,
    account_handle: accountHandle,
    external_id: item.external_id,
    post_external_id: item.post_external_id,
    author_handle: item.author_handle,
    author_name: item.author_name,
    text: item.text,
    created_at: item.created_at,
    captured_at: nowIso(),
  };
  return {
    id: newId(),
    item_id: item.id,
    institution_id: item.institution_id,
    account_id: item.account_id,
    ...fields,
    content_hash: evidenceHash(fields),
    reason: reason.slice(0, 2000),
    captured_by: capturedBy,
  };
}

/**
 * Saves an evidence copy of `item` — inside the transaction that queues the hide or delete, so the
 * copy is committed before the platform is ever asked to act. Reuses a copy already taken for the
 * same item (hide, unhide, hide again keeps one record).
 */
export async function captureEvidence(
  trx: Trx,
  item: InboxItemsTable,
  accountHandle: string,
  reason: string,
  capturedBy: string | null,
): Promise<InboxEvidenceTable> {
  const existing = await trx
    .selectFrom('inbox_evidence')
    .selectAll()
    .where('item_id', '=', item.id)
    .orderBy('captured_at')
    .executeTakeFirst();
  if (existing && existing.text === item.text) return existing;
  const row = evidenceRow(item, accountHandle, reason, capturedBy);
  await trx.insertInto('inbox_evidence').values(row).execute();
  return row;
}
