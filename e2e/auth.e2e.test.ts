import { expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import type { Page } from 'playwright-core';
import { watchErrors, withDiagnostics } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';
import { DEMO_PASSWORD } from './support/server.js';

const env = e2eEnvironment();

function codeFor(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

async function chooseLanguage(page: Page, code: 'SQ' | 'SR' | 'EN') {
  await page.getByText(code, { exact: true }).first().click();
}

it('a demo user signs in, enrols 2FA, signs in again with a code and switches the UI between three languages', async () => {
  const page = await env.browser.newPage();
  const errors = watchErrors(page);
  await withDiagnostics(page, 'auth', async () => {
    await page.goto(env.server.url);

    // The first screen is already multilingual: Albanian by default, then English.
    await expect(page.getByRole('heading', { name: 'Kyçu' })).toBeTruthy();
    await page.getByRole('heading', { name: 'Kyçu' }).waitFor();
    await chooseLanguage(page, 'EN');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // A wrong password gets a plain-words error, in the chosen language.
    await page.getByLabel('E-mail address').fill('pio@prishtine.test');
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The e-mail address or password is not correct.').waitFor();

    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The person's saved language (Albanian) applies after sign-in; switch to English again.
    await page.getByRole('heading', { name: 'Aktivizoni vërtetimin me dy faktorë' }).waitFor();
    await chooseLanguage(page, 'EN');
    // 2FA is required for a PIO: enrol with the key shown on screen.
    await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
    const begin = page.getByRole('button', { name: 'Begin' });
    if (await begin.isVisible().catch(() => false)) await begin.click();
    await page.getByAltText('QR code to scan with your authenticator app').waitFor();
    const secret = (await page.locator('[aria-labelledby="enrol-secret-label"]').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Code from the app').fill(codeFor(secret));
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await page.getByText('Save your recovery codes now').waitFor();
    await page.getByLabel('I have saved them in a safe place').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'Institutions' }).first().waitFor();

    // Sign out, then sign in again: now a code is asked for (the next step's code, since this one was used).
    await page.getByRole('button', { name: /Luan Morina/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('E-mail address').fill('pio@prishtine.test');
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await page.getByLabel('6-digit code').fill(codeFor(secret, 1));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('link', { name: 'Institutions' }).first().waitFor();

    // Switch the whole UI between the three languages; the choice is saved to the profile.
    await chooseLanguage(page, 'SR');
    await page.getByRole('link', { name: 'Institucije' }).first().waitFor();
    await chooseLanguage(page, 'SQ');
    await page.getByRole('link', { name: 'Institucionet' }).first().waitFor();
    await chooseLanguage(page, 'EN');
    await page.getByRole('link', { name: 'Institutions' }).first().waitFor();
    await page.waitForTimeout(300);
    await page.reload();
    await page.getByRole('link', { name: 'Institutions' }).first().waitFor();

    // The court's own institutions are listed, its branches included.
    await page.getByRole('link', { name: 'Institutions' }).first().click();
    await page.getByText('Basic Court of Prishtina – Branch in Podujevë').first().waitFor();
    // Another court is not visible to a court's own staff (tenant isolation).
    expect(await page.getByText('Basic Court of Prizren').count()).toBe(0);
  });
  expect(errors).toEqual([]);
  await page.close();
});
