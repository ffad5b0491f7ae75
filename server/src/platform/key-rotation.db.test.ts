import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.js';
import { build, createTestApp, signIn, type TestContext } from '../../test/app.js';
import { SecretBox } from './crypto.js';
import { newId, nowIso } from './ids.js';
import { insertAccount } from '../features/decisions/authority.testing.js';
import { inspectSealed, RotationRefusedError, rotateSealed, sealedColumns } from './key-rotation.js';

const NEW_KEY = 'a-brand-new-secret-key-for-rotation-tests-0123456789';

describeEachEngine('SECRET_KEY rotation: every sealed value re-sealed, or nothing', (engine) => {
  let ctx: TestContext;
  let oldKey: string;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
    oldKey = ctx.config.secretKey;
  });
  afterAll(async () => ctx?.close());

  async function vaultSecret(sealed: string) {
    const user = await build.user(ctx, { position: 'pio' });
    const account = (await insertAccount(ctx)).id;
    const now = nowIso();
    const id = newId();
    await ctx.database.db
      .insertInto('vault_secrets')
      .values({
        id,
        account_id: account,
        institution_id: 'inst-bc-prishtine',
        kind: 'password',
        label: 'Facebook',
        sealed,
        version: 1,
        set_by: user.id,
        set_at: now,
        rotation_due_at: null,
        rotation_reason: null,
        retired_at: null,
      })
      .execute();
    return id;
  }

  it('lists every sealed table that exists in the schema', async () => {
    for (const c of sealedColumns) {
      const rows = await ctx.database.db
        .selectFrom(c.table as 'users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(rows.n), `${c.table}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('re-seals under the new key, keeps sign-in and the vault working, and audits counts only', async () => {
    const person = await build.user(ctx, { position: 'pio' });
    const vaultId = await vaultSecret(new SecretBox(oldKey, 'vault').seal('hunter2-facebook'));
    const rotated = { secretKey: NEW_KEY, previousSecretKeys: [oldKey] };

    const before = await inspectSealed(ctx.database.db, rotated);
    expect(before.current).toBe(0);
    expect(before.previous).toBeGreaterThanOrEqual(2);
    expect(before.unreadable).toEqual([]);

    const { resealed } = await rotateSealed(ctx.database.db, rotated);
    expect(resealed).toBe(before.previous);

    const after = await inspectSealed(ctx.database.db, { secretKey: NEW_KEY, previousSecretKeys: [] });
    expect(after).toMatchObject({ current: before.previous, previous: 0, unreadable: [] });
    const v = await ctx.database.db.selectFrom('vault_secrets').select('sealed').where('id', '=', vaultId).executeTakeFirstOrThrow();
    expect(new SecretBox(NEW_KEY, 'vault').open(v.sealed)).toBe('hunter2-facebook');
    expect(() => new SecretBox(oldKey, 'vault').open(v.sealed)).toThrow();

    // The running server switched to the new key alone: TOTP sign-in still works.
    ctx.config.secretKey = NEW_KEY;
    ctx.config.previousSecretKeys = [];
    try {
      const client = await signIn(ctx, person);
      expect((await client.get('/api/auth/me')).json().stage).toBe('full');
    } finally {
      ctx.config.secretKey = oldKey;
    }

    const event = await ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'secrets.key_rotated')
      .executeTakeFirstOrThrow();
    expect(event.data).not.toContain('hunter2');
    expect(JSON.parse(event.data).resealed).toBe(resealed);

    // Put the old key back for the other tests.
    await rotateSealed(ctx.database.db, { secretKey: oldKey, previousSecretKeys: [NEW_KEY] });
  });

  it('refuses, changing nothing, when a value opens with no configured key', async () => {
    const good = await vaultSecret(new SecretBox(oldKey, 'vault').seal('kept'));
    const strangerId = await vaultSecret(new SecretBox('a-key-from-another-installation-0123456789', 'vault').seal('x'));
    const snapshot = await ctx.database.db.selectFrom('vault_secrets').select(['id', 'sealed']).orderBy('id').execute();

    const rotated = { secretKey: NEW_KEY, previousSecretKeys: [oldKey] };
    const err = await rotateSealed(ctx.database.db, rotated).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RotationRefusedError);
    expect((err as RotationRefusedError).report.unreadable).toEqual([{ table: 'vault_secrets', column: 'sealed', key: strangerId }]);
    expect(await ctx.database.db.selectFrom('vault_secrets').select(['id', 'sealed']).orderBy('id').execute()).toEqual(snapshot);
    expect(good).toBeTruthy();
    await ctx.database.db.deleteFrom('vault_secrets').where('id', '=', strangerId).execute();
  });
});
