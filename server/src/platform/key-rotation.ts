import { sql } from 'kysely';
import type { Config } from './config.js';
import { SecretBox } from './crypto.js';
import type { Db, DbOrTrx } from './db/database.js';
import { appendAudit } from '../features/audit/audit.service.js';

/**
 * Every column that holds a value sealed with `SecretBox`, with the purpose its key is derived for.
 * A feature that seals a new column adds one line here, so rotation and verification cover it.
 */
export interface SealedColumn {
  table: string;
  /** The row's key column. */
  key: string;
  column: string;
  purpose: string;
}

export const sealedColumns: readonly SealedColumn[] = [
  { table: 'users', key: 'id', column: 'totp_secret', purpose: 'totp-secret' },
  { table: 'sessions', key: 'id', column: 'pending_totp_secret', purpose: 'totp-secret' },
  { table: 'vault_secrets', key: 'id', column: 'sealed', purpose: 'vault' },
  { table: 'webhook_secrets', key: 'platform', column: 'secret_sealed', purpose: 'webhook-secret' },
  { table: 'account_connections', key: 'account_id', column: 'sealed', purpose: 'account-connection' },
];

export interface SealedReport {
  /** Values sealed with the current key. */
  current: number;
  /** Values still sealed with a previous key (SECRET_KEY_PREVIOUS): `rotate` re-seals them. */
  previous: number;
  /** Values no configured key opens: a wrong key, or a restored backup of another installation. */
  unreadable: Array<{ table: string; column: string; key: string }>;
  perColumn: Array<{ table: string; column: string; current: number; previous: number; unreadable: number }>;
}

async function rowsOf(db: DbOrTrx, c: SealedColumn): Promise<Array<{ k: string; v: string }>> {
  const res = await sql<{ k: string; v: string }>`select ${sql.ref(c.key)} as k, ${sql.ref(c.column)} as v from ${sql.table(c.table)}
    where ${sql.ref(c.column)} is not null and ${sql.ref(c.column)} <> '' order by ${sql.ref(c.key)}`.execute(db);
  return res.rows;
}

/** Which key opens every sealed value; opens nothing it does not need and never returns a secret. */
export async function inspectSealed(db: DbOrTrx, config: Pick<Config, 'secretKey' | 'previousSecretKeys'>): Promise<SealedReport> {
  const report: SealedReport = { current: 0, previous: 0, unreadable: [], perColumn: [] };
  for (const c of sealedColumns) {
    const box = SecretBox.forConfig(config, c.purpose);
    const col = { table: c.table, column: c.column, current: 0, previous: 0, unreadable: 0 };
    for (const row of await rowsOf(db, c)) {
      try {
        if (box.openWithKey(row.v).current) col.current++;
        else col.previous++;
      } catch {
        col.unreadable++;
        report.unreadable.push({ table: c.table, column: c.column, key: String(row.k) });
      }
    }
    report.current += col.current;
    report.previous += col.previous;
    report.perColumn.push(col);
  }
  return report;
}

export class RotationRefusedError extends Error {
  constructor(readonly report: SealedReport) {
    super(
      `${report.unreadable.length} sealed value(s) cannot be opened with SECRET_KEY or SECRET_KEY_PREVIOUS ` +
        `(first: ${report.unreadable[0]?.table}.${report.unreadable[0]?.column} ${report.unreadable[0]?.key}). Nothing was changed.`,
    );
  }
}

/**
 * Re-seals every value still sealed with a previous key under the current SECRET_KEY, in one
 * transaction, audited (counts only). Refuses, changing nothing, when any value cannot be opened.
 */
export async function rotateSealed(
  db: Db,
  config: Pick<Config, 'secretKey' | 'previousSecretKeys'>,
  actor: { id: string | null } = { id: null },
): Promise<{ resealed: number; report: SealedReport }> {
  return db.transaction().execute(async (trx) => {
    const report = await inspectSealed(trx, config);
    if (report.unreadable.length > 0) throw new RotationRefusedError(report);
    let resealed = 0;
    for (const c of sealedColumns) {
      const box = SecretBox.forConfig(config, c.purpose);
      for (const row of await rowsOf(trx, c)) {
        const opened = box.openWithKey(row.v);
        if (opened.current) continue;
        await sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${box.seal(opened.plain)} where ${sql.ref(c.key)} = ${row.k}`.execute(
          trx,
        );
        resealed++;
      }
    }
    await appendAudit(trx, {
      type: 'secrets.key_rotated',
      actorId: actor.id,
      institutionId: null,
      subjectType: 'system',
      subjectId: 'secret-key',
      data: { resealed, perColumn: report.perColumn.map((p) => ({ table: p.table, column: p.column, resealed: p.previous })) },
    });
    return { resealed, report };
  });
}
