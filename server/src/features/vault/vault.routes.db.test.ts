import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, signIn, TOTP_SECRET, type TestContext } from '../../../test/app.js';
import { insertAccount } from '../decisions/authority.testing.js';
import { currentTotp } from '../auth/totp.js';

describeEachEngine('vault', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());

  /** A code for the step after the last one used, as a person would type the next code shown by the app. */
  async function nextCode(userId: string): Promise<string> {
    const row = await ctx.database.db.selectFrom('users').select('totp_last_step').where('id', '=', userId).executeTakeFirstOrThrow();
    const nowStep = Math.floor(Date.now() / 30_000);
    const step = row.totp_last_step !== null && row.totp_last_step >= nowStep ? row.totp_last_step + 1 : nowStep;
    return currentTotp(TOTP_SECRET, step * 30_000 + 1000);
  }

  it('lets the president store, rotate and open a password with step-up 2FA, recording every opening', async () => {
    const president = await build.user(ctx, { position: 'president' });
    const account = await insertAccount(ctx, { platform: 'x' });
    const c = await signIn(ctx, president);

    const stored = await c.post(`/api/vault/${account.id}/secrets`, { kind: 'password', label: 'X password', value: 'first-Secret-123' });
    expect(stored.statusCode).toBe(200);
    const rotated = await c.post(`/api/vault/${account.id}/secrets`, { kind: 'password', label: 'X password', value: 'second-Secret-456' });
    expect(rotated.json().version).toBe(2);

    // The sealed value never appears in listings, and the old version's value is destroyed.
    const overview = await c.get(`/api/vault/${account.id}`);
    expect(overview.body).not.toContain('Secret-');
    expect(overview.json().secrets).toHaveLength(1);
    const rows = await ctx.database.db
      .selectFrom('vault_secrets')
      .select(['sealed', 'retired_at'])
      .where('account_id', '=', account.id)
      .execute();
    expect(rows.find((r) => r.retired_at)?.sealed).toBe('');
    expect(rows.find((r) => !r.retired_at)?.sealed).not.toContain('second');

    const secretId = rotated.json().id as string;
    const noCode = await c.post(`/api/vault/secrets/${secretId}/reveal`, { code: '000000', reason: 'Logging in to change the bio' });
    expect(noCode.statusCode).toBe(401);
    const ok = await c.post(`/api/vault/secrets/${secretId}/reveal`, {
      code: await nextCode(president.id),
      reason: 'Logging in to change the bio',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().value).toBe('second-Secret-456');
    expect(ok.headers['cache-control']).toBe('no-store');

    const log = (await c.get(`/api/vault/${account.id}`)).json().openings as Array<{ type: string; reason: string | null }>;
    expect(log.map((o) => o.type)).toEqual([
      'vault.secret_revealed',
      'vault.reveal_refused',
      'vault.secret_rotated',
      'vault.secret_stored',
    ]);
    expect(log[0]?.reason).toBe('Logging in to change the bio');
    const audit = await ctx.database.db.selectFrom('audit_events').select('data').where('type', 'like', 'vault.%').execute();
    expect(audit.map((a) => a.data).join()).not.toContain('Secret-');
  });

  it('refuses officers without a decision (403) and other courts (404), and writes nothing', async () => {
    const president = await build.user(ctx, { position: 'president' });
    const account = await insertAccount(ctx, { platform: 'linkedin' });
    const stored = await (
      await signIn(ctx, president)
    ).post(`/api/vault/${account.id}/secrets`, { kind: 'password', label: 'LinkedIn', value: 'v-123456789' });
    const secretId = stored.json().id as string;

    const officer = await signIn(ctx, await build.user(ctx, { position: 'court_officer' }));
    expect((await officer.get(`/api/vault/${account.id}`)).statusCode).toBe(403);
    expect((await officer.post(`/api/vault/secrets/${secretId}/reveal`, { code: '123456', reason: 'curious about it' })).statusCode).toBe(
      403,
    );
    const before = await ctx.database.db.selectFrom('vault_secrets').select('id').where('account_id', '=', account.id).execute();
    expect(
      (await officer.post(`/api/vault/${account.id}/secrets`, { kind: 'password', label: 'LinkedIn', value: 'hijack' })).statusCode,
    ).toBe(403);
    const after = await ctx.database.db.selectFrom('vault_secrets').select('id').where('account_id', '=', account.id).execute();
    expect(after).toHaveLength(before.length);

    const other = await signIn(ctx, await build.user(ctx, { position: 'president', institution: 'bc-prizren' }));
    expect((await other.get(`/api/vault/${account.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/vault/secrets/${secretId}/reveal`, { code: '123456', reason: 'curious about it' })).statusCode).toBe(
      404,
    );
    expect((await officer.get('/api/vault')).json().items).toEqual([]);
  });

  it('requires a session and valid input', async () => {
    const president = await signIn(ctx, await build.user(ctx, { position: 'president' }));
    const account = await insertAccount(ctx);
    expect((await president.post(`/api/vault/${account.id}/secrets`, { kind: 'pin', label: '', value: '' })).statusCode).toBe(400);
    const anon = await ctx.app.inject({ method: 'GET', url: `/api/vault/${account.id}` });
    expect(anon.statusCode).toBe(401);
  });
});

describeEachEngine('vault on leaving', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());

  it('marks the secrets due for rotation when a person who could open them leaves', async () => {
    const president = await build.user(ctx, { position: 'president', institution: 'bc-gjilan' });
    const account = await insertAccount(ctx, { institution: 'bc-gjilan', platform: 'youtube' });
    const c = await signIn(ctx, president);
    await c.post(`/api/vault/${account.id}/secrets`, { kind: 'password', label: 'YouTube', value: 'pw-1234567890' });
    const admin = await signIn(ctx, await build.user(ctx, { position: 'sysadmin', institution: 'kjc' }));
    const left = await admin.post(`/api/people/${president.id}/leave`, { status: 'resigned', reason: 'Retired' });
    expect(left.statusCode).toBe(200);
    const secret = await ctx.database.db
      .selectFrom('vault_secrets')
      .selectAll()
      .where('account_id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(secret.rotation_due_at).not.toBeNull();
    expect(secret.rotation_reason).toContain('resigned');
  });
});
