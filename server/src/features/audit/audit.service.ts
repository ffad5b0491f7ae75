import crypto from 'node:crypto';
import { forUpdate, type DbOrTrx, type Trx } from '../../platform/db/database.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { AuditEventInput } from './audit.events.js';
import type { AuditEventsTable } from './audit.tables.js';

const SECRET_KEYS = /pass(word)?|secret|token|code|hash|otp|key/i;

/** Removes values whose key looks like a secret, so no secret ever lands in the trail. */
export function redact(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (SECRET_KEYS.test(k) && typeof v === 'string') out[k] = '[redacted]';
    else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = redact(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}

/** The canonical text an event's hash covers: every field but `hash`, in a fixed order. */
export function canonicalEvent(e: Omit<AuditEventsTable, 'hash'>): string {
  return JSON.stringify([
    e.seq,
    e.id,
    e.at,
    e.type,
    e.actor_id,
    e.institution_id,
    e.subject_type,
    e.subject_id,
    e.reason,
    e.data,
    e.ip,
    e.prev_hash,
  ]);
}

export function hashEvent(e: Omit<AuditEventsTable, 'hash'>): string {
  return crypto.createHash('sha256').update(canonicalEvent(e)).digest('hex');
}

/**
 * Appends one event to the tamper-evident trail, inside the caller's transaction, so that the change
 * and its record commit together or not at all. The chain head is locked while the event is written.
 */
export async function appendAudit(trx: Trx, input: AuditEventInput): Promise<AuditEventsTable> {
  const head = await forUpdate(trx, trx.selectFrom('audit_head').selectAll().where('id', '=', 1)).executeTakeFirstOrThrow();
  const row: Omit<AuditEventsTable, 'hash'> = {
    seq: head.last_seq + 1,
    id: newId(),
    at: nowIso(),
    type: input.type,
    actor_id: input.actorId,
    institution_id: input.institutionId ?? null,
    subject_type: input.subjectType ?? null,
    subject_id: input.subjectId ?? null,
    reason: input.reason ?? null,
    data: JSON.stringify(redact(input.data ?? {})),
    ip: input.ip ?? null,
    prev_hash: head.last_hash,
  };
  const full = { ...row, hash: hashEvent(row) };
  await trx.insertInto('audit_events').values(full).execute();
  await trx.updateTable('audit_head').set({ last_seq: full.seq, last_hash: full.hash }).where('id', '=', 1).execute();
  return full;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; id: string; problem: string } | null;
}

/** Walks the chain in order and reports the first event whose link or content does not match. */
export async function verifyAuditChain(db: DbOrTrx, batch = 1000): Promise<VerifyResult> {
  let prev = '0'.repeat(64);
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const problem =
        r.seq !== expectedSeq
          ? `event ${expectedSeq} is missing`
          : r.prev_hash !== prev
            ? 'does not link to the event before it'
            : hashEvent(r) !== r.hash
              ? 'content changed after it was written'
              : null;
      if (problem) return { ok: false, checked, firstBroken: { seq: r.seq, id: r.id, problem } };
      prev = r.hash;
      expectedSeq++;
      checked++;
    }
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && head.last_seq !== checked) {
    return { ok: false, checked, firstBroken: { seq: checked + 1, id: '', problem: 'events at the end were removed' } };
  }
  return { ok: true, checked, firstBroken: null };
}
