import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, Client, createTestApp, signIn, type TestContext } from '../../../test/app.js';
import { appoint, makeAccount } from '../publishing/publishing.test-kit.js';

const VARIANTS = [
  { lang: 'sq', text: 'Njoftim.' },
  { lang: 'sr', text: 'Obaveštenje.' },
  { lang: 'tr', text: 'Duyuru.' },
];

describeEachEngine('posts routes: 401/400/403/404', (engine) => {
  let ctx: TestContext;
  let pio: Client;
  let otherCourt: Client;
  let chair: Client;
  let postId: string;
  let accountId: string;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
    const president = await build.user(ctx, { position: 'president' });
    const u = await build.user(ctx, { position: 'pio' });
    accountId = (await makeAccount(ctx.database.db)).id;
    await appoint(ctx.database.db, { issuer: president.id, people: [[u.id, 'responsible_officer']], accounts: [accountId] });
    pio = await signIn(ctx, u);
    otherCourt = await signIn(ctx, await build.user(ctx, { position: 'pio', institution: 'bc-prizren' }));
    chair = await signIn(ctx, await build.user(ctx, { position: 'kjc_chair', institution: 'kjc' }));
    postId = (
      await pio.post('/api/posts', { institutionId: 'inst-bc-prishtine', variants: VARIANTS, accountIds: [accountId], mediaIds: [] })
    ).json().id;
  });
  afterAll(() => ctx.close());

  it('401 when signed out, on every endpoint', async () => {
    const anon = new Client(ctx.app);
    for (const [m, u] of [
      ['GET', '/api/posts'],
      ['GET', `/api/posts/${postId}`],
      ['POST', `/api/posts/${postId}/approve`],
      ['GET', '/api/calendar?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z'],
      ['GET', '/api/archive?institutionId=inst-bc-prishtine'],
      ['GET', '/api/publishing/state'],
      ['GET', '/api/notifications'],
      ['GET', '/api/publishing/platforms'],
    ] as const) {
      expect((await anon.request(m, u, m === 'POST' ? {} : undefined)).statusCode, u).toBe(401);
    }
  });

  it('400 on malformed bodies and queries', async () => {
    expect(
      (
        await pio.post('/api/posts', {
          institutionId: 'inst-bc-prishtine',
          variants: [{ lang: 'xx', text: 'a' }],
          accountIds: [],
          mediaIds: [],
        })
      ).statusCode,
    ).toBe(400);
    expect((await pio.post(`/api/posts/${postId}/schedule`, { scheduledAt: 'tomorrow' })).statusCode).toBe(400);
    expect((await pio.post(`/api/posts/${postId}/override`, {})).statusCode).toBe(400);
    expect((await pio.get('/api/calendar?from=x')).statusCode).toBe(400);
    expect((await pio.get('/api/calendar?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z')).statusCode).toBe(400);
    expect(
      (
        await pio.post('/api/posts', {
          institutionId: 'inst-bc-prishtine',
          variants: [VARIANTS[0], VARIANTS[0]],
          accountIds: [],
          mediaIds: [],
        })
      ).statusCode,
    ).toBe(400);
  });

  it('403 for oversight that may read but not write, and for missing rights', async () => {
    expect((await chair.get(`/api/posts/${postId}`)).statusCode).toBe(200);
    expect(
      (await chair.post('/api/posts', { institutionId: 'inst-bc-prishtine', variants: VARIANTS, accountIds: [], mediaIds: [] })).statusCode,
    ).toBe(403);
    expect((await chair.put(`/api/posts/${postId}`, { variants: VARIANTS, accountIds: [], mediaIds: [] })).statusCode).toBe(403);
    expect((await chair.post(`/api/posts/${postId}/approve`)).statusCode).toBe(403);
    expect((await pio.put('/api/publishing/state', { paused: true, reason: 'Not mine to pause.' })).statusCode).toBe(403);
  });

  it('404 for another court’s post (not 403), unknown ids and unknown targets', async () => {
    expect((await otherCourt.get(`/api/posts/${postId}`)).statusCode).toBe(404);
    expect((await otherCourt.post(`/api/posts/${postId}/approve`)).statusCode).toBe(404);
    expect((await otherCourt.put(`/api/posts/${postId}`, { variants: VARIANTS, accountIds: [], mediaIds: [] })).statusCode).toBe(404);
    expect((await otherCourt.get('/api/archive?institutionId=inst-bc-prishtine')).statusCode).toBe(404);
    expect((await otherCourt.get('/api/publishing/accounts?institutionId=inst-bc-prishtine')).statusCode).toBe(404);
    expect((await otherCourt.post('/api/posts/check', { institutionId: 'inst-bc-prishtine', variants: VARIANTS })).statusCode).toBe(404);
    expect((await pio.get('/api/posts/no-such-post')).statusCode).toBe(404);
    expect((await pio.post(`/api/posts/${postId}/targets/nope/retry`)).statusCode).toBe(404);
    const list = (await otherCourt.get('/api/posts')).json().items as Array<{ id: string }>;
    expect(list.some((p) => p.id === postId)).toBe(false);
  });

  it('checks text live, exports the archive, and lists target accounts with rights', async () => {
    const check = await pio.post('/api/posts/check', {
      institutionId: 'inst-bc-prishtine',
      variants: [{ lang: 'sq', text: 'Votoni PDK-në!' }],
    });
    expect(check.json()).toMatchObject({ blocking: true, missingLanguages: ['sr', 'tr'] });
    expect(check.json().findings[0]).toMatchObject({ article: '4.4a', severity: 'block' });
    const csv = await pio.get('/api/archive/export.csv?institutionId=inst-bc-prishtine');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('content_hash');
    const json = await pio.get('/api/archive/export.json?institutionId=inst-bc-prishtine');
    expect(JSON.parse(json.body)).toMatchObject({ institutionId: 'inst-bc-prishtine', entries: [] });
    const accounts = (await pio.get('/api/publishing/accounts?institutionId=inst-bc-prishtine')).json().items;
    expect(accounts.find((a: { id: string }) => a.id === accountId)).toMatchObject({ canPublish: true });
    const platforms = (await pio.get('/api/publishing/platforms')).json().items;
    expect(platforms.find((p: { name: string }) => p.name === 'x').limits.maxTextLength).toBe(280);
    expect(platforms.find((p: { name: string }) => p.name === 'sandbox').hasConnector).toBe(true);
  });
});
