import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine } from '../../../test/db.js';
import { build, Client, createTestApp, signIn, TEST_PASSWORD, TOTP_SECRET, type TestContext } from '../../../test/app.js';
import { currentTotp } from './totp.js';
import { verifyAuditChain } from '../audit/audit.service.js';

describeEachEngine('sign-in', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine, { loginMaxFailures: 3 });
  });
  afterAll(() => ctx.close());

  const auditTypes = async (userId: string) =>
    (await ctx.database.db.selectFrom('audit_events').select('type').where('subject_id', '=', userId).orderBy('seq').execute()).map(
      (r) => r.type,
    );

  it('refuses a wrong password with a clear error and audits the failure', async () => {
    const user = await build.user(ctx);
    const c = new Client(ctx.app);
    const res = await c.post('/api/auth/login', { email: user.email, password: 'wrong password' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'invalid_credentials', message: 'The e-mail or password is wrong.' } });
    expect(c.cookie).toBeNull();
    expect(await auditTypes(user.id)).toEqual(['auth.login_failed']);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const user = await build.user(ctx);
    const c = new Client(ctx.app);
    for (let i = 0; i < 2; i++) expect((await c.post('/api/auth/login', { email: user.email, password: 'nope' })).statusCode).toBe(401);
    const third = await c.post('/api/auth/login', { email: user.email, password: 'nope' });
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('locked_out');
    const right = await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(await auditTypes(user.id)).toContain('auth.locked_out');
  });

  it('asks for the TOTP code, accepts it once and refuses its replay', async () => {
    const user = await build.user(ctx);
    const c = new Client(ctx.app);
    const login = await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(login.json().stage).toBe('totp');
    expect((await c.get('/api/institutions')).statusCode).toBe(401);
    const code = currentTotp(TOTP_SECRET);
    const ok = await c.post('/api/auth/totp', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('full');
    expect((await c.get('/api/institutions')).statusCode).toBe(200);

    const other = new Client(ctx.app);
    await other.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    const replay = await other.post('/api/auth/totp', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_code');
  });

  it('enrols 2FA: QR code, confirmation, recovery codes that work once', async () => {
    const user = await build.user(ctx, { totp: false, position: 'president' });
    const c = new Client(ctx.app);
    const login = await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(login.json().stage).toBe('enrol');
    const start = await c.post('/api/auth/totp/enrol/start');
    expect(start.statusCode).toBe(200);
    const { secret, qrDataUrl, otpauthUrl } = start.json();
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(otpauthUrl).toContain('otpauth://totp/');
    expect((await c.post('/api/auth/totp/enrol/confirm', { code: '000000' })).statusCode).toBe(400);
    const confirm = await c.post('/api/auth/totp/enrol/confirm', { code: currentTotp(secret) });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(await auditTypes(user.id)).toContain('auth.totp_enrolled');

    const again = new Client(ctx.app);
    await again.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect((await again.post('/api/auth/totp', { code: recoveryCodes[0] })).json().stage).toBe('full');
    const third = new Client(ctx.app);
    await third.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect((await third.post('/api/auth/totp', { code: recoveryCodes[0] })).statusCode).toBe(401);
  });

  it('requires the CSRF header on state changes and writes nothing without it', async () => {
    const user = await build.user(ctx);
    const c = await signIn(ctx, user);
    const before = await ctx.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await c.request('PUT', '/api/me/preferences', { locale: 'en' }, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_invalid');
    const row = await ctx.database.db.selectFrom('users').select('locale').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.locale).toBe('sq');
    const after = await ctx.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await c.put('/api/me/preferences', { locale: 'en' })).statusCode).toBe(200);
  });

  it('answers bad input with JSON errors: malformed JSON, wrong types, unknown routes, big bodies', async () => {
    const c = new Client(ctx.app);
    const malformed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('malformed_json');
    const wrongType = await c.post('/api/auth/login', { email: 42, password: true });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.code).toBe('validation_failed');
    const unknown = await c.get('/api/does-not-exist');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    const big = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2_000_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
  });

  it('signs out everywhere: every session of the person ends', async () => {
    const user = await build.user(ctx);
    const a = await signIn(ctx, user);
    const b = new Client(ctx.app);
    b.cookie = a.cookie;
    b.csrf = a.csrf;
    const res = await a.post('/api/auth/logout-all');
    expect(res.statusCode).toBe(200);
    expect((await b.get('/api/institutions')).statusCode).toBe(401);
  });

  it('keeps the audit trail append-only and detects tampering', async () => {
    const user = await build.user(ctx);
    await new Client(ctx.app).post('/api/auth/login', { email: user.email, password: 'bad' });
    expect((await verifyAuditChain(ctx.database.db)).ok).toBe(true);
    await expect(sql`update audit_events set reason = 'x'`.execute(ctx.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(ctx.database.db)).rejects.toThrow(/append-only/);
  });
});

describeEachEngine('first sign-in with a one-time password', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());

  it('an invited person must choose their own password before anything else', async () => {
    const president = await signIn(ctx, await build.user(ctx, { position: 'president' }));
    const invited = await president.post('/api/people', {
      institutionId: 'inst-bc-prishtine',
      name: 'New Officer',
      email: `new-${Date.now()}@test.example`,
      position: 'court_officer',
    });
    expect(invited.statusCode).toBe(200);
    const { person, temporaryPassword } = invited.json();
    const c = new Client(ctx.app);
    const login = await c.post('/api/auth/login', { email: person.email, password: temporaryPassword });
    expect(login.json()).toMatchObject({ stage: 'full', user: { mustChangePassword: true } });
    const blocked = await c.get('/api/institutions');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    expect(
      (await c.post('/api/auth/password', { currentPassword: temporaryPassword, newPassword: 'a much better passphrase' })).statusCode,
    ).toBe(200);
    expect((await c.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
    expect((await c.get('/api/institutions')).statusCode).toBe(200);
  });
});
