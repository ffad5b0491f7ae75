import type { Kysely } from 'kysely';

/**
 * The inbox: items, the action outbox, evidence copies, replies, automatic-reply settings and
 * conversation slots, per-account policies, poll cursors, webhook deliveries and secrets.
 * `account_id` columns carry no foreign key so this migration does not depend on the order in
 * which the account register's migration lands; every query joins on it explicitly.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbox_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('post_external_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('author_handle', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_length', 'integer', (c) => c.notNull())
    .addColumn('truncated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('from_account', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text')
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('score', 'real')
    .addColumn('note', 'text')
    .addColumn('pending_action', 'text')
    .addColumn('removed_category', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inbox_items_external_uq', ['account_id', 'kind', 'external_id'])
    .execute();
  await db.schema.createIndex('inbox_items_list_idx').on('inbox_items').columns(['institution_id', 'received_at']).execute();
  await db.schema.createIndex('inbox_items_status_idx').on('inbox_items').columns(['institution_id', 'status']).execute();
  await db.schema.createIndex('inbox_items_removed_idx').on('inbox_items').columns(['institution_id', 'removed_at']).execute();

  await db.schema
    .createTable('inbox_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id'))
    .addColumn('institution_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('inbox_actions_due_idx').on('inbox_actions').columns(['status', 'run_at']).execute();
  await db.schema.createIndex('inbox_actions_item_idx').on('inbox_actions').column('item_id').execute();

  await db.schema
    .createTable('inbox_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id'))
    .addColumn('institution_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('account_handle', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('post_external_id', 'text')
    .addColumn('author_handle', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('captured_by', 'text')
    .execute();
  await db.schema.createIndex('inbox_evidence_item_idx').on('inbox_evidence').column('item_id').execute();

  await db.schema
    .createTable('inbox_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id'))
    .addColumn('institution_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('lang', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('error', 'text')
    .addColumn('sent_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('inbox_replies_item_idx').on('inbox_replies').column('item_id').execute();
  await db.schema.createIndex('inbox_replies_inst_idx').on('inbox_replies').columns(['institution_id', 'created_at']).execute();

  await db.schema
    .createTable('autoreply_conversations')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .addPrimaryKeyConstraint('autoreply_conversations_pk', ['account_id', 'conversation_id'])
    .execute();

  await db.schema
    .createTable('autoreply_settings')
    .addColumn('institution_id', 'text', (c) => c.primaryKey().references('institutions.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('period_hours', 'integer', (c) => c.notNull())
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('inbox_account_policies')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('auto_hide', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('inbox_cursors')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('since', 'text')
    .addColumn('last_polled_at', 'text')
    .addColumn('last_error', 'text')
    .addPrimaryKeyConstraint('inbox_cursors_pk', ['account_id', 'kind'])
    .execute();

  await db.schema
    .createTable('webhook_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('processed_at', 'text')
    .addUniqueConstraint('webhook_events_uq', ['platform', 'event_id'])
    .execute();
  await db.schema.createIndex('webhook_events_status_idx').on('webhook_events').columns(['status', 'received_at']).execute();

  await db.schema
    .createTable('webhook_secrets')
    .addColumn('platform', 'text', (c) => c.primaryKey())
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'webhook_secrets',
    'webhook_events',
    'inbox_cursors',
    'inbox_account_policies',
    'autoreply_settings',
    'autoreply_conversations',
    'inbox_replies',
    'inbox_evidence',
    'inbox_actions',
    'inbox_items',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
