import type { InboxKind } from '@courtdesk/contracts';
import type { Page } from '../../connectors/connector.js';
import { nowIso } from '../../platform/ids.js';
import type { AccountsTable } from '../accounts/accounts.tables.js';
import { accountRef, activeAccounts, withTimeout, type InboxDeps } from './inbox.deps.js';
import { ingestComments, ingestMessages, type IngestResult } from './inbox.ingest.js';

/** Each poll re-reads this much before the newest item seen: late-indexed items are not missed; duplicates are ignored. */
export const POLL_OVERLAP_MS = 5_000;
/** A first poll reaches this far back. */
export const FIRST_POLL_MS = 7 * 24 * 3_600_000;
const MAX_PAGES = 400;

export interface PollResult extends IngestResult {
  pages: number;
  errors: string[];
}

/**
 * Polls one account's comments and messages through its connector (the fallback for platforms or
 * moments without webhooks). Pages until the platform says done; records where it stopped.
 */
export async function pollAccount(deps: InboxDeps, account: AccountsTable): Promise<PollResult> {
  const out: PollResult = { received: 0, inserted: 0, duplicates: 0, actionsQueued: 0, pages: 0, errors: [] };
  const connector = deps.connectorFor(account.platform);
  if (!connector) return out;
  const caps = connector.manifest.capabilities;
  const ref = await accountRef(deps, account);
  const kinds: InboxKind[] = [
    ...(caps.listComments ? (['comment'] as const) : []),
    ...(caps.privateMessages ? (['message'] as const) : []),
  ];
  for (const kind of kinds) {
    const cursorRow = await deps.db
      .selectFrom('inbox_cursors')
      .selectAll()
      .where('account_id', '=', account.id)
      .where('kind', '=', kind)
      .executeTakeFirst();
    const since = cursorRow?.since
      ? nowIso(new Date(Date.parse(cursorRow.since) - POLL_OVERLAP_MS))
      : nowIso(new Date(Date.now() - FIRST_POLL_MS));
    let newest = cursorRow?.since ?? null;
    let cursor: string | null = null;
    let error: string | null = null;
    try {
      for (let page = 0; page < MAX_PAGES; page++) {
        const res: Page<{ createdAt: string }> = await withTimeout<Page<{ createdAt: string }>>(deps.callTimeoutMs, () =>
          kind === 'comment' ? connector.listComments(ref, { since, cursor }) : connector.listMessages(ref, { since, cursor }),
        );
        out.pages++;
        const r =
          kind === 'comment'
            ? await ingestComments(deps, account, res.items as never)
            : await ingestMessages(deps, account, res.items as never);
        add(out, r);
        for (const it of res.items) if (!newest || it.createdAt > newest) newest = it.createdAt;
        cursor = res.cursor;
        if (!cursor) break;
      }
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      out.errors.push(`${kind}: ${error}`);
    }
    const values = { account_id: account.id, kind, since: newest, last_polled_at: nowIso(), last_error: error };
    await deps.db
      .insertInto('inbox_cursors')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['account_id', 'kind']).doUpdateSet({ since: newest, last_polled_at: values.last_polled_at, last_error: error }),
      )
      .execute();
  }
  return out;
}

/** Polls every active account that has a connector; one failing account does not stop the others. */
export async function pollAll(deps: InboxDeps): Promise<PollResult> {
  const total: PollResult = { received: 0, inserted: 0, duplicates: 0, actionsQueued: 0, pages: 0, errors: [] };
  for (const account of await activeAccounts(deps.db)) {
    if (!deps.connectorFor(account.platform)) continue;
    const r = await pollAccount(deps, account);
    add(total, r);
    total.pages += r.pages;
    total.errors.push(...r.errors.map((e) => `${account.platform}/${account.handle} ${e}`));
  }
  return total;
}

function add(a: IngestResult, b: IngestResult): void {
  a.received += b.received;
  a.inserted += b.inserted;
  a.duplicates += b.duplicates;
  a.actionsQueued += b.actionsQueued;
}
