import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, Client, createTestApp, signIn, type TestContext } from '../../../test/app.js';
import { sandbox } from '../../connectors/sandbox/index.js';
import { signBody } from '../webhooks/webhook.signature.js';
import { rotateWebhookSecret } from '../webhooks/webhook.service.js';
import { createInboxDeps } from './inbox.deps.js';
import { drainInbox } from './inbox.jobs.js';
import { pollAccount } from './inbox.poll.js';
import { insertInboxAccount } from './inbox.testing.js';

const INSULT = 'Ju jeni budallenj dhe hajvana!';

describeEachEngine('inbox routes', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());
  const db = () => ctx.database.db;

  async function seeded(institution = 'bc-prishtine') {
    const acc = await insertInboxAccount(db(), { institution });
    await sandbox.addComment(db(), acc.external_id!, {
      authorHandle: 'critic',
      authorName: 'Critic',
      text: 'Vendimi është i padrejtë, do ta apelojmë.',
    });
    await sandbox.addComment(db(), acc.external_id!, { authorHandle: 'angry', authorName: 'Angry', text: INSULT });
    const deps = createInboxDeps(db());
    await pollAccount(deps, acc);
    await drainInbox(deps);
    return acc;
  }

  it('answers 401 without a session and 400 on bad input', async () => {
    const anon = new Client(ctx.app);
    expect((await anon.get('/api/inbox/items')).statusCode).toBe(401);
    expect((await anon.post('/api/inbox/bulk', { ids: ['x'], action: 'hide' })).statusCode).toBe(401);
    const president = await signIn(ctx, await build.user(ctx, { position: 'president' }));
    expect((await president.get('/api/inbox/items?limit=0')).statusCode).toBe(400);
    expect((await president.post('/api/inbox/items/x/actions', { action: 'explode' })).statusCode).toBe(400);
    expect((await president.post('/api/inbox/bulk', { ids: [], action: 'hide' })).statusCode).toBe(400);
    expect(
      (await president.put('/api/inbox/autoreply', { institutionId: 'inst-bc-prishtine', enabled: true, periodHours: 0, texts: {} }))
        .statusCode,
    ).toBe(400);
  });

  it('lists the institution’s comments with reasons; another court sees none of them and gets 404 on each', async () => {
    const acc = await seeded();
    const president = await signIn(ctx, await build.user(ctx, { position: 'president' }));
    const list = (await president.get(`/api/inbox/items?accountId=${acc.id}`)).json();
    expect(list.total).toBe(2);
    const insult = list.items.find((i: { authorHandle: string }) => i.authorHandle === 'angry');
    expect(insult.status).toBe('hidden');
    expect(insult.reasons.length).toBeGreaterThan(0);
    expect(insult.can.unhide).toBe(true);

    const other = await signIn(ctx, await build.user(ctx, { position: 'president', institution: 'bc-prizren' }));
    expect((await other.get(`/api/inbox/items?accountId=${acc.id}`)).json().total).toBe(0);
    expect((await other.get(`/api/inbox/items/${insult.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/inbox/items/${insult.id}/actions`, { action: 'unhide', reason: 'x' })).statusCode).toBe(404);
    expect((await other.get('/api/inbox/autoreply?institutionId=inst-bc-prishtine')).statusCode).toBe(404);
    expect((await other.get('/api/inbox/report?institutionId=inst-bc-prishtine')).statusCode).toBe(404);
    expect((await other.put(`/api/inbox/accounts/${acc.id}/policy`, { autoHide: false })).statusCode).toBe(404);
  });

  it('lets an officer without a decision read but not act (403); the president acts, with evidence and audit', async () => {
    const acc = await seeded();
    const officer = await signIn(ctx, await build.user(ctx, { position: 'court_officer' }));
    const list = (await officer.get(`/api/inbox/items?accountId=${acc.id}`)).json();
    const critic = list.items.find((i: { authorHandle: string }) => i.authorHandle === 'critic');
    expect(critic.can.hide).toBe(false);
    expect((await officer.post(`/api/inbox/items/${critic.id}/actions`, { action: 'hide', reason: 'no' })).statusCode).toBe(403);
    expect((await officer.put(`/api/inbox/accounts/${acc.id}/policy`, { autoHide: false })).statusCode).toBe(403);

    const president = await signIn(ctx, await build.user(ctx, { position: 'president' }));
    // Removing a comment the classifier left needs the officer's own reason.
    const noReason = await president.post(`/api/inbox/items/${critic.id}/actions`, { action: 'hide' });
    expect(noReason.statusCode).toBe(400);
    const hidden = await president.post(`/api/inbox/items/${critic.id}/actions`, { action: 'hide', reason: 'Names a witness.' });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json().status).toBe('hidden');
    const detail = (await president.get(`/api/inbox/items/${critic.id}`)).json();
    expect(detail.evidence).toHaveLength(1);
    expect(detail.evidence[0].intact).toBe(true);
    expect(detail.history.map((h: { type: string }) => h.type)).toEqual(['inbox.comment_hidden']);
    expect(detail.history[0].reason).toBe('Officer: Names a witness.');
    const shown = await president.post(`/api/inbox/items/${critic.id}/actions`, { action: 'unhide', reason: 'Mistake.' });
    expect(shown.json().status).toBe('visible');
    expect((await president.get(`/api/inbox/items/does-not-exist`)).statusCode).toBe(404);

    const report = (await president.get('/api/inbox/report?institutionId=inst-bc-prishtine&months=2')).json();
    expect(report.months).toHaveLength(2);
    expect(report.totals.removed).toBeGreaterThanOrEqual(1);
    expect(report.totals.restored).toBeGreaterThanOrEqual(1);
    const month = report.months[1];
    expect(month.total).toBeGreaterThanOrEqual(1);
  });

  it('bulk actions report per item; the auto-reply settings are editable by the president only', async () => {
    const acc = await seeded();
    const president = await signIn(ctx, await build.user(ctx, { position: 'president' }));
    const items = (await president.get(`/api/inbox/items?accountId=${acc.id}`)).json().items;
    const bulk = (await president.post('/api/inbox/bulk', { ids: items.map((i: { id: string }) => i.id), action: 'keep' })).json();
    expect(bulk.results.every((r: { ok: boolean }) => !r.ok)).toBe(true);
    const settings = (await president.get('/api/inbox/autoreply?institutionId=inst-bc-prishtine')).json();
    expect(settings.isDefault).toBe(true);
    expect(settings.canEdit).toBe(true);
    const put = await president.put('/api/inbox/autoreply', {
      institutionId: 'inst-bc-prishtine',
      enabled: true,
      periodHours: 12,
      texts: { ...settings.texts, tr: 'Bu otomatik bir yanıttır.' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().texts.tr).toBe('Bu otomatik bir yanıttır.');
    const officer = await signIn(ctx, await build.user(ctx, { position: 'court_officer' }));
    expect(
      (
        await officer.put('/api/inbox/autoreply', {
          institutionId: 'inst-bc-prishtine',
          enabled: false,
          periodHours: 12,
          texts: settings.texts,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('webhooks: signature over the raw body, replay window, malformed payloads, idempotent on the event id', async () => {
    const acc = await insertInboxAccount(db(), { institution: 'bc-gjakove' });
    const anonymous = (body: string, headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/webhooks/sandbox',
        payload: body,
        headers: { 'content-type': 'application/json', ...headers },
      });
    // The comment exists on the (sandbox) platform; the delivery tells Courtdesk about it.
    const onPlatform = await sandbox.addComment(db(), acc.external_id!, { authorHandle: 'w', authorName: 'W', text: INSULT });
    const event = (id: string, sentAt = new Date().toISOString()) =>
      JSON.stringify({
        id,
        type: 'comment.created',
        sentAt,
        accountExternalId: acc.external_id,
        comment: {
          externalId: id === 'e1' ? onPlatform.externalId : `c-${id}`,
          authorHandle: 'w',
          authorName: 'W',
          text: INSULT,
          createdAt: sentAt,
        },
      });
    // Without a configured secret, everything is refused (fail closed).
    expect((await anonymous(event('e0'), { 'x-courtdesk-signature': signBody('guess', event('e0')) })).statusCode).toBe(401);
    const secret = await rotateWebhookSecret(db(), ctx.config.secretKey, 'sandbox', null);
    const body = event('e1');
    expect((await anonymous(body, { 'x-courtdesk-signature': signBody('wrong', body) })).statusCode).toBe(401);
    expect((await anonymous(body, {})).json().error.code).toBe('signature_invalid');
    const reformatted = JSON.stringify(JSON.parse(body), null, 2);
    expect((await anonymous(reformatted, { 'x-courtdesk-signature': signBody(secret, body) })).statusCode).toBe(401);
    const ok = await anonymous(body, { 'x-courtdesk-signature': signBody(secret, body) });
    expect(ok.statusCode).toBe(202);
    const again = await anonymous(body, { 'x-courtdesk-signature': signBody(secret, body) });
    expect([again.statusCode, again.json().status]).toEqual([200, 'duplicate']);
    const stale = event('e2', new Date(Date.now() - 3_600_000).toISOString());
    const staleRes = await anonymous(stale, { 'x-courtdesk-signature': signBody(secret, stale) });
    expect([staleRes.statusCode, staleRes.json().error.code]).toEqual([409, 'stale_event']);
    for (const bad of ['{"id":', '[]', '{"id":"e3","type":"comment.created"}', 'null']) {
      const res = await anonymous(bad, { 'x-courtdesk-signature': signBody(secret, bad) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toMatch(/malformed_json|validation_failed/);
    }
    const big = JSON.stringify({
      id: 'e4',
      type: 'comment.created',
      sentAt: new Date().toISOString(),
      accountExternalId: acc.external_id,
      comment: { externalId: 'c-big', authorHandle: 'b', authorName: 'B', text: 'x'.repeat(100_000), createdAt: new Date().toISOString() },
    });
    expect((await anonymous(big, { 'x-courtdesk-signature': signBody(secret, big) })).statusCode).toBe(202);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/webhooks/nowhere',
          payload: body,
          headers: { 'x-courtdesk-signature': signBody(secret, body) },
        })
      ).statusCode,
    ).toBe(404);

    await drainInbox(createInboxDeps(db()));
    const items = await db()
      .selectFrom('inbox_items')
      .select(['external_id', 'status', 'text_length'])
      .where('account_id', '=', acc.id)
      .orderBy('external_id')
      .execute();
    expect(items.map((i) => i.external_id).sort()).toEqual(['c-big', onPlatform.externalId].sort());
    expect(items.find((i) => i.external_id === onPlatform.externalId)!.status).toBe('hidden');
    expect(items.find((i) => i.external_id === 'c-big')!.text_length).toBe(100_000);
    // Polling the same comment afterwards stores nothing new.
    expect((await pollAccount(createInboxDeps(db()), acc)).inserted).toBe(0);
  });

  it('only a system administrator sets a webhook secret', async () => {
    const president = await signIn(ctx, await build.user(ctx, { position: 'president' }));
    expect((await president.put('/api/inbox/webhook-secrets/sandbox')).statusCode).toBe(403);
    const admin = await signIn(ctx, await build.user(ctx, { position: 'sysadmin', institution: 'kjc' }));
    const res = await admin.put('/api/inbox/webhook-secrets/sandbox');
    expect(res.statusCode).toBe(200);
    expect(res.json().secret.length).toBeGreaterThan(30);
    expect((await admin.put('/api/inbox/webhook-secrets/myspace')).statusCode).toBe(404);
    const audit = await db().selectFrom('audit_events').select('data').where('type', '=', 'webhook.secret_rotated').execute();
    expect(audit.some((a) => a.data.includes(res.json().secret))).toBe(false);
  });
});
