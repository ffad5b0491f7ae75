import type { Kysely } from 'kysely';

/**
 * Publishing (issue 5): the sandbox platform's own state, posts and their variants, media with
 * provenance, per-account publication targets, the job outbox, archive, notifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sandboxTables(db);
}

async function sandboxTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sandbox_accounts')
    .addColumn('external_id', 'text', (c) => c.primaryKey())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('picture_b64', 'text')
    .addColumn('auto_reply_text', 'text')
    .addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('rate_budget', 'integer', (c) => c.notNull())
    .addColumn('rate_window_ms', 'integer', (c) => c.notNull())
    .addColumn('rate_used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rate_window_started_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sandbox_posts')
    .addColumn('external_id', 'text', (c) => c.primaryKey())
    .addColumn('account_external_id', 'text', (c) => c.notNull().references('sandbox_accounts.external_id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('link', 'text')
    .addColumn('media', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  // The platform-side guarantee: one post per (account, idempotency key), whatever the caller does.
  await db.schema.createIndex('sandbox_posts_idem_uq').on('sandbox_posts').columns(['account_external_id', 'idempotency_key']).unique().execute();

  await db.schema
    .createTable('sandbox_comments')
    .addColumn('external_id', 'text', (c) => c.primaryKey())
    .addColumn('account_external_id', 'text', (c) => c.notNull().references('sandbox_accounts.external_id'))
    .addColumn('post_external_id', 'text')
    .addColumn('parent_external_id', 'text')
    .addColumn('author_handle', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('from_account', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('sandbox_comments_account_idx').on('sandbox_comments').columns(['account_external_id', 'created_at']).execute();

  await db.schema
    .createTable('sandbox_messages')
    .addColumn('external_id', 'text', (c) => c.primaryKey())
    .addColumn('account_external_id', 'text', (c) => c.notNull().references('sandbox_accounts.external_id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('sender_handle', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('from_account', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sandbox_messages_account_idx').on('sandbox_messages').columns(['account_external_id', 'created_at']).execute();

  await db.schema
    .createTable('sandbox_faults')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_external_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('remaining', 'integer')
    .addColumn('until', 'text')
    .addColumn('retry_after_ms', 'integer')
    .addColumn('delay_ms', 'integer')
    .addColumn('message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sandbox_faults_account_idx').on('sandbox_faults').columns(['account_external_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reverted; restore a backup instead.');
}
