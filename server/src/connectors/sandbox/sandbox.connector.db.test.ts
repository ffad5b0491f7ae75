import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, createTestDatabase } from '../../../test/db.js';
import type { DbHandle } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { AccountRef } from '../connector.js';
import { connectorContract, type ConnectorHarness } from '../contract.test-suite.js';
import { createSandboxConnector, sandbox } from './index.js';

describeEachEngine('sandbox connector', (engine) => {
  let database: DbHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  describe('connector contract', () => {
    connectorContract((): ConnectorHarness => {
      const db = database.db;
      return {
        connector: createSandboxConnector(db),
        async newAccount(): Promise<AccountRef> {
          const externalId = `sbx-acc-${newId()}`;
          await sandbox.ensureAccount(db, externalId, { handle: '@gjthprishtine', displayName: 'Gjykata Themelore Prishtinë' });
          return { accountId: newId(), platform: 'sandbox', externalId, handle: '@gjthprishtine', credentials: {} };
        },
        addComment: (acc, c) => sandbox.addComment(db, acc.externalId, c),
        addMessage: (acc, m) => sandbox.addMessage(db, acc.externalId, m),
        countPosts: async (acc) => (await sandbox.listPosts(db, acc.externalId)).filter((p) => p.deleted_at === null).length,
        inject: {
          rateLimited: (acc, ms) => sandbox.injectFault(db, acc.externalId, { kind: 'rate_limited', retryAfterMs: ms }),
          serverError: (acc) => sandbox.injectFault(db, acc.externalId, { kind: 'server_error' }),
          outage: (acc, until) => sandbox.injectFault(db, acc.externalId, { kind: 'outage', until }),
          timeoutAfterWrite: (acc) => sandbox.injectFault(db, acc.externalId, { kind: 'timeout_after_write', op: 'publish' }),
          permanent: (acc, message) => sandbox.injectFault(db, acc.externalId, { kind: 'permanent', message }),
          budget: (acc, calls, windowMs) => sandbox.setRateLimit(db, acc.externalId, calls, windowMs),
        },
      };
    });
  });

  it('pages through private messages with the same keyset cursor, none skipped or repeated, and filters by `since`', async () => {
    const db = database.db;
    const connector = createSandboxConnector(db);
    const externalId = `sbx-acc-${newId()}`;
    await sandbox.ensureAccount(db, externalId, { handle: '@gjthprizren', displayName: 'Gjykata Themelore Prizren' });
    const acc: AccountRef = { accountId: newId(), platform: 'sandbox', externalId, handle: '@gjthprizren', credentials: {} };
    for (let i = 0; i < 55; i++)
      await sandbox.addMessage(db, externalId, { senderHandle: `@p${i}`, senderName: `P ${i}`, text: `message ${i}` });
    const first = await connector.listMessages(acc, {});
    expect(first.items).toHaveLength(50);
    expect(first.cursor).not.toBeNull();
    const second = await connector.listMessages(acc, { cursor: first.cursor });
    expect(second.items).toHaveLength(5);
    expect(second.cursor).toBeNull();
    const texts = [...first.items, ...second.items].map((m) => m.text);
    expect(new Set(texts).size).toBe(55);
    const last = second.items[second.items.length - 1]!;
    expect((await connector.listMessages(acc, { since: last.createdAt })).items).toEqual([]);
  });
});
