import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { sandbox } from '../../connectors/sandbox/index.js';
import { DEFAULT_AUTO_REPLY } from './autoreply.texts.js';
import { drainInbox } from './inbox.jobs.js';
import { pollAccount } from './inbox.poll.js';
import { insertInboxAccount, sandboxDeps } from './inbox.testing.js';

describeEachEngine('automatic reply (art. 3.8–3.9)', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());
  const db = () => ctx.database.db;
  const sent = (externalId: string) =>
    db()
      .selectFrom('sandbox_messages')
      .select(['conversation_id', 'text'])
      .where('account_external_id', '=', externalId)
      .where('from_account', '=', 1)
      .orderBy('created_at')
      .execute();

  it('answers in the language and script the person wrote in, once per conversation per period', async () => {
    const acc = await insertInboxAccount(db(), { institution: 'bc-mitrovice' });
    const deps = sandboxDeps(db());
    const sq = await sandbox.addMessage(db(), acc.external_id!, {
      senderHandle: 'arben',
      senderName: 'Arben',
      text: 'Përshëndetje, kur është seanca ime në gjykatë?',
    });
    const cyr = await sandbox.addMessage(db(), acc.external_id!, {
      senderHandle: 'milos',
      senderName: 'Miloš',
      text: 'Здраво, када је заказано рочиште у мом предмету?',
    });
    const lat = await sandbox.addMessage(db(), acc.external_id!, {
      senderHandle: 'jelena',
      senderName: 'Jelena',
      text: 'Zdravo, kada je ročište u mom predmetu?',
    });
    const en = await sandbox.addMessage(db(), acc.external_id!, {
      senderHandle: 'john',
      senderName: 'John',
      text: 'Hello, when is the hearing in my case?',
    });
    await pollAccount(deps, acc);
    await drainInbox(deps);
    const replies = new Map((await sent(acc.external_id!)).map((m) => [m.conversation_id, m.text]));
    expect(replies.get(sq.conversationId)).toBe(DEFAULT_AUTO_REPLY.sq);
    expect(replies.get(cyr.conversationId)).toBe(DEFAULT_AUTO_REPLY['sr-Cyrl']);
    expect(replies.get(lat.conversationId)).toBe(DEFAULT_AUTO_REPLY['sr-Latn']);
    expect(replies.get(en.conversationId)).toBe(DEFAULT_AUTO_REPLY.en);

    // A second message in the same conversation within the period: no second reply; our own reply is never answered.
    await sandbox.addMessage(db(), acc.external_id!, {
      conversationId: sq.conversationId,
      senderHandle: 'arben',
      senderName: 'Arben',
      text: 'A më dëgjoni? Ju lutem përgjigjuni.',
    });
    await pollAccount(deps, acc);
    await drainInbox(deps);
    expect(await sent(acc.external_id!)).toHaveLength(4);
    const own = await db()
      .selectFrom('inbox_items')
      .select('status')
      .where('account_id', '=', acc.id)
      .where('from_account', '=', 1)
      .execute();
    expect(own.map((o) => o.status)).toEqual(['own', 'own', 'own', 'own']);

    // Once the period has passed, the conversation gets the reply again.
    await db()
      .updateTable('autoreply_conversations')
      .set({ last_sent_at: new Date(Date.now() - 25 * 3_600_000).toISOString() })
      .where('account_id', '=', acc.id)
      .execute();
    await sandbox.addMessage(db(), acc.external_id!, {
      conversationId: sq.conversationId,
      senderHandle: 'arben',
      senderName: 'Arben',
      text: 'Përsëri unë, kam një pyetje tjetër për lëndën.',
    });
    await pollAccount(deps, acc);
    await drainInbox(deps);
    expect(await sent(acc.external_id!)).toHaveLength(5);

    const log = await db().selectFrom('inbox_replies').selectAll().where('account_id', '=', acc.id).where('kind', '=', 'auto').execute();
    expect(log.map((l) => l.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    const audit = await db()
      .selectFrom('audit_events')
      .select('type')
      .where('type', '=', 'inbox.auto_reply_sent')
      .where('institution_id', '=', 'inst-bc-mitrovice')
      .execute();
    expect(audit).toHaveLength(5);
  });

  it('uses the institution’s edited text, and never writes to the court’s own messages', async () => {
    const acc = await insertInboxAccount(db(), { institution: 'bc-gjilan' });
    const texts = { ...DEFAULT_AUTO_REPLY, en: 'Automatic response of the Basic Court in Gjilan: please use the legal channels.' };
    await db()
      .insertInto('autoreply_settings')
      .values({
        institution_id: 'inst-bc-gjilan',
        enabled: 1,
        period_hours: 1,
        texts: JSON.stringify(texts),
        updated_at: new Date().toISOString(),
        updated_by: null,
      })
      .execute();
    const deps = sandboxDeps(db());
    await sandbox.addMessage(db(), acc.external_id!, {
      senderHandle: 'visitor',
      senderName: 'V',
      text: 'Hi, I want to file a complaint about my case please.',
    });
    await sandbox.addMessage(db(), acc.external_id!, {
      senderHandle: acc.handle,
      senderName: 'Court',
      text: 'Hi, I want to file a complaint about my case please.',
    });
    await pollAccount(deps, acc);
    await drainInbox(deps);
    const out = await sent(acc.external_id!);
    expect(out.map((m) => m.text)).toEqual([texts.en]);
  });

  it('sends nothing where the platform has no private messages, or when the institution turned it off', async () => {
    const acc = await insertInboxAccount(db(), { institution: 'bc-peje' });
    await sandbox.addMessage(db(), acc.external_id!, { senderHandle: 'x', senderName: 'X', text: 'Hello, when is the hearing?' });
    const noDm = sandboxDeps(db(), { caps: { privateMessages: false } });
    await pollAccount(noDm, acc);
    await drainInbox(noDm);
    expect(await sent(acc.external_id!)).toHaveLength(0);
    const acc2 = await insertInboxAccount(db(), { institution: 'bc-ferizaj' });
    await db()
      .insertInto('autoreply_settings')
      .values({
        institution_id: 'inst-bc-ferizaj',
        enabled: 0,
        period_hours: 24,
        texts: JSON.stringify(DEFAULT_AUTO_REPLY),
        updated_at: new Date().toISOString(),
        updated_by: null,
      })
      .execute();
    await sandbox.addMessage(db(), acc2.external_id!, { senderHandle: 'y', senderName: 'Y', text: 'Hello, when is the hearing?' });
    const deps = sandboxDeps(db());
    await pollAccount(deps, acc2);
    await drainInbox(deps);
    expect(await sent(acc2.external_id!)).toHaveLength(0);
  });
});
