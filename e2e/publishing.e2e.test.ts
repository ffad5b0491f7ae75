import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import sharp from 'sharp';
import { watchErrors, withDiagnostics } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';
import { signInViaApi } from './support/session.js';

const env = e2eEnvironment();

/** The Europe/Belgrade wall-clock time of an instant, as a datetime-local value with seconds. */
function belgradeInput(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Belgrade',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const p = (t: string) => parts.find((x) => x.type === t)!.value;
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}:${p('second')}`;
}

/** Whether an EXIF block (as sharp returns it) has a GPS IFD: tag 0x8825 in IFD0 of the TIFF structure. */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0);
  const le = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const ifd0 = le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  for (let i = 0; i < u16(ifd0); i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

/** Setup, not the journey: the KJC opens a second sandbox account (requested, then approved by the Chair's decision). */
async function openSecondKjcAccount(): Promise<void> {
  const chair = await env.browser.newContext();
  await signInViaApi(chair, env.server.url, 'chair@kgjk.test', 'en');
  const csrf = (await (await chair.request.get(`${env.server.url}/api/auth/me`)).json()).csrfToken as string;
  const headers = { 'x-csrf-token': csrf };
  const requested = await chair.request.post(`${env.server.url}/api/accounts/requests`, {
    headers,
    data: {
      institutionId: 'inst-kjc',
      platform: 'sandbox',
      handle: 'kgjk_njoftime',
      displayName: 'Këshilli Gjyqësor i Kosovës – Njoftime',
    },
  });
  expect(requested.ok(), await requested.text()).toBe(true);
  const approved = await chair.request.post(`${env.server.url}/api/accounts/${(await requested.json()).id}/approve`, {
    headers,
    data: { number: 'KGJK-E2E/1', decidedOn: new Date().toISOString().slice(0, 10) },
  });
  expect(approved.ok(), await approved.text()).toBe(true);
  await chair.close();
}

it('issue 5: an officer composes a bilingual post with a photo, fixes a finding, schedules it for two sandbox accounts a few seconds ahead; it goes out on time, once on each, and shows in the calendar and the archive', async () => {
  await openSecondKjcAccount();
  // The KJC's PIO is its Responsible Officer by decision (all accounts, including new ones): she may publish.
  const context = await env.browser.newContext();
  await signInViaApi(context, env.server.url, 'pio@kgjk.test', 'en');
  const api = async (path: string) => {
    const res = await context.request.get(`${env.server.url}${path}`);
    expect(res.ok(), `${path}: ${res.status()}`).toBe(true);
    return res;
  };
  const page = await context.newPage();
  const errors = watchErrors(page);
  const sq = 'Këshilli Gjyqësor i Kosovës njofton se takimi me kryetarët e gjykatave mbahet të hënën në ora 10.';
  const sr = 'Sudski savet Kosova obaveštava da se sastanak sa predsednicima sudova održava u ponedeljak u 10 časova.';
  await withDiagnostics(page, 'publishing-scheduled', async () => {
    // A photo taken with a phone: it carries the GPS position where it was taken.
    const photo = await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 160, g: 40, b: 30 } } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 39/1 52/1', GPSLongitudeRef: 'E', GPSLongitude: '21/1 9/1 58/1' } })
      .toBuffer();
    expect(hasGpsIfd((await sharp(photo).metadata()).exif)).toBe(true);
    await page.goto(`${env.server.url}/media`);
    await page.getByRole('heading', { name: 'Media library' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'takimi.jpg', mimeType: 'image/jpeg', buffer: photo });
    const form = page.getByRole('dialog', { name: 'Provenance' });
    await form.getByLabel('Author').fill('Drita Hoxha');
    await form.getByLabel('Our own work').check();
    await form.getByLabel('No', { exact: true }).check();
    await form.getByLabel('Description for blind readers (alt text)').fill('The meeting room of the Kosovo Judicial Council');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText('Provenance recorded').first().waitFor();
    // What Courtdesk stored (and will send) has no EXIF at all, so no GPS position.
    const media = (await (await api('/api/media?institutionId=inst-kjc')).json()).items.find(
      (m: { originalName: string }) => m.originalName === 'takimi.jpg',
    );
    const stored = await (await api(`/api/media/${media.id}/file`)).body();
    const storedMeta = await sharp(stored).metadata();
    expect(storedMeta.exif).toBeUndefined();
    expect(hasGpsIfd(storedMeta.exif)).toBe(false);
    expect(stored.includes(Buffer.from('GPS'))).toBe(false);
    expect(storedMeta.width).toBe(96);

    // Compose: the KJC's two languages are there from the start.
    await page.goto(`${env.server.url}/posts/new`);
    await page.getByRole('heading', { name: 'New post' }).waitFor();
    await page.getByRole('tab', { name: /Albanian/ }).waitFor();
    await page.getByRole('tab', { name: /Serbian/ }).waitFor();
    // A political slogan slipped in: the finding is highlighted as she types, with its article.
    await page.getByLabel('Text in Albanian').fill(`Votoni PDK-në! ${sq}`);
    await page.locator('mark[data-article~="4.4a"]').first().waitFor();
    const findings = page.getByRole('list', { name: 'Findings' });
    await findings.getByText('art. 4.4a').first().waitFor();
    // She fixes it: the finding disappears.
    await page.getByLabel('Text in Albanian').fill(sq);
    await page.locator('mark[data-article~="4.4a"]').first().waitFor({ state: 'detached' });
    await page.getByTestId('missing-languages').waitFor();
    await page.getByRole('tab', { name: /Serbian/ }).click();
    await page.getByLabel('Text in Serbian').fill(sr);
    await page.getByTestId('missing-languages').waitFor({ state: 'detached' });
    await page.getByText('No finding: the draft follows the rules the engine can check.').waitFor();
    // Two sandbox accounts, and the photo.
    await page.getByRole('checkbox', { name: /@kgjk, sandbox/ }).check();
    await page.getByRole('checkbox', { name: /@kgjk_njoftime, sandbox/ }).check();
    await page.getByRole('combobox', { name: 'Photos and videos' }).click();
    await page.getByRole('option', { name: 'takimi.jpg' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('save-post').click();

    // The Responsible Officer approves and schedules it a few seconds ahead (Europe/Belgrade time on screen).
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();
    const id = page.url().split('/posts/')[1]!;
    await page.getByTestId('approve').click();
    await page.getByTestId('schedule-at').waitFor();
    let at = new Date(Math.ceil((Date.now() + 7_000) / 1000) * 1000);
    if (at.getUTCSeconds() === 0) at = new Date(at.getTime() + 1000); // Chrome drops ":00" from the value
    await page.getByTestId('schedule-at').fill(belgradeInput(at));
    await page.getByTestId('schedule').click();
    await page.getByText(/Scheduled for .* \(Europe\/Belgrade\)\./).waitFor();
    for (const handle of ['kgjk', 'kgjk_njoftime']) await page.getByTestId(`target-${handle}`).getByText('Scheduled').waitFor();
    const scheduled = await (await api(`/api/posts/${id}`)).json();
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.scheduledAt).toBe(at.toISOString());
    expect(scheduled.targets.map((t: { status: string }) => t.status)).toEqual(['scheduled', 'scheduled']);
    expect(Date.now()).toBeLessThan(at.getTime()); // nothing could have gone out early

    // It goes out on time: each account shows "Published" with the platform's id.
    for (const handle of ['kgjk', 'kgjk_njoftime']) {
      await page.getByTestId(`target-${handle}`).locator('[data-status="published"]').waitFor({ timeout: 20_000 });
    }
    await page.locator('[data-status="published"]').first().waitFor();
    const post = await (await api(`/api/posts/${id}`)).json();
    expect(post.status).toBe('published');
    expect(post.targets).toHaveLength(2);
    for (const t of post.targets) {
      expect(t.status).toBe('published');
      expect(t.attempts).toBe(1);
      const late = Date.parse(t.publishedAt) - at.getTime();
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(5_000);
      await page.getByTestId(`target-${t.handle}`).getByRole('link', { name: t.externalId }).waitFor();
    }
    const externalIds = post.targets.map((t: { externalId: string }) => t.externalId);
    expect(new Set(externalIds).size).toBe(2);

    // In the calendar, on today's date in Europe/Belgrade, with its time.
    await page.goto(`${env.server.url}/calendar`);
    await page.getByText('Europe/Belgrade').first().waitFor();
    const entry = page.getByTestId(`cal-${id}`);
    await entry.waitFor();
    expect(await entry.locator('xpath=ancestor::*[@data-day][1]').getAttribute('data-day')).toBe(belgradeInput(at).slice(0, 10));
    expect(await entry.innerText()).toContain(belgradeInput(at).slice(11, 16));
    await entry.click();
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();
    expect(page.url()).toBe(`${env.server.url}/posts/${id}`);

    // In the archive: one entry per account, each with the platform's id and a content hash.
    await page.goto(`${env.server.url}/archive`);
    await page.getByRole('heading', { name: 'Archive' }).waitFor();
    const rows = page.getByRole('row').filter({ hasText: sq.slice(0, 40) });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    for (const ext of externalIds) await rows.getByRole('link', { name: ext }).waitFor();
    const archive = (await (await api('/api/archive?institutionId=inst-kjc')).json()).items.filter(
      (e: { postId: string }) => e.postId === id,
    );
    expect(archive.map((e: { kind: string }) => e.kind)).toEqual(['published', 'published']);
    expect(new Set(archive.map((e: { accountId: string }) => e.accountId)).size).toBe(2);

    // Exactly once on the platform itself: one post per account, carrying the stripped photo.
    const db = new Database(path.join(env.server.dataDir, 'courtdesk.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const onPlatform = db
        .prepare(
          'SELECT account_external_id AS account, external_id AS id, media FROM sandbox_posts WHERE text LIKE ? ORDER BY account_external_id',
        )
        .all(`%${sq.slice(0, 40)}%`) as Array<{ account: string; id: string; media: string }>;
      expect(onPlatform.map((p) => p.account)).toEqual(['kgjk', 'kgjk_njoftime']);
      expect(onPlatform.map((p) => p.id).sort()).toEqual([...externalIds].sort());
      for (const p of onPlatform)
        expect(JSON.parse(p.media)).toEqual([
          expect.objectContaining({ kind: 'image', sha256: createHash('sha256').update(stored).digest('hex') }),
        ]);
    } finally {
      db.close();
    }
  });
  expect(errors).toEqual([]);
  await context.close();
});

it('an officer uploads a photo with provenance, composes a trilingual post, fixes a finding, approves and publishes it once, and finds it in the calendar and the archive', async () => {
  const context = await env.browser.newContext();
  await signInViaApi(context, env.server.url, 'pio@prishtine.test', 'en');
  const page = await context.newPage();
  const errors = watchErrors(page);
  await withDiagnostics(page, 'publishing', async () => {
    // A photo goes into the library; its provenance is recorded at once.
    await page.goto(`${env.server.url}/media`);
    await page.getByRole('heading', { name: 'Media library' }).waitFor();
    const photo = await sharp({ create: { width: 80, height: 60, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 39/1 5/1' } })
      .toBuffer();
    await page.locator('input[type="file"]').setInputFiles({ name: 'hall.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('dialog').getByLabel('Author').fill('Luan Morina');
    await page.getByRole('dialog').getByLabel('Our own work').check();
    await page.getByRole('dialog').getByLabel('No', { exact: true }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Provenance recorded').first().waitFor();

    // Compose: the court's three languages are there from the start; a finding is highlighted and fixed.
    await page.goto(`${env.server.url}/posts/new`);
    await page.getByRole('heading', { name: 'New post' }).waitFor();
    await page.getByLabel('Text in Albanian').fill('Votoni PDK-në! Seanca mbahet nesër.');
    await page.locator('mark[data-article~="4.4a"]').first().waitFor();
    await page.getByLabel('Text in Albanian').fill('Gjykata njofton se seanca mbahet nesër në ora 10.');
    await page.locator('mark[data-article~="4.4a"]').first().waitFor({ state: 'detached' });
    await page.getByTestId('missing-languages').waitFor();
    await page.getByRole('tab', { name: /Serbian/ }).click();
    await page.getByLabel('Text in Serbian').fill('Sud obaveštava da se ročište održava sutra u 10 časova.');
    await page.getByRole('tab', { name: /Turkish/ }).click();
    await page.getByLabel('Text in Turkish').fill("Mahkeme, duruşmanın yarın saat 10'da yapılacağını duyurur.");
    await page.getByTestId('missing-languages').waitFor({ state: 'detached' });
    const boxes = page.getByRole('checkbox', { name: /@gjth/ });
    const n = await boxes.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) if (await boxes.nth(i).isEnabled()) await boxes.nth(i).check();
    await page.getByTestId('preview-sandbox').waitFor();
    await page.getByRole('combobox', { name: 'Photos and videos' }).click();
    await page.getByRole('option', { name: /hall\.jpg/ }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('save-post').click();

    // Approve (the Responsible Officer, by decision) and publish now: every account shows "Published".
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();
    await page.getByTestId('approve').click();
    await page.getByTestId('publish-now').click();
    await page.locator('[data-status="published"]').first().waitFor({ timeout: 20_000 });
    const url = page.url();
    const id = url.split('/posts/')[1]!;
    const post = await (await context.request.get(`${env.server.url}/api/posts/${id}`)).json();
    await expect
      .poll(async () => (await (await context.request.get(`${env.server.url}/api/posts/${id}`)).json()).status, { timeout: 20_000 })
      .toBe('published');
    expect(post.targets.length).toBeGreaterThan(0);

    // In the calendar (Europe/Belgrade named on screen) and in the archive with a content hash.
    await page.goto(`${env.server.url}/calendar`);
    await page
      .getByText(/Europe\/Belgrade/)
      .first()
      .waitFor();
    await page.getByTestId(`cal-${id}`).waitFor();
    await page.goto(`${env.server.url}/archive`);
    await page.getByText('Gjykata njofton se seanca mbahet nesër').first().waitFor();
  });
  expect(errors).toEqual([]);
  await context.close();
});

it('the president drags a scheduled post to another day in the calendar; it keeps its time', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await signInViaApi(context, env.server.url, 'president@prishtine.test', 'en');
  const page = await context.newPage();
  const errors = watchErrors(page);
  await withDiagnostics(page, 'calendar-drag', async () => {
    const list = await (await context.request.get(`${env.server.url}/api/posts?status=scheduled`)).json();
    const post = list.items[0] as { id: string; scheduledAt: string };
    expect(post).toBeTruthy();
    await page.goto(`${env.server.url}/calendar`);
    await page
      .getByText(/Europe\/Belgrade/)
      .first()
      .waitFor();
    const entry = page.getByTestId(`cal-${post.id}`);
    await page.locator('[data-testid^="cal-"]').first().waitFor();
    if (!(await entry.isVisible().catch(() => false))) await page.getByRole('button', { name: 'Next' }).click();
    await entry.waitFor();
    const cell = entry.locator('xpath=ancestor::*[@data-day][1]');
    const day = (await cell.getAttribute('data-day'))!;
    const next = new Date(`${day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    let target = page.locator(`[data-day="${next.toISOString().slice(0, 10)}"]`);
    let shift = 1;
    if ((await target.count()) === 0) {
      next.setUTCDate(next.getUTCDate() - 2);
      target = page.locator(`[data-day="${next.toISOString().slice(0, 10)}"]`);
      shift = -1;
    }
    // A real mouse drag (Chromium turns it into HTML5 dragstart/dragover/drop).
    await entry.dragTo(target);
    await expect
      .poll(async () => (await (await context.request.get(`${env.server.url}/api/posts/${post.id}`)).json()).scheduledAt, {
        timeout: 10_000,
      })
      .toBe(new Date(Date.parse(post.scheduledAt) + shift * 86_400_000).toISOString());
    await target.getByTestId(`cal-${post.id}`).waitFor();
  });
  expect(errors).toEqual([]);
  await context.close();
});
