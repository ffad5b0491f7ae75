import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { launchBrowser, watchErrors, withDiagnostics } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { signInViaApi } from './support/session.js';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('an officer uploads a photo with provenance, composes a trilingual post, fixes a finding, approves and publishes it once, and finds it in the calendar and the archive', async () => {
  const context = await browser.newContext();
  await signInViaApi(context, server.url, 'pio@prishtine.test', 'en');
  const page = await context.newPage();
  const errors = watchErrors(page);
  await withDiagnostics(page, 'publishing', async () => {
    // A photo goes into the library; its provenance is recorded at once.
    await page.goto(`${server.url}/media`);
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
    await page.goto(`${server.url}/posts/new`);
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
    const post = await (await context.request.get(`${server.url}/api/posts/${id}`)).json();
    await expect
      .poll(async () => (await (await context.request.get(`${server.url}/api/posts/${id}`)).json()).status, { timeout: 20_000 })
      .toBe('published');
    expect(post.targets.length).toBeGreaterThan(0);

    // In the calendar (Europe/Belgrade named on screen) and in the archive with a content hash.
    await page.goto(`${server.url}/calendar`);
    await page
      .getByText(/Europe\/Belgrade/)
      .first()
      .waitFor();
    await page.getByTestId(`cal-${id}`).waitFor();
    await page.goto(`${server.url}/archive`);
    await page.getByText('Gjykata njofton se seanca mbahet nesër').first().waitFor();
  });
  expect(errors).toEqual([]);
  await context.close();
});

it('the president drags a scheduled post to another day in the calendar; it keeps its time', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await signInViaApi(context, server.url, 'president@prishtine.test', 'en');
  const page = await context.newPage();
  const errors = watchErrors(page);
  await withDiagnostics(page, 'calendar-drag', async () => {
    const list = await (await context.request.get(`${server.url}/api/posts?status=scheduled`)).json();
    const post = list.items[0] as { id: string; scheduledAt: string };
    expect(post).toBeTruthy();
    await page.goto(`${server.url}/calendar`);
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
      .poll(async () => (await (await context.request.get(`${server.url}/api/posts/${post.id}`)).json()).scheduledAt, { timeout: 10_000 })
      .toBe(new Date(Date.parse(post.scheduledAt) + shift * 86_400_000).toISOString());
    await target.getByTestId(`cal-${post.id}`).waitFor();
  });
  expect(errors).toEqual([]);
  await context.close();
});
