import { WebhookEvent } from '@courtdesk/contracts';
import { SecretBox } from '../../platform/crypto.js';
import type { Db, DbOrTrx } from '../../platform/db/database.js';
import { newId, nowIso, randomToken } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import type { InboxDeps } from '../inbox/inbox.deps.js';
import type { WebhookEventsTable } from '../inbox/inbox.tables.js';
import { ingestComments, ingestMessages } from '../inbox/inbox.ingest.js';

const MAX_EVENT_ATTEMPTS = 10;

/** The configured keys (`config`), or one key (tests). Values sealed under SECRET_KEY_PREVIOUS still open. */
type Keys = string | { secretKey: string; previousSecretKeys?: readonly string[] };

function box(keys: Keys): SecretBox {
  return typeof keys === 'string' ? new SecretBox(keys, 'webhook-secret') : SecretBox.forConfig(keys, 'webhook-secret');
}

/** The platform's webhook secret, opened; null when none is configured (the endpoint then refuses everything). */
export async function webhookSecret(db: DbOrTrx, secretKey: Keys, platform: string): Promise<string | null> {
  const row = await db.selectFrom('webhook_secrets').select('secret_sealed').where('platform', '=', platform).executeTakeFirst();
  if (!row) return null;
  try {
    return box(secretKey).open(row.secret_sealed);
  } catch {
    return null; // a ciphertext that does not authenticate: fail closed
  }
}

/** Sets a new random secret for a platform (sealed at rest) and returns it once. The audit records the rotation, never the secret. */
export async function rotateWebhookSecret(
  db: Db,
  secretKey: Keys,
  platform: string,
  actorId: string | null,
  secret = randomToken(32),
): Promise<string> {
  await db.transaction().execute(async (trx) => {
    const sealed = box(secretKey).seal(secret);
    await trx
      .insertInto('webhook_secrets')
      .values({ platform, secret_sealed: sealed, created_at: nowIso(), created_by: actorId })
      .onConflict((oc) => oc.column('platform').doUpdateSet({ secret_sealed: sealed, created_at: nowIso(), created_by: actorId }))
      .execute();
    await appendAudit(trx, { type: 'webhook.secret_rotated', actorId, subjectType: 'webhook', subjectId: platform, data: { platform } });
  });
  return secret;
}

/**
 * Stores a verified delivery before the 2xx answer (so nothing is lost if the process dies), unique on
 * (platform, event id) so a retried or replayed delivery is stored once.
 */
export async function storeWebhookEvent(db: Db, platform: string, event: WebhookEvent): Promise<'accepted' | 'duplicate'> {
  const res = await db
    .insertInto('webhook_events')
    .values({
      id: newId(),
      platform,
      event_id: event.id,
      received_at: nowIso(),
      payload: JSON.stringify(event),
      status: 'pending',
      attempts: 0,
      last_error: null,
      processed_at: null,
    })
    .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0 ? 'accepted' : 'duplicate';
}

type Parsed = { row: WebhookEventsTable; event: WebhookEvent };

/**
 * Ingests stored deliveries (the async half of the webhook); returns how many were handled. Events of
 * one account and kind are ingested as one batch (a burst on one post is one transaction per 200);
 * if a batch fails, its events are retried one by one so a single bad event cannot hold others back.
 */
export async function processWebhookEvents(deps: InboxDeps, limit = 500): Promise<number> {
  const rows = await deps.db
    .selectFrom('webhook_events')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('received_at')
    .limit(limit)
    .execute();
  const groups = new Map<string, Parsed[]>();
  for (const row of rows) {
    const parsed = WebhookEvent.safeParse(safeJson(row.payload));
    if (!parsed.success) {
      await fail(deps, [row], new PermanentError('The stored event is not valid.'));
      continue;
    }
    const key = `${row.platform}\u0000${parsed.data.accountExternalId}\u0000${parsed.data.type}`;
    groups.set(key, [...(groups.get(key) ?? []), { row, event: parsed.data }]);
  }
  for (const group of groups.values()) {
    try {
      await ingestGroup(deps, group);
      await markDone(
        deps,
        group.map((g) => g.row),
      );
    } catch {
      for (const one of group) {
        try {
          await ingestGroup(deps, [one]);
          await markDone(deps, [one.row]);
        } catch (err) {
          await fail(deps, [one.row], err);
        }
      }
    }
  }
  return rows.length;
}

class PermanentError extends Error {}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

async function ingestGroup(deps: InboxDeps, group: Parsed[]): Promise<void> {
  const first = group[0]!;
  const account = await deps.db
    .selectFrom('accounts')
    .selectAll()
    .where('platform', '=', first.row.platform)
    .where((eb) =>
      eb.or([
        eb('external_id', '=', first.event.accountExternalId),
        eb.and([eb('external_id', 'is', null), eb('handle', '=', first.event.accountExternalId)]),
      ]),
    )
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!account) throw new PermanentError(`No active ${first.row.platform} account ${first.event.accountExternalId} in the register.`);
  const comments = group.flatMap(({ event: e }) =>
    e.type === 'comment.created' ? [{ ...e.comment, postExternalId: e.comment.postExternalId ?? null, hidden: false }] : [],
  );
  const messages = group.flatMap(({ event: e }) => (e.type === 'message.created' ? [e.message] : []));
  if (comments.length) await ingestComments(deps, account, comments);
  if (messages.length) await ingestMessages(deps, account, messages);
}

async function markDone(deps: InboxDeps, rows: WebhookEventsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await deps.db
      .updateTable('webhook_events')
      .set((eb) => ({ status: 'done', processed_at: nowIso(), attempts: eb('attempts', '+', 1), last_error: null }))
      .where(
        'id',
        'in',
        rows.slice(i, i + 500).map((r) => r.id),
      )
      .execute();
  }
}

async function fail(deps: InboxDeps, rows: WebhookEventsTable[], err: unknown): Promise<void> {
  for (const row of rows) {
    const permanent = err instanceof PermanentError || row.attempts + 1 >= MAX_EVENT_ATTEMPTS;
    await deps.db
      .updateTable('webhook_events')
      .set({
        status: permanent ? 'failed' : 'pending',
        attempts: row.attempts + 1,
        last_error: (err instanceof Error ? err.message : String(err)).slice(0, 500),
      })
      .where('id', '=', row.id)
      .execute();
  }
}
