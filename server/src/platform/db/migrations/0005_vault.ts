import type { Kysely } from 'kysely';

/** The credential vault (art. 4.9, 5.10, 5.13, 5.16): sealed secrets per account and a log of every opening. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vault_secrets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('rotation_due_at', 'text')
    .addColumn('rotation_reason', 'text')
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema.createIndex('vault_secrets_account_idx').on('vault_secrets').columns(['account_id', 'kind']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('vault_secrets').execute();
}
