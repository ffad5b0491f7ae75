import { expect, it } from 'vitest';
import { watchErrors, withDiagnostics } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';
import { signInViaApi } from './support/session.js';

const env = e2eEnvironment();

it('shows findings highlighted with their articles as the officer types, in all three UI languages', async () => {
  const context = await env.browser.newContext();
  await signInViaApi(context, env.server.url, 'pio@prishtine.test', 'en');
  const page = await context.newPage();
  const errors = watchErrors(page);
  await withDiagnostics(page, 'policy', async () => {
    await page.goto(`${env.server.url}/check`);
    await page.getByRole('heading', { name: 'Check a draft against the manual' }).waitFor();
    await page.getByLabel('Text in Albanian').fill('Votoni PDK-në të dielën! Më shumë në pdk [dot] info');
    // The party support is marked in the text and explained with its article.
    const mark = page.locator('mark[data-article~="4.4a"]').first();
    await mark.waitFor();
    await page.getByText('art. 4.4a').first().waitFor();
    // Fixing the text clears the finding.
    await page.getByLabel('Text in Albanian').fill('Seanca në lëndën P.nr. 1234/2024 shtyhet për të hënën, më 3 mars, në ora 10:00.');
    await page.locator('mark[data-article~="4.4a"]').first().waitFor({ state: 'detached' });

    // The same page in Serbian and Albanian.
    await page.getByText('SR', { exact: true }).first().click();
    await page.getByRole('heading', { name: 'Proverite nacrt prema priručniku' }).waitFor();
    await page.getByLabel('Tekst na jeziku: Albanski').fill('Unë personalisht mendoj se i pandehuri është fajtor.');
    await page.getByText('član 4.1').first().waitFor();
    await page.getByText('SQ', { exact: true }).first().click();
    await page.getByRole('heading', { name: 'Kontrolloni një draft sipas manualit' }).waitFor();
    await page.getByText('neni 4.1').first().waitFor();
  });
  expect(errors).toEqual([]);
  await context.close();
});
