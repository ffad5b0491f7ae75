import { WebhookEvent } from '@courtdesk/contracts';
import { SecretBox } from '../../platform/crypto.js';
import type { Db, DbOrTrx } from '../../platform/db/database.js';
import { newId, nowIso, randomToken } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import type { InboxDeps } from '../inbox/inbox.deps.js';
import { ingestComments, ingestMessages } from '../inbox/inbox.ingest.js';

const MAX_EVENT_ATTEMPTS = 10;

function box(secretKey: string): SecretBox {
  return new SecretBox(secretKey, 'webhook-secret');
}

/** The platform's webhook secret, opened; null when none is configured (the endpoint then refuses everything). */
export async function webhookSecret(db: DbOrTrx, secretKey: string, platform: string): Promise<string | null> {
  const row = await db.selectFrom('webhook_secrets').select('secret_sealed').where('platform', '=', platform).executeTakeFirst();
  if (!row) return null;
  try {
    return box(secretKey).open(row.secret_sealed);
  } catch {
    return null; // a ciphertext that does not authenticate: fail closed
  }
}

/** Sets a new random secret for a platform (sealed at rest) and returns it once. The audit records the rotation, never the secret. */
export async function rotateWebhookSecret(db: Db, secretKey: string, platform: string, actorId: string | null, secret = randomToken(32)): Promise<string> {
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
    .values({ id: newId(), platform, event_id: event.id, received_at: nowIso(), payload: JSON.stringify(event), status: 'pending', attempts: 0, last_error: null, processed_at: null })
    .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0 ? 'accepted' : 'duplicate';
}

/** Ingests stored deliveries (the async half of the webhook); returns how many were handled. */
export async function processWebhookEvents(deps: InboxDeps, limit = 500): Promise<number> {
  const rows = await deps.db.selectFrom('webhook_events').selectAll().where('status', '=', 'pending').orderBy('received_at').limit(limit).execute();
  for (const row of rows) {
    try {
      const event = WebhookEvent.parse(JSON.parse(row.payload));
      const account = await deps.db
        .selectFrom('accounts')
        .selectAll()
        .where('platform', '=', row.platform)
        .where((eb) => eb.or([eb('external_id', '=', event.accountExternalId), eb.and([eb('external_id', 'is', null), eb('handle', '=', event.accountExternalId)])]))
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (!account) throw Object.assign(new Error(`No active ${row.platform} account ${event.accountExternalId} in the register.`), { permanent: true });
      if (event.type === 'comment.created') await ingestComments(deps, account, [{ ...event.comment, postExternalId: event.comment.postExternalId ?? null, hidden: false }]);
      else await ingestMessages(deps, account, [event.message]);
      await deps.db.updateTable('webhook_events').set({ status: 'done', processed_at: nowIso(), attempts: row.attempts + 1, last_error: null }).where('id', '=', row.id).execute();
    } catch (err) {
      const permanent = !!(err && typeof err === 'object' && 'permanent' in err) || row.attempts + 1 >= MAX_EVENT_ATTEMPTS;
      await deps.db
        .updateTable('webhook_events')
        .set({ status: permanent ? 'failed' : 'pending', attempts: row.attempts + 1, last_error: (err instanceof Error ? err.message : String(err)).slice(0, 500) })
        .where('id', '=', row.id)
        .execute();
    }
  }
  return rows.length;
}
