import type { BackgroundStarter } from '../../platform/background.js';
import type { Db, DbOrTrx } from '../../platform/db/database.js';
import type { AppContext } from '../../platform/http/types.js';
import { newId, nowIso } from '../../platform/ids.js';
import { sandbox } from '../../connectors/sandbox/index.js';
import { seededRandom, trafficComment, trafficMessage } from '../../connectors/sandbox/sandbox.traffic.js';
import type { AccountsTable } from '../accounts/accounts.tables.js';
import type { DemoSeeder } from '../demo/demo.seed.js';
import { signBody } from '../webhooks/webhook.signature.js';
import { rotateWebhookSecret, webhookSecret } from '../webhooks/webhook.service.js';
import { activeAccounts } from './inbox.deps.js';
import { wakeInbox } from './inbox.wake.js';
import { accountRow } from '../accounts/accounts.rows.js';

/** Demo accounts created only when the demo has no sandbox account at all (handles follow art. 5.2). */
const FALLBACK_ACCOUNTS = [
  { institution: 'inst-bc-prishtine', handle: 'gjthprishtine', name: 'Gjykata Themelore në Prishtinë' },
  { institution: 'inst-kjc', handle: 'kgjk', name: 'Këshilli Gjyqësor i Kosovës' },
];

async function sandboxAccounts(db: Db): Promise<AccountsTable[]> {
  return (await activeAccounts(db)).filter((a) => a.platform === 'sandbox');
}

/** The first traffic on an account: a spread of comments under a few posts and some private messages, over the last days. */
export async function seedAccountTraffic(db: DbOrTrx, acc: AccountsTable, seed: number, comments = 24, messages = 6): Promise<void> {
  const ext = acc.external_id ?? acc.handle;
  const rng = seededRandom(seed);
  const posts = [`${ext}-post-1`, `${ext}-post-2`, `${ext}-post-3`];
  const start = Date.now() - 3 * 24 * 3_600_000;
  for (let i = 0; i < comments; i++) {
    const c = trafficComment(rng);
    await sandbox.addComment(db, ext, {
      postExternalId: posts[i % posts.length]!,
      authorHandle: c.handle,
      authorName: c.name,
      text: c.text,
      createdAt: nowIso(new Date(start + i * 2_700_000)),
    });
  }
  for (let i = 0; i < messages; i++) {
    const m = trafficMessage(rng);
    await sandbox.addMessage(db, ext, {
      senderHandle: m.handle,
      senderName: m.name,
      text: m.text,
      createdAt: nowIso(new Date(start + i * 7_200_000 + 600_000)),
    });
  }
}

/** Demo seeder: initial traffic on every sandbox account present at seeding time. */
export const inboxDemoSeeder: DemoSeeder = async ({ trx }) => {
  const accounts = (await activeAccounts(trx)).filter((a) => a.platform === 'sandbox');
  for (const [i, acc] of accounts.entries()) await seedAccountTraffic(trx, acc, 1000 + i);
};

/**
 * Demo mode only: new comments and messages every 20–60 s on a random sandbox account. Half arrive
 * as signed webhook deliveries to this very server (the real path), half are left for the poller.
 */
export const inboxDemoTrafficStarter: BackgroundStarter = async (ctx: AppContext) => {
  if (ctx.config.mode !== 'demo') return async () => {};
  const db = ctx.db;
  let accounts = await sandboxAccounts(db);
  if (accounts.length === 0) {
    for (const f of FALLBACK_ACCOUNTS) {
      const now = nowIso();
      await db
        .insertInto('accounts')
        .values(
          accountRow({
            id: newId(),
            institution_id: f.institution,
            platform: 'sandbox',
            handle: f.handle,
            display_name: f.name,
            external_id: f.handle,
            opened_at: now,
            created_at: now,
            updated_at: now,
          }),
        )
        .execute();
    }
    accounts = await sandboxAccounts(db);
  }
  // Accounts registered after seeding (or by the fallback) get their first traffic now.
  for (const [i, acc] of accounts.entries()) {
    const any = await db
      .selectFrom('sandbox_comments')
      .select('external_id')
      .where('account_external_id', '=', acc.external_id ?? acc.handle)
      .limit(1)
      .executeTakeFirst();
    if (!any) await seedAccountTraffic(db, acc, 2000 + i);
  }
  const secret =
    (await webhookSecret(db, ctx.config.secretKey, 'sandbox')) ?? (await rotateWebhookSecret(db, ctx.config.secretKey, 'sandbox', null));
  const rng = seededRandom(Date.now() % 100_000);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;
  const schedule = () => {
    if (!stopped)
      timer = setTimeout(
        () =>
          void (running = tick().finally(() => {
            running = null;
            schedule();
          })),
        20_000 + Math.floor(rng() * 40_000),
      );
  };
  const tick = async () => {
    try {
      const list = await sandboxAccounts(db);
      const acc = list[Math.floor(rng() * list.length)];
      if (!acc) return;
      const ext = acc.external_id ?? acc.handle;
      const isMessage = rng() < 0.25;
      const at = nowIso();
      const t = isMessage ? trafficMessage(rng) : trafficComment(rng);
      const made = isMessage
        ? await sandbox.addMessage(db, ext, { senderHandle: t.handle, senderName: t.name, text: t.text, createdAt: at })
        : await sandbox.addComment(db, ext, {
            postExternalId: `${ext}-post-1`,
            authorHandle: t.handle,
            authorName: t.name,
            text: t.text,
            createdAt: at,
          });
      if (rng() < 0.5) await deliver(ctx, secret, ext, isMessage, made, t, at);
    } catch (err) {
      ctx.log.warn({ err }, 'demo traffic failed');
    }
  };
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
};

/** Sends the event as the sandbox platform would: signed over the raw body, to our own webhook URL. */
export async function deliver(
  ctx: AppContext,
  secret: string,
  ext: string,
  isMessage: boolean,
  made: { externalId: string; conversationId?: string },
  t: { handle: string; name: string; text: string },
  at: string,
): Promise<void> {
  const id = `evt_${newId()}`;
  const body = JSON.stringify(
    isMessage
      ? {
          id,
          type: 'message.created',
          sentAt: nowIso(),
          accountExternalId: ext,
          message: {
            externalId: made.externalId,
            conversationId: made.conversationId,
            senderHandle: t.handle,
            senderName: t.name,
            text: t.text,
            createdAt: at,
          },
        }
      : {
          id,
          type: 'comment.created',
          sentAt: nowIso(),
          accountExternalId: ext,
          comment: {
            externalId: made.externalId,
            postExternalId: `${ext}-post-1`,
            authorHandle: t.handle,
            authorName: t.name,
            text: t.text,
            createdAt: at,
          },
        },
  );
  const host = ctx.config.host === '0.0.0.0' ? '127.0.0.1' : ctx.config.host;
  try {
    await fetch(`http://${host}:${ctx.config.port}/api/webhooks/sandbox`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-courtdesk-signature': signBody(secret, body) },
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    wakeInbox(); // the poller picks it up: polling is the fallback
  }
}
