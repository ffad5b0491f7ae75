import type { Kysely } from 'kysely';

/** Accounts' API connections (sealed, write-only) and the Meta connectors' publishing ledger. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_connections')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('field_keys', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('connector_publish_ledger')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('published_at', 'text')
    .addPrimaryKeyConstraint('connector_publish_ledger_pk', ['account_id', 'idempotency_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('connector_publish_ledger').execute();
  await db.schema.dropTable('account_connections').execute();
}
