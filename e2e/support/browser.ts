import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium driven by playwright-core: no browser download, no network beyond loopback. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Collects page errors so a test can assert that no script error (or injected script) ran. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Runs a journey; on failure saves a screenshot and the page text next to the error, for debugging. */
export async function withDiagnostics<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const file = `${process.env.E2E_ARTIFACTS ?? '/tmp'}/courtdesk-e2e-${name}.png`;
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    throw new Error(
      `${err instanceof Error ? err.message : String(err)}\n--- screenshot: ${file}\n--- page text:\n${text.slice(0, 2000)}`,
      { cause: err },
    );
  }
}
