import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, signIn, type TestContext } from '../../../test/app.js';
import { Client } from '../../../test/app.js';
import { insertAccount } from '../decisions/authority.testing.js';
import { registerConnector } from '../../connectors/index.js';
import { createFacebookConnector } from '../../connectors/facebook/index.js';
import { GraphEmulator } from '../../connectors/meta/graph-emulator.js';
import { connectorAccountRef, credentialsFor } from './connection.service.js';

describeEachEngine('account connections', (engine) => {
  let ctx: TestContext;
  const emu = new GraphEmulator();
  beforeAll(async () => {
    ctx = await createTestApp(engine);
    await emu.start();
  });
  afterAll(async () => {
    await emu.stop();
    await ctx.close();
  });

  const url = (id: string) => `/api/accounts/${id}/connection`;

  it('lets the president connect a Facebook account: sealed, audited without the token, never returned', async () => {
    const president = await build.user(ctx, { position: 'president', name: 'Kryetarja Test' });
    const account = await insertAccount(ctx, { platform: 'facebook' });
    const c = await signIn(ctx, president);

    const before = (await c.get(url(account.id))).json();
    expect(before).toMatchObject({ needed: true, connected: false, canManage: true, setBy: null });
    expect(before.fields).toEqual([{ key: 'pageAccessToken', label: 'Page access token', secret: true, required: true, set: false }]);

    const set = await c.put(url(account.id), { values: { pageAccessToken: 'EAA-first-token-123' } });
    expect(set.statusCode).toBe(200);
    expect(set.body).not.toContain('first-token');
    expect(set.json()).toMatchObject({ connected: true, setBy: { id: president.id, name: 'Kryetarja Test' }, fields: [{ set: true }] });
    expect((await c.get(url(account.id))).body).not.toContain('first-token');
    expect((await c.get(`/api/accounts/${account.id}`)).body).not.toContain('first-token');

    const row = await ctx.database.db
      .selectFrom('account_connections')
      .selectAll()
      .where('account_id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(row.sealed).not.toContain('first-token');
    expect(await credentialsFor(ctx.database.db, account)).toEqual({ pageAccessToken: 'EAA-first-token-123' });

    await c.put(url(account.id), { values: { pageAccessToken: 'EAA-second-token-456' } });
    expect((await connectorAccountRef(ctx.database.db, account)).credentials).toEqual({ pageAccessToken: 'EAA-second-token-456' });

    const removed = await c.delete(url(account.id));
    expect(removed.json()).toMatchObject({ connected: false, setBy: null });
    expect(await credentialsFor(ctx.database.db, account)).toEqual({});
    expect((await c.delete(url(account.id))).statusCode).toBe(409);

    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['type', 'data'])
      .where('subject_id', '=', account.id)
      .where('type', 'like', 'account.connection%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.type)).toEqual(['account.connection_set', 'account.connection_set', 'account.connection_removed']);
    expect(audit.map((a) => a.data).join()).not.toContain('token-');
  });

  it('refuses bad bodies (400), platforms needing nothing (409), people without admin level (403), other courts (404), strangers (401)', async () => {
    const president = await build.user(ctx, { position: 'president' });
    const c = await signIn(ctx, president);
    const fb = await insertAccount(ctx, { platform: 'facebook' });
    expect((await c.put(url(fb.id), { values: {} })).statusCode).toBe(400);
    expect((await c.put(url(fb.id), { values: { pageAccessToken: '   ' } })).statusCode).toBe(400);
    expect((await c.put(url(fb.id), { values: { pageAccessToken: 't', password: 'x' } })).statusCode).toBe(400);
    expect((await c.put(url(fb.id), { nothing: true })).statusCode).toBe(400);
    const sandbox = await insertAccount(ctx, { platform: 'sandbox' });
    expect((await c.put(url(sandbox.id), { values: { token: 'x' } })).json().error.code).toBe('no_credentials_needed');
    expect((await c.get(url(sandbox.id))).json()).toMatchObject({ needed: false, connected: false, canManage: false });

    const officer = await signIn(ctx, await build.user(ctx, { position: 'court_officer' }));
    const refused = await officer.put(url(fb.id), { values: { pageAccessToken: 'officer-token' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('connection_forbidden');
    expect((await officer.delete(url(fb.id))).statusCode).toBe(403);

    const elsewhere = await signIn(ctx, await build.user(ctx, { position: 'president', institution: 'bc-prizren' }));
    expect((await elsewhere.get(url(fb.id))).statusCode).toBe(404);
    expect((await elsewhere.put(url(fb.id), { values: { pageAccessToken: 'x' } })).statusCode).toBe(404);
    expect((await c.get(url('no-such-account'))).statusCode).toBe(404);

    const anonymous = new Client(ctx.app);
    expect((await anonymous.get(url(fb.id))).statusCode).toBe(401);
    expect(await ctx.database.db.selectFrom('account_connections').select('account_id').where('account_id', '=', fb.id).execute()).toEqual(
      [],
    );
  });

  it('opens the token for the connector: the drift check reads the Page roles from the (emulated) Graph API', async () => {
    const { pageId, token } = emu.createPage();
    registerConnector(createFacebookConnector({ graphUrl: emu.graphUrl, timeoutMs: 2000 }), ctx.database.db);
    const president = await build.user(ctx, { position: 'president' });
    const account = await insertAccount(ctx, { platform: 'facebook', external_id: pageId, status: 'active' });
    const c = await signIn(ctx, president);

    const unconnected = (await c.post(`/api/accounts/${account.id}/drift`)).json();
    expect(unconnected.error).toMatch(/not connected/);

    expect((await c.post(`${url(account.id)}/check`)).json()).toMatchObject({ ok: false, code: 'not_connected' });
    await c.put(url(account.id), { values: { pageAccessToken: token } });
    expect((await c.post(`${url(account.id)}/check`)).json()).toMatchObject({ ok: true, code: null });
    const drift = await c.post(`/api/accounts/${account.id}/drift`);
    expect(drift.statusCode).toBe(200);
    expect(drift.json().error).toBeNull();
    expect(drift.json().roles).toEqual([expect.objectContaining({ name: 'Responsible Officer', role: 'admin' })]);

    // The password behind the token changed on Facebook: the check says so in plain words.
    emu.revokeToken(token, 460);
    const broken = (await c.post(`${url(account.id)}/check`)).json();
    expect(broken).toMatchObject({ ok: false, code: 'not_connected' });
    expect(broken.message).toContain('code 190, subcode 460');
    const officer = await signIn(ctx, await build.user(ctx, { position: 'court_officer' }));
    expect((await officer.post(`${url(account.id)}/check`)).statusCode).toBe(403);
  });
});
