import { sql } from 'kysely';
import { ConnectorError, type ExternalRole } from '../connector.js';
import type { DbOrTrx } from '../../platform/db/database.js';
import { nowIso } from '../../platform/ids.js';
import type { SandboxAccountsTable } from './sandbox.tables.js';

/** Defaults of a new sandbox account: a budget of 300 calls per 15 minutes, like Mastodon's. */
export const SANDBOX_DEFAULT_BUDGET = 300;
export const SANDBOX_DEFAULT_WINDOW_MS = 15 * 60_000;

export interface SandboxAccountInit {
  handle?: string;
  displayName?: string;
  description?: string;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  autoReplyText?: string | null;
  roles?: ExternalRole[];
  rateBudget?: number;
  rateWindowMs?: number;
}

/** Creates the sandbox account if it does not exist yet (idempotent, safe under concurrency). */
export async function ensureSandboxAccount(db: DbOrTrx, externalId: string, init: SandboxAccountInit = {}): Promise<SandboxAccountsTable> {
  const existing = await loadAccount(db, externalId);
  if (existing) return existing;
  const now = nowIso();
  const handle = init.handle ?? externalId;
  await db
    .insertInto('sandbox_accounts')
    .values({
      external_id: externalId,
      handle,
      display_name: init.displayName ?? handle,
      description: init.description ?? '',
      website: init.website ?? null,
      email: init.email ?? null,
      phone: init.phone ?? null,
      address: init.address ?? null,
      picture_b64: null,
      auto_reply_text: init.autoReplyText ?? null,
      roles: JSON.stringify(init.roles ?? []),
      rate_budget: init.rateBudget ?? SANDBOX_DEFAULT_BUDGET,
      rate_window_ms: init.rateWindowMs ?? SANDBOX_DEFAULT_WINDOW_MS,
      rate_used: 0,
      rate_window_started_at: now,
      created_at: now,
    })
    .onConflict((oc) => oc.column('external_id').doNothing())
    .execute();
  return (await loadAccount(db, externalId))!;
}

export async function loadAccount(db: DbOrTrx, externalId: string): Promise<SandboxAccountsTable | undefined> {
  return db.selectFrom('sandbox_accounts').selectAll().where('external_id', '=', externalId).executeTakeFirst();
}

function windowEnd(a: SandboxAccountsTable): number {
  return Date.parse(a.rate_window_started_at) + a.rate_window_ms;
}

/** Starts a fresh window when the current one has ended (conditional, so only one caller resets it). */
async function rollWindow(db: DbOrTrx, a: SandboxAccountsTable): Promise<void> {
  if (Date.now() < windowEnd(a)) return;
  await db
    .updateTable('sandbox_accounts')
    .set({ rate_used: 0, rate_window_started_at: nowIso() })
    .where('external_id', '=', a.external_id)
    .where('rate_window_started_at', '=', a.rate_window_started_at)
    .execute();
}

/** Spends one call of the account's budget, or throws a 429 telling when the budget resets. */
export async function spendBudget(db: DbOrTrx, a: SandboxAccountsTable): Promise<void> {
  await rollWindow(db, a);
  const res = await db
    .updateTable('sandbox_accounts')
    .set({ rate_used: sql<number>`rate_used + 1` })
    .where('external_id', '=', a.external_id)
    .where(sql<boolean>`rate_used < rate_budget`)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) return;
  const fresh = (await loadAccount(db, a.external_id)) ?? a;
  throw new ConnectorError('The sandbox platform’s rate limit for this account is used up.', {
    retryable: true,
    code: 'rate_limited',
    platformMessage: `429 Too Many Requests: ${fresh.rate_budget} calls per ${Math.round(fresh.rate_window_ms / 1000)} s`,
    retryAfterMs: Math.max(0, windowEnd(fresh) - Date.now()),
  });
}

/** Remaining budget and reset time, without spending a call. */
export async function budgetState(db: DbOrTrx, externalId: string): Promise<{ remaining: number; resetAt: string }> {
  const a = await loadAccount(db, externalId);
  if (!a) return { remaining: SANDBOX_DEFAULT_BUDGET, resetAt: nowIso(new Date(Date.now() + SANDBOX_DEFAULT_WINDOW_MS)) };
  if (Date.now() >= windowEnd(a)) return { remaining: a.rate_budget, resetAt: nowIso(new Date(Date.now() + a.rate_window_ms)) };
  return { remaining: Math.max(0, a.rate_budget - a.rate_used), resetAt: nowIso(new Date(windowEnd(a))) };
}
