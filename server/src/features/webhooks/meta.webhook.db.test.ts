import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { insertAccount } from '../decisions/authority.testing.js';
import { createInboxDeps } from '../inbox/inbox.deps.js';
import { processWebhookEvents, rotateWebhookSecret } from './webhook.service.js';
import { signBody } from './webhook.signature.js';

const APP_SECRET = 'meta-app-secret-for-tests-0123456789';
const VERIFY = 'verify-token-for-tests';

describeEachEngine('Meta webhooks', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
    await rotateWebhookSecret(ctx.database.db, ctx.config.secretKey, 'meta', null, APP_SECRET);
    await rotateWebhookSecret(ctx.database.db, ctx.config.secretKey, 'meta-verify', null, VERIFY);
  });
  afterAll(() => ctx.close());

  const post = (body: string, signature = signBody(APP_SECRET, body)) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/webhooks/meta',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      payload: body,
    });

  const items = (accountId: string) =>
    ctx.database.db.selectFrom('inbox_items').selectAll().where('account_id', '=', accountId).orderBy('external_id').execute();

  it('answers the subscription handshake with the challenge, and refuses a wrong verify token', async () => {
    const ok = await ctx.app.inject({
      method: 'GET',
      url: `/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    expect(ok.headers['content-type']).toContain('text/plain');
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1' });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().error.code).toBe('verify_token_mismatch');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/webhooks/meta?hub.mode=subscribe' })).statusCode).toBe(400);
  });

  it('ingests a signed Page delivery once: every comment and message, a replay adds nothing', async () => {
    const account = await insertAccount(ctx, { platform: 'facebook', external_id: 'page-1001', status: 'active' });
    const t = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: 'page-1001',
          time: t,
          changes: [
            {
              field: 'feed',
              value: {
                item: 'comment',
                verb: 'add',
                comment_id: '55_1',
                post_id: 'page-1001_55',
                from: { id: '9001', name: 'Qytetar' },
                message: 'Kur fillon seanca?',
                created_time: t,
              },
            },
            {
              field: 'feed',
              value: {
                item: 'comment',
                verb: 'add',
                comment_id: '55_2',
                post_id: 'page-1001_55',
                from: { id: '9002', name: 'Građanin' },
                message: 'Hvala na informaciji.',
                created_time: t,
              },
            },
            {
              field: 'feed',
              value: { item: 'comment', verb: 'edited', comment_id: '55_1', post_id: 'page-1001_55', message: 'edited', created_time: t },
            },
            { field: 'feed', value: { item: 'reaction', verb: 'add', post_id: 'page-1001_55' } },
          ],
        },
        {
          id: 'page-1001',
          time: Date.now(),
          messaging: [
            {
              sender: { id: 'psid-7' },
              recipient: { id: 'page-1001' },
              timestamp: Date.now(),
              message: { mid: 'm_abc', text: 'Dua të paraqes ankesë.' },
            },
            { sender: { id: 'psid-7' }, recipient: { id: 'page-1001' }, timestamp: Date.now(), read: { watermark: 1 } },
          ],
        },
      ],
    });
    const first = await post(body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ status: 'ok', accepted: 3, duplicates: 0, ignored: 3 });
    const replay = await post(body);
    expect(replay.json()).toEqual({ status: 'ok', accepted: 0, duplicates: 3, ignored: 3 });

    await processWebhookEvents(createInboxDeps(ctx.database.db));
    const rows = await items(account.id);
    expect(rows.map((r) => [r.kind, r.external_id, r.post_external_id, r.conversation_id, r.author_handle])).toEqual([
      ['comment', '55_1', 'page-1001_55', null, '9001'],
      ['comment', '55_2', 'page-1001_55', null, '9002'],
      ['message', 'm_abc', null, 'psid-7', 'psid-7'],
    ]);
    expect(rows[0]?.text).toBe('Kur fillon seanca?');
    await post(body);
    await processWebhookEvents(createInboxDeps(ctx.database.db));
    expect((await items(account.id)).length).toBe(3);
  });

  it('ingests Instagram comments by the account’s Instagram id', async () => {
    const account = await insertAccount(ctx, { platform: 'instagram', external_id: '17841400000000001', status: 'active' });
    const body = JSON.stringify({
      object: 'instagram',
      entry: [
        {
          id: '17841400000000001',
          time: Math.floor(Date.now() / 1000),
          changes: [
            {
              field: 'comments',
              value: {
                id: '17900000000000001',
                text: 'Faleminderit!',
                from: { id: '42', username: 'qytetari' },
                media: { id: '17890000000000009' },
              },
            },
          ],
        },
      ],
    });
    expect((await post(body)).json()).toMatchObject({ accepted: 1 });
    await processWebhookEvents(createInboxDeps(ctx.database.db));
    expect((await items(account.id)).map((r) => [r.external_id, r.post_external_id, r.author_handle])).toEqual([
      ['17900000000000001', '17890000000000009', '@qytetari'],
    ]);
  });

  it('refuses a bad signature (401) and malformed deliveries (400), storing nothing', async () => {
    const count = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('webhook_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const body = JSON.stringify({ object: 'page', entry: [] });
    const forged = await post(body, signBody('not-the-app-secret', body));
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toEqual({ error: { code: 'signature_invalid', message: 'The signature does not match the body.' } });
    expect((await post(body, 'sha256=zz')).statusCode).toBe(401);
    expect((await post(body, '')).statusCode).toBe(401);
    // Signed over other bytes than those sent (re-serialised JSON): refused.
    expect((await post(JSON.stringify({ entry: [], object: 'page' }), signBody(APP_SECRET, body))).statusCode).toBe(401);
    const notJson = await post('{"object": "page", ');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('malformed_json');
    const wrongShape = await post(JSON.stringify({ object: 'whatsapp_business_account', entry: [] }));
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.json().error).toHaveProperty('message');
    expect(await count()).toBe(before);
  });
});
