import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine } from '../../../test/db.js';
import type { DbHandle } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { ConnectorError, type AccountRef } from '../connector.js';
import { createFacebookConnector } from '../facebook/facebook.connector.js';
import { GraphEmulator } from './graph-emulator.js';
import { dbPublishLedger } from './publish-ledger.db.js';

describeEachEngine('Meta publishing ledger in the database', (engine) => {
  let database: DbHandle;
  const emu = new GraphEmulator();
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await emu.start();
  });
  afterAll(async () => {
    await emu.stop();
    await database.close();
  });

  it('after a timeout and a restart, a new process finds the post by its key and does not publish twice', async () => {
    const { pageId, token } = emu.createPage();
    const acc: AccountRef = {
      accountId: newId(),
      platform: 'facebook',
      externalId: pageId,
      handle: '@court',
      credentials: { pageAccessToken: token },
    };
    const input = { idempotencyKey: 'post-1:acc-1', text: 'Njoftim për seancën e 3 dhjetorit.', media: [] };
    // Another post with the same text, under another key, must not be mistaken for ours.
    const first = createFacebookConnector({ graphUrl: emu.graphUrl, timeoutMs: 300, ledger: dbPublishLedger(database.db) });
    const twin = await first.publish(acc, { ...input, idempotencyKey: 'post-0:acc-1' });

    emu.inject(pageId, { kind: 'timeout_after_write' });
    const err = await first.publish(acc, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).opts.maybeApplied).toBe(true);
    expect(emu.countPosts(pageId)).toBe(2);

    const restarted = createFacebookConnector({ graphUrl: emu.graphUrl, timeoutMs: 2000, ledger: dbPublishLedger(database.db) });
    const found = await restarted.findByIdempotencyKey(acc, input.idempotencyKey);
    expect(found).not.toBeNull();
    expect(found?.externalId).not.toBe(twin.externalId);
    expect((await restarted.publish(acc, input)).externalId).toBe(found?.externalId);
    expect(emu.countPosts(pageId)).toBe(2);
    expect(await restarted.findByIdempotencyKey(acc, 'never-published')).toBeNull();
  });
});
