import { afterAll, beforeAll, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, type TestContext } from '../../../test/app.js';
import { mediaLinkKey, publicMediaHost, verifyMediaLink } from '../../connectors/meta/media-link.js';
import { newId, nowIso } from '../../platform/ids.js';

describeEachEngine('photo links for Instagram', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine, { publicUrl: 'https://courtdesk.example' });
  });
  afterAll(() => ctx.close());

  it('serves a stored photo only through a signed, unexpired link', async () => {
    const user = await build.user(ctx, { position: 'pio' });
    const bytes = crypto.randomBytes(64);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    const now = nowIso();
    await ctx.database.db
      .insertInto('media')
      .values({
        id: newId(),
        institution_id: user.institution_id,
        kind: 'image',
        mime: 'image/jpeg',
        size: bytes.length,
        width: 1,
        height: 1,
        sha256: sha,
        content: bytes,
        thumbnail: null,
        original_name: 'foto.jpg',
        alt_text: null,
        author: null,
        source: null,
        licence: null,
        own_work: 1,
        identifiable_people: 0,
        consent: null,
        consent_note: null,
        uploaded_by: user.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const host = publicMediaHost(ctx.config)!;
    const url = new URL(
      await host(
        { accountId: 'a', platform: 'instagram', externalId: 'x', handle: 'h', credentials: {} },
        { kind: 'image', mime: 'image/jpeg', bytes },
      ),
    );
    expect(url.origin).toBe('https://courtdesk.example');
    const ok = await ctx.app.inject({ method: 'GET', url: url.pathname + url.search });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(ok.rawPayload, bytes)).toBe(0);

    const forged = url.pathname + url.search.replace(/sig=[^&]+/, 'sig=AAAA');
    expect((await ctx.app.inject({ method: 'GET', url: forged })).statusCode).toBe(404);
    const expired = url.pathname + url.search.replace(/exp=\d+/, `exp=${Date.now() - 1000}`);
    expect((await ctx.app.inject({ method: 'GET', url: expired })).statusCode).toBe(404);
    // The same link an hour later no longer opens.
    const exp = Number(url.searchParams.get('exp'));
    const sig = url.searchParams.get('sig')!;
    expect(verifyMediaLink(mediaLinkKey(ctx.config.secretKey), sha, exp, sig, exp - 1)).toBe(true);
    expect(verifyMediaLink(mediaLinkKey(ctx.config.secretKey), sha, exp, sig, exp + 1)).toBe(false);
    expect(publicMediaHost({ secretKey: ctx.config.secretKey, publicUrl: null })).toBeUndefined();
  });
});
