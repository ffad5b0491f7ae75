import { expect, it } from 'vitest';
import crypto from 'node:crypto';
import { watchErrors, withDiagnostics } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';
import { signInViaApi } from './support/session.js';

const env = e2eEnvironment();

it('moderates incoming comments with reasons, answers messages in the sender’s language, and never runs script from a comment', async () => {
  const context = await env.browser.newContext();
  await signInViaApi(context, env.server.url, 'pio@prishtine.test', 'en');
  const me = await (await context.request.get(`${env.server.url}/api/auth/me`)).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  const accounts = await (await context.request.get(`${env.server.url}/api/inbox/accounts`)).json();
  const account = (accounts.items as Array<{ accountId?: string; id?: string; platform: string; handle: string }>).find(
    (a) => a.platform === 'sandbox',
  );
  const accountId = account?.accountId ?? account?.id;
  expect(accountId).toBeTruthy();

  const uid = crypto.randomUUID().slice(0, 8);
  const hostile = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> Judge Krasniqi you are an idiot ${uid}`;
  const criticism = `This verdict is a disgrace and the court system is far too slow ${uid}`;
  const simulate = (kind: 'comment' | 'message', authorHandle: string, text: string) =>
    context.request.post(`${env.server.url}/api/inbox/sandbox/simulate`, {
      headers,
      data: { accountId, kind, authorHandle, authorName: authorHandle, text },
    });
  expect((await simulate('comment', 'angry_citizen', hostile)).status()).toBe(202);
  expect((await simulate('comment', 'critic', criticism)).status()).toBe(202);
  const sent = await simulate('message', `petar${uid}`, 'Поштовање, када је рочиште у мом предмету?');
  expect(sent.status()).toBe(202);
  const conversationId = (await sent.json()).conversationId as string;

  // A forged webhook is refused.
  const body = JSON.stringify({
    id: `e9-${uid}`,
    type: 'comment.created',
    sentAt: new Date().toISOString(),
    accountExternalId: account?.handle,
    comment: { externalId: `c9-${uid}`, authorHandle: 'x', authorName: 'x', text: 'forged', createdAt: new Date().toISOString() },
  });
  const forged = await fetch(`${env.server.url}/api/webhooks/sandbox`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-courtdesk-signature': 'sha256=' + crypto.createHmac('sha256', 'wrong').update(body).digest('hex'),
    },
  });
  expect(forged.status).toBe(401);

  // Through the API: the insult is hidden on the platform with its reasons; the criticism is left up.
  type Item = { text: string; status: string; categories?: string[]; reasons?: Array<{ match: string; article: string }> };
  let hidden: Item | undefined;
  let kept: Item | undefined;
  for (let i = 0; i < 40; i++) {
    const items = await (await context.request.get(`${env.server.url}/api/inbox/items?limit=200`)).json();
    const list = (items.items ?? items) as Item[];
    hidden = list.find((x) => x.text === hostile);
    kept = list.find((x) => x.text === criticism);
    if (hidden?.status === 'hidden' && kept) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(hidden, JSON.stringify(hidden)).toMatchObject({ status: 'hidden', categories: ['insult'] });
  expect(hidden?.reasons?.[0]).toMatchObject({ match: 'idiot', article: '3.7' });
  expect(kept?.status).toBe('visible');

  const page = await context.newPage();
  const errors = watchErrors(page);
  await withDiagnostics(page, 'inbox', async () => {
    await page.goto(`${env.server.url}/inbox`);
    await page.getByLabel('Search text or author').fill(uid);
    await page.getByLabel('Search text or author').press('Enter');
    // The hostile comment is shown as plain text: its markup is visible and none of it runs.
    await page.getByText(`Judge Krasniqi you are an idiot ${uid}`, { exact: false }).first().waitFor();
    await page.getByText('<script>window.__xss=1</script>', { exact: false }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.getByText(criticism).first().waitFor();
    // The transparency report has this month.
    await page.goto(`${env.server.url}/inbox/report`);
    await page.getByRole('heading').first().waitFor();
  });

  // The private message got the standard reply (art. 3.8) in Serbian Cyrillic, as it was written.
  type LogEntry = { conversationId: string; lang: string; status: string };
  let entry: LogEntry | undefined;
  for (let i = 0; i < 40 && !entry; i++) {
    const log = await (await context.request.get(`${env.server.url}/api/inbox/autoreply/log?institutionId=inst-bc-prishtine`)).json();
    entry = (log.items as LogEntry[]).find((e) => e.conversationId === conversationId);
    if (!entry) await new Promise((r) => setTimeout(r, 500));
  }
  expect(entry).toMatchObject({ lang: 'sr-Cyrl', status: 'sent' });
  expect(errors).toEqual([]);
  await context.close();
});
