import { afterAll, beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, signIn, type Client, type TestContext } from '../../../test/app.js';

function multipart(filename: string, bytes: Buffer, mime = 'image/jpeg'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----courtdesk' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(ctx: TestContext, c: Client, filename: string, bytes: Buffer, inst = 'inst-bc-prishtine') {
  const { payload, headers } = multipart(filename, bytes);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/media?institutionId=${inst}`,
    payload,
    headers: { ...headers, ...(c.cookie ? { cookie: c.cookie } : {}), ...(c.csrf ? { 'x-csrf-token': c.csrf } : {}) },
  });
}

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'CourtCam', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 39/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '21/1 9/1 44/1' },
    })
    .toBuffer();
}

describeEachEngine('media library', (engine) => {
  let ctx: TestContext;
  let c: Client;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
    c = await signIn(ctx, await build.user(ctx, { position: 'pio' }));
  });
  afterAll(() => ctx.close());

  it('strips EXIF and GPS from a photo, keeps a thumbnail, and records provenance', async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload(ctx, c, 'prishtina.jpg', original);
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      kind: 'image',
      mime: 'image/jpeg',
      width: 64,
      height: 48,
      provenanceMissing: ['author', 'licence', 'identifiablePeople'],
    });
    const stored = (await c.get(`/api/media/${m.id}/file`)).rawPayload;
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('CourtCam'))).toBe(false);
    expect(meta.width).toBe(64);
    const thumb = await c.get(`/api/media/${m.id}/thumbnail`);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const p = await c.put(`/api/media/${m.id}/provenance`, {
      author: 'Luan Morina',
      source: 'Court PIO',
      licence: null,
      ownWork: true,
      identifiablePeople: true,
      consent: 'obtained',
      consentNote: 'Signed forms on file',
    });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().provenanceMissing).toEqual([]);
  });

  it('refuses a file that claims to be a JPEG but is not', async () => {
    const res = await upload(ctx, c, 'photo.jpg', Buffer.from('<html><script>alert(1)</script></html>'.repeat(20)));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/not a photo/);
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    const res2 = await upload(ctx, c, 'broken.jpg', broken);
    expect(res2.statusCode).toBe(400);
  });

  it('refuses a 50 MB image with a clear message', { timeout: 30_000 }, async () => {
    const big = Buffer.concat([await photoWithGps(), Buffer.alloc(50 * 1024 * 1024, 0)]);
    const res = await upload(ctx, c, 'huge.jpg', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/photos may be at most 20\.0 MB/);
  });

  it('answers 401 signed out, 404 for another court’s library, 400 without a file', async () => {
    const anon = await ctx.app.inject({ method: 'GET', url: '/api/media?institutionId=inst-bc-prishtine' });
    expect(anon.statusCode).toBe(401);
    expect((await c.get('/api/media?institutionId=inst-bc-prizren')).statusCode).toBe(404);
    expect((await upload(ctx, c, 'a.jpg', await photoWithGps(), 'inst-bc-prizren')).statusCode).toBe(404);
    expect((await c.get('/api/media/nope')).statusCode).toBe(404);
    expect((await c.put('/api/media/nope/provenance', { author: 1 })).statusCode).toBe(400);
  });
});
