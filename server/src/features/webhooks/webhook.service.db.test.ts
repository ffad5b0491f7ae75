import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { insertInboxAccount, sandboxDeps } from '../inbox/inbox.testing.js';
import { processWebhookEvents, storeWebhookEvent } from './webhook.service.js';

describeEachEngine('webhook processing', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());

  it('ingests deliveries in batches; an event for an unknown account fails alone, the others are kept', async () => {
    const db = ctx.database.db;
    const acc = await insertInboxAccount(db);
    const at = new Date().toISOString();
    const comment = (id: string, account: string) => ({
      id,
      type: 'comment.created' as const,
      sentAt: at,
      accountExternalId: account,
      comment: {
        externalId: `c-${id}`,
        postExternalId: null,
        authorHandle: 'a',
        authorName: 'A',
        text: `Pyetje ${id}`,
        createdAt: at,
        fromAccount: false,
      },
    });
    for (const id of ['w1', 'w2', 'w3']) expect(await storeWebhookEvent(db, 'sandbox', comment(id, acc.external_id!))).toBe('accepted');
    expect(await storeWebhookEvent(db, 'sandbox', comment('w1', acc.external_id!))).toBe('duplicate');
    await storeWebhookEvent(db, 'sandbox', comment('w4', 'nobody-here'));
    await storeWebhookEvent(db, 'sandbox', {
      id: 'w5',
      type: 'message.created',
      sentAt: at,
      accountExternalId: acc.external_id!,
      message: {
        externalId: 'm-w5',
        conversationId: 'conv1',
        senderHandle: 's',
        senderName: 'S',
        text: 'Hello, when is my hearing?',
        createdAt: at,
        fromAccount: false,
      },
    });
    expect(await processWebhookEvents(sandboxDeps(db))).toBe(5);
    const items = await db
      .selectFrom('inbox_items')
      .select('external_id')
      .where('account_id', '=', acc.id)
      .orderBy('external_id')
      .execute();
    expect(items.map((i) => i.external_id)).toEqual(['c-w1', 'c-w2', 'c-w3', 'm-w5']);
    const events = await db
      .selectFrom('webhook_events')
      .select(['event_id', 'status'])
      .where('event_id', 'in', ['w1', 'w2', 'w3', 'w4', 'w5'])
      .orderBy('event_id')
      .execute();
    expect(events.map((e) => e.status)).toEqual(['done', 'done', 'done', 'failed', 'done']);
    expect(await processWebhookEvents(sandboxDeps(db))).toBe(0);
  });
});
