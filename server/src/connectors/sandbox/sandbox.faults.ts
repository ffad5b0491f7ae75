import { z } from 'zod';
import { ConnectorError } from '../connector.js';
import type { DbOrTrx } from '../../platform/db/database.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { SandboxFaultsTable } from './sandbox.tables.js';

/** The sandbox operations a fault can target. */
export const sandboxOps = [
  'publish',
  'findByIdempotencyKey',
  'deletePost',
  'listComments',
  'hideComment',
  'deleteComment',
  'replyToComment',
  'listMessages',
  'sendMessage',
  'getProfile',
  'listRoles',
  'any',
] as const;
export type SandboxOp = (typeof sandboxOps)[number];

/**
 * A fault to inject into the next calls on one sandbox account.
 * - `rate_limited`: 429 with retry-after; `server_error`: 5xx; `outage`: every call fails until `until`
 *   (or for `times` calls); `permanent`: a non-retryable refusal with the platform's own words;
 * - `timeout_after_write`: the write is applied, then the call throws with `maybeApplied`;
 * - `delay_after_write`: the write is applied, then the call waits `delayMs` before answering
 *   (used to kill the server between the platform call and recording its result).
 */
export const SandboxFault = z.object({
  kind: z.enum(['rate_limited', 'server_error', 'outage', 'timeout_after_write', 'permanent', 'delay_after_write']),
  op: z.enum(sandboxOps).default('any'),
  times: z.number().int().min(1).nullable().default(1),
  until: z.string().datetime({ offset: true }).nullable().optional(),
  retryAfterMs: z.number().int().min(0).optional(),
  delayMs: z.number().int().min(0).optional(),
  message: z.string().max(500).optional(),
});
export type SandboxFault = z.input<typeof SandboxFault>;

export async function insertFault(db: DbOrTrx, externalId: string, input: SandboxFault): Promise<void> {
  const f = SandboxFault.parse(input);
  await db
    .insertInto('sandbox_faults')
    .values({
      id: newId(),
      account_external_id: externalId,
      kind: f.kind,
      op: f.op,
      remaining: f.until ? null : f.times,
      until: f.until ?? null,
      retry_after_ms: f.retryAfterMs ?? null,
      delay_ms: f.delayMs ?? null,
      message: f.message ?? null,
      created_at: nowIso(),
    })
    .execute();
}

/** Takes the first pending fault matching `op`, consuming one use of it. */
export async function takeFault(db: DbOrTrx, externalId: string, op: SandboxOp): Promise<SandboxFaultsTable | null> {
  const now = nowIso();
  const rows = await db
    .selectFrom('sandbox_faults')
    .selectAll()
    .where('account_external_id', '=', externalId)
    .where('op', 'in', [op, 'any'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const f of rows) {
    if (f.until !== null) {
      if (f.until > now) return f;
      await db.deleteFrom('sandbox_faults').where('id', '=', f.id).execute();
      continue;
    }
    // Conditional decrement: two concurrent callers cannot both consume the last use.
    const res = await db
      .updateTable('sandbox_faults')
      .set({ remaining: (f.remaining ?? 1) - 1 })
      .where('id', '=', f.id)
      .where('remaining', '=', f.remaining)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) continue;
    if ((f.remaining ?? 1) - 1 <= 0) await db.deleteFrom('sandbox_faults').where('id', '=', f.id).execute();
    return f;
  }
  return null;
}

/** Faults that fail the call before anything happens. */
export function failBefore(f: SandboxFaultsTable): never {
  switch (f.kind) {
    case 'rate_limited':
      throw new ConnectorError('The sandbox platform is rate limiting this account.', {
        retryable: true,
        code: 'rate_limited',
        platformMessage: f.message ?? '429 Too Many Requests',
        retryAfterMs: f.retry_after_ms ?? 1000,
      });
    case 'server_error':
      throw new ConnectorError('The sandbox platform had an internal error.', {
        retryable: true,
        code: 'server_error',
        platformMessage: f.message ?? '503 Service Unavailable',
        retryAfterMs: f.retry_after_ms ?? undefined,
      });
    case 'outage':
      throw new ConnectorError('The sandbox platform is unreachable.', {
        retryable: true,
        code: 'unavailable',
        platformMessage: f.message ?? 'connect ECONNREFUSED',
        retryAfterMs: f.retry_after_ms ?? undefined,
      });
    case 'permanent':
      throw new ConnectorError('The sandbox platform refused the request.', {
        retryable: false,
        code: 'rejected',
        platformMessage: f.message ?? 'The request was refused.',
      });
    default:
      throw new Error(`fault ${f.kind} does not fail before the call`);
  }
}

export function isAfterWrite(f: SandboxFaultsTable): boolean {
  return f.kind === 'timeout_after_write' || f.kind === 'delay_after_write';
}
