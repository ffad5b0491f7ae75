import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, createTestDatabase } from '../../../test/db.js';
import type { DbHandle } from '../../platform/db/database.js';
import { appendAudit, verifyAuditChain } from './audit.service.js';

describeEachEngine('audit chain', (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDatabase(engine);
  });
  afterAll(() => h.close());

  it('links every event to the one before and reports the first broken link', async () => {
    for (let i = 0; i < 5; i++) {
      await h.db.transaction().execute((trx) => appendAudit(trx, { type: 'test.event', actorId: null, data: { i, password: 'hunter2' } }));
    }
    const rows = await h.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(JSON.parse(rows[0]!.data)).toEqual({ i: 0, password: '[redacted]' });
    expect(await verifyAuditChain(h.db)).toEqual({ ok: true, checked: 5, firstBroken: null });

    // Tamper as a database superuser would: disable the guard and change event 3.
    if (engine === 'postgres') {
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(h.db);
    } else {
      await sql`drop trigger audit_events_no_update`.execute(h.db);
    }
    await sql`update audit_events set data = '{"i":99}' where seq = 3`.execute(h.db);
    const res = await verifyAuditChain(h.db);
    expect(res.ok).toBe(false);
    expect(res.firstBroken).toMatchObject({ seq: 3, problem: 'content changed after it was written' });
    expect(res.checked).toBe(2);
  });

  it('keeps the chain linear when many transactions write at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.db.transaction().execute((trx) => appendAudit(trx, { type: 'test.concurrent', actorId: null, data: { i } })),
      ),
    );
    const rows = await h.db
      .selectFrom('audit_events')
      .select(['seq', 'prev_hash', 'hash'])
      .where('type', '=', 'test.concurrent')
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(20);
    const seqs = rows.map((r) => r.seq);
    expect(new Set(seqs).size).toBe(20);
  });
});
