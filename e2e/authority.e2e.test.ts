import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { watchErrors, withDiagnostics } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';
import { DEMO_PASSWORD } from './support/server.js';
import { signInViaApi } from './support/session.js';

/**
 * Issue 3, "Done when", tried as a new user would in the Basic Court of Prizren: the president
 * re-appoints the Responsible Officer (superseding the demo's decision, since a second decision for the
 * same person and accounts would contradict it) and appoints two substitutes, each with its signed act;
 * the officer recommends an editor and the president consents; the public register lists the accounts;
 * the compliance view shows the failing profile check with its article; the officer resigns and loses
 * access at once, and the off-boarding checklist opens.
 */
const env = e2eEnvironment();

/** A small but real PDF (the server checks the magic bytes, not the name). */
function signedAct(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${title}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const year = new Date().getUTCFullYear();

/** Picks options in a Mantine Select/MultiSelect by its label, as a user would: open, click the option. */
async function choose(scope: Page | Locator, label: string, ...options: string[]) {
  const page = 'page' in scope ? scope.page() : scope;
  const box = scope.getByRole('combobox', { name: label, exact: true });
  for (const option of options) {
    if ((await box.getAttribute('aria-expanded')) !== 'true') await box.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  // A multi-select stays open after a pick; Escape closes only its list (a Select closes by itself).
  if ((await box.getAttribute('aria-expanded')) === 'true') await page.keyboard.press('Escape');
}

it('a president appoints a Responsible Officer and two substitutes; the officer recommends an editor, the president consents; the register lists the accounts; the officer resigns and loses access at once', async () => {
  const presidentContext = await env.browser.newContext();
  await signInViaApi(presidentContext, env.server.url, 'president@prizren.test', 'en');
  const page = await presidentContext.newPage();
  const errors = watchErrors(page);
  const officerContext = await env.browser.newContext();
  const officer = await officerContext.newPage();
  const officerErrors = watchErrors(officer);

  await withDiagnostics(page, 'authority', async () => {
    // The president adds three court officers to Courtdesk (the demo court has only its PIO).
    await page.goto(`${env.server.url}/people`);
    await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
    const newcomers = [
      ['Besa Morina', 'besa.morina@prizren.test'],
      ['Emir Hodžić', 'emir.hodzic@prizren.test'],
      ['Selin Aydın', 'selin.aydin@prizren.test'],
    ] as const;
    for (const [name, email] of newcomers) {
      await page.getByRole('button', { name: 'Invite a person' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite a person' });
      await dialog.getByLabel('Full name').fill(name);
      await dialog.getByLabel('E-mail address').fill(email);
      await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
      await dialog.getByText(`${name} has been invited`).waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(email, { exact: true }).waitFor();
    }

    // 1a. The Responsible Officer: the demo's decision is superseded by a new one with its signed act.
    await page.goto(`${env.server.url}/decisions`);
    await page.getByRole('heading', { name: 'Decisions', exact: true }).waitFor();
    await page.getByRole('link', { name: 'GJTHPZ-2024/02' }).click();
    await page.getByRole('heading', { name: 'Decision GJTHPZ-2024/02' }).waitFor();
    await page.getByRole('button', { name: 'Supersede' }).click();
    let dialog = page.getByRole('dialog', { name: 'Supersede a decision' });
    const roNumber = `GJTHPZ-${year}/11`;
    const roAct = signedAct(roNumber);
    await dialog.getByLabel('Number').fill(roNumber);
    await choose(dialog, 'Responsible Officer', 'Milica Jovanović');
    await dialog.getByLabel('All accounts of the institution, including future ones').check();
    await dialog.getByLabel('Summary').fill('Appointment of the Responsible Officer for the official accounts (art. 3.1, 5.5).');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'vendim-zpm.pdf', mimeType: 'application/pdf', buffer: roAct });
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText(`Decision ${roNumber} recorded.`).waitFor();
    // The old decision is not edited: it stays readable, marked superseded, and points to the new one.
    await page.getByText('Superseded', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: new RegExp(`Followed by ${roNumber.replace('/', '\\/')}`) }).click();
    await page.getByRole('heading', { name: `Decision ${roNumber}` }).waitFor();
    await page.getByText('In force', { exact: true }).first().waitFor();
    await page.getByRole('cell', { name: 'Milica Jovanović' }).waitFor();
    await page.getByRole('cell', { name: 'Responsible Officer' }).waitFor();
    // The signed act is kept with its fingerprint.
    await page.getByRole('link', { name: 'vendim-zpm.pdf' }).waitFor();
    await page.getByText(`SHA-256: ${sha256(roAct)}`).waitFor();

    // 1b. Two substitutes. One alone is refused with the article (art. 3.2); nothing is written.
    await page.goto(`${env.server.url}/decisions`);
    await page.getByRole('button', { name: 'Issue a decision' }).click();
    dialog = page.getByRole('dialog', { name: 'Issue a decision' });
    await choose(dialog, 'Institution', 'Basic Court of Prizren');
    await choose(dialog, 'Kind', 'Appointment of substitute officers');
    const subNumber = `GJTHPZ-${year}/12`;
    await dialog.getByLabel('Number').fill(subNumber);
    await choose(dialog, 'Substitute officers', 'Besa Morina');
    await dialog.getByLabel('All accounts of the institution, including future ones').check();
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'zevendesuesit.pdf', mimeType: 'application/pdf', buffer: signedAct(subNumber) });
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await dialog.getByRole('alert').getByText('Name at least two substitute responsible officers. (art. 3.2)').waitFor();
    await choose(dialog, 'Substitute officers', 'Emir Hodžić');
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText(`Decision ${subNumber} recorded.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    const subRow = page.getByRole('row', { name: new RegExp(subNumber.replace('/', '\\/')) });
    await subRow.getByText(/Besa Morina/).waitFor();
    expect(await subRow.innerText()).toContain('Emir Hodžić');
    await subRow.getByText('In force').waitFor();
    await subRow.getByText('Appointment of substitute officers').waitFor();

    // 2. The Responsible Officer recommends a court officer as editor (art. 5.6b, first step).
    await signInViaApi(officerContext, env.server.url, 'pio@prizren.test', 'en');
    await officer.goto(`${env.server.url}/editor-requests`);
    await officer.getByRole('heading', { name: 'Editor requests' }).waitFor();
    await officer.getByRole('button', { name: 'Recommend an editor' }).click();
    const rec = officer.getByRole('dialog', { name: 'Recommend an editor' });
    await choose(rec, 'Court officer', 'Selin Aydın');
    await rec.getByLabel('All accounts of the institution, including future ones').check();
    await rec.getByLabel('Why this person (optional)').fill('Writes the Turkish and Bosnian versions of our notices.');
    await rec.getByRole('button', { name: 'Recommend an editor' }).click();
    await officer.getByText('Recommendation sent to the president.').waitFor();
    await officer
      .getByRole('row', { name: /Selin Aydın/ })
      .getByText('Waiting for consent')
      .waitFor();

    // 3. The president consents: the consent is itself a decision with its number and signed act.
    await page.goto(`${env.server.url}/editor-requests`);
    await page
      .getByRole('row', { name: /Selin Aydın/ })
      .getByText('Milica Jovanović')
      .waitFor();
    await page.getByRole('button', { name: 'Consent for Selin Aydın' }).click();
    const consent = page.getByRole('dialog', { name: 'Consent: editor access for Selin Aydın' });
    const edNumber = `GJTHPZ-${year}/13`;
    await consent.getByLabel('Number').fill(edNumber);
    await consent
      .locator('input[type="file"]')
      .setInputFiles({ name: 'redaktore.pdf', mimeType: 'application/pdf', buffer: signedAct(edNumber) });
    await consent.getByRole('button', { name: 'Consent' }).click();
    await page.getByText('Selin Aydın now has editor access.').waitFor();
    await page.goto(`${env.server.url}/decisions`);
    const edRow = page.getByRole('row', { name: new RegExp(edNumber.replace('/', '\\/')) });
    await edRow.getByText('Grant of editor access').waitFor();
    await edRow.getByText('Editor', { exact: true }).waitFor();
    await edRow.getByText('Selin Aydın').waitFor();
    await edRow.getByText('In force').waitFor();

    // 4. The public register, without signing in: every court's official accounts, and only public facts.
    const visitor = await env.browser.newContext();
    const pub = await visitor.newPage();
    const pubErrors = watchErrors(pub);
    await pub.goto(`${env.server.url}/register`);
    await pub.getByText('EN', { exact: true }).first().click();
    await pub.getByRole('heading', { name: 'Public register of official accounts' }).waitFor();
    const prizren = pub.getByRole('region', { name: 'Basic Court of Prizren', exact: true });
    await prizren.getByRole('cell', { name: '@gjthprizren' }).waitFor();
    await prizren.getByText('Confirmed by decision').waitFor();
    await pub
      .getByRole('region', { name: 'Basic Court of Prishtina', exact: true })
      .getByRole('cell', { name: '@gjthprishtine' })
      .waitFor();
    await pub.getByLabel('Search by court, name or handle').fill('prizren');
    await expect.poll(() => pub.getByRole('region', { name: 'Basic Court of Prishtina', exact: true }).count()).toBe(0);
    const json = await (await visitor.request.get(`${env.server.url}/public/accounts.json`)).json();
    const court = json.institutions.find((i: { code: string }) => i.code === 'bc-prizren');
    expect(court.nameEn).toBe('Basic Court of Prizren');
    expect(court.accounts).toEqual([expect.objectContaining({ platform: 'sandbox', handle: 'gjthprizren', verifiedByDecision: true })]);
    expect(json.institutions.length).toBeGreaterThanOrEqual(11);
    expect(JSON.stringify(json)).not.toMatch(/@prizren\.test|openedWithEmail|password|decisionId/);
    expect(pubErrors).toEqual([]);
    await visitor.close();

    // 5. The compliance view shows the failing profile check with its article and how to fix it.
    await page.goto(`${env.server.url}/compliance`);
    await page.getByRole('heading', { name: 'Compliance with the manual' }).waitFor();
    const finding = page.getByRole('row', { name: /Description in every official language/ });
    await finding.getByRole('link', { name: '@gjthprizren' }).waitFor();
    await finding.getByText('Missing in: tr, bs.').waitFor();
    await finding.getByText('art. 3.10–3.11').waitFor();
    await finding.getByText('Write the description in each official language of the institution.').waitFor();

    // 6. The officer resigns: her open session ends at once and the off-boarding checklist opens.
    await officer.goto(`${env.server.url}/decisions`);
    await officer.getByRole('heading', { name: 'Decisions', exact: true }).waitFor();
    expect((await officerContext.request.get(`${env.server.url}/api/editor-requests`)).status()).toBe(200);
    await page.goto(`${env.server.url}/people`);
    await page.getByRole('button', { name: 'Mark Milica Jovanović as resigned or dismissed' }).click();
    const leave = page.getByRole('dialog', { name: 'Milica Jovanović is leaving' });
    await leave.getByText('Milica Jovanović is signed out at once, on every device.').waitFor();
    await leave.getByLabel('Note (optional)').fill(`Resignation accepted by decision GJTHPZ-${year}/14.`);
    await leave.getByRole('button', { name: 'Mark as resigned' }).click();
    await page.getByText('Milica Jovanović is marked as resigned. The off-boarding checklist is open.').waitFor();
    await page
      .getByRole('row', { name: /Milica Jovanović/ })
      .getByText('Resigned')
      .waitFor();

    // Her session answers 401 at once; in the browser she is sent back to sign in; her password no longer opens it.
    expect((await officerContext.request.get(`${env.server.url}/api/editor-requests`)).status()).toBe(401);
    await officer.goto(`${env.server.url}/editor-requests`);
    await officer.getByRole('heading', { name: 'Sign in' }).waitFor();
    const again = await officerContext.request.post(`${env.server.url}/api/auth/login`, {
      data: { email: 'pio@prizren.test', password: DEMO_PASSWORD },
    });
    expect(again.ok()).toBe(false);

    // Her part in the decision ended; the checklist is owned by the president, per account, plus her posts.
    await page.goto(`${env.server.url}/decisions`);
    await page.getByRole('link', { name: roNumber }).click();
    await page.getByText('Ended: the person left · Milica Jovanović').waitFor();
    await page.goto(`${env.server.url}/offboarding`);
    await page.getByRole('heading', { name: 'Off-boarding after someone leaves' }).waitFor();
    await page.getByText('4 open steps; the oldest has waited 0 day(s).').waitFor();
    for (const step of [
      'Remove from the platform’s admin/editor role',
      'Change the account password',
      'Renew the account’s 2FA secret',
      'Reassign drafts and scheduled posts',
    ]) {
      const row = page.getByRole('row', { name: new RegExp(step) });
      await row.getByText('Milica Jovanović').waitFor();
      await row.getByText('Ajten Dursun').waitFor();
    }
    await page
      .getByRole('row', { name: /Change the account password/ })
      .getByText('sandbox · @gjthprizren')
      .waitFor();
    // One step done, with a note; the rest stay open.
    await page
      .getByRole('row', { name: /Change the account password/ })
      .getByRole('button', { name: 'Mark as done' })
      .click();
    const done = page.getByRole('dialog', { name: 'Done: Change the account password' });
    await done.getByLabel('Note (optional)').fill('New password set and stored in the vault.');
    await done.getByRole('button', { name: 'Mark as done' }).click();
    await page.getByText('3 open steps; the oldest has waited 0 day(s).').waitFor();
  });
  expect(errors).toEqual([]);
  expect(officerErrors).toEqual([]);
  await officerContext.close();
  await presidentContext.close();
});
