import type { Db } from '../../platform/db/database.js';
import type { PublishLedger } from './publish-ledger.js';

/** The publishing ledger in the database (table `connector_publish_ledger`): intents survive a restart. */
export function dbPublishLedger(db: Db): PublishLedger {
  return {
    async get(accountId, key) {
      const r = await db
        .selectFrom('connector_publish_ledger')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      return r ? { key, text: r.text, startedAt: r.started_at, externalId: r.external_id, url: r.url, publishedAt: r.published_at } : null;
    },
    async begin(accountId, key, text, startedAt) {
      await db
        .insertInto('connector_publish_ledger')
        .values({
          account_id: accountId,
          idempotency_key: key,
          text,
          started_at: startedAt,
          external_id: null,
          url: null,
          published_at: null,
        })
        .onConflict((oc) => oc.columns(['account_id', 'idempotency_key']).doNothing())
        .execute();
    },
    async complete(accountId, key, ref) {
      await db
        .insertInto('connector_publish_ledger')
        .values({
          account_id: accountId,
          idempotency_key: key,
          text: '',
          started_at: ref.publishedAt,
          external_id: ref.externalId,
          url: ref.url,
          published_at: ref.publishedAt,
        })
        .onConflict((oc) =>
          oc
            .columns(['account_id', 'idempotency_key'])
            .doUpdateSet({ external_id: ref.externalId, url: ref.url, published_at: ref.publishedAt }),
        )
        .execute();
    },
    async claimed(accountId) {
      const rows = await db
        .selectFrom('connector_publish_ledger')
        .select('external_id')
        .where('account_id', '=', accountId)
        .where('external_id', 'is not', null)
        .execute();
      return new Set(rows.map((r) => r.external_id!));
    },
  };
}
