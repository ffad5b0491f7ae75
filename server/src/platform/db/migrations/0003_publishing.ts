import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

/**
 * Publishing (issue 5): the sandbox platform's own state, posts and their variants, media with
 * provenance, per-account publication targets, the job outbox, archive, notifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sandboxTables(db);
  await jobTables(db);
  await mediaTables(db, (await isPostgres(db)) ? 'bytea' : 'blob');
  await postTables(db);
  await archiveTables(db);
  await notificationTables(db);
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
  await db.schema
    .createIndex('sandbox_posts_idem_uq')
    .on('sandbox_posts')
    .columns(['account_external_id', 'idempotency_key'])
    .unique()
    .execute();

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
  await db.schema
    .createIndex('sandbox_comments_account_idx')
    .on('sandbox_comments')
    .columns(['account_external_id', 'created_at'])
    .execute();

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
  await db.schema
    .createIndex('sandbox_messages_account_idx')
    .on('sandbox_messages')
    .columns(['account_external_id', 'created_at'])
    .execute();

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

/** The durable job outbox (platform/jobs): claimed with a lease, never run twice at once. */
async function jobTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('publishing_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text')
    .execute();
  await sql`insert into publishing_settings (id, paused) values (1, 0)`.execute(db);
}

async function mediaTables(db: Kysely<unknown>, blob: string): Promise<void> {
  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', sql.raw(blob), (c) => c.notNull())
    .addColumn('thumbnail', sql.raw(blob))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('alt_text', 'text')
    .addColumn('author', 'text')
    .addColumn('source', 'text')
    .addColumn('licence', 'text')
    .addColumn('own_work', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('identifiable_people', 'integer')
    .addColumn('consent', 'text')
    .addColumn('consent_note', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_institution_idx').on('media').columns(['institution_id', 'created_at']).execute();
}

async function postTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('comments_on_decision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decision_permission_by', 'text')
    .addColumn('decision_permission_at', 'text')
    .addColumn('decision_permission_reason', 'text')
    .addColumn('override_by', 'text')
    .addColumn('override_at', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('override_findings', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('posts_institution_idx').on('posts').columns(['institution_id', 'status']).execute();
  await db.schema.createIndex('posts_scheduled_idx').on('posts').columns(['scheduled_at']).execute();

  await db.schema
    .createTable('post_variants')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addPrimaryKeyConstraint('post_variants_pk', ['post_id', 'lang'])
    .execute();

  await db.schema
    .createTable('post_media')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('media_id', 'text', (c) => c.notNull().references('media.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_media_pk', ['post_id', 'media_id'])
    .execute();

  await db.schema
    .createTable('post_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('published_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('platform_message', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_targets_post_acc_uq').on('post_targets').columns(['post_id', 'account_id']).unique().execute();
}

/** The archive is append-only, like the audit trail: the database refuses updates and deletes. */
async function archiveTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('archive_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('platform', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archive_institution_idx').on('archive_entries').columns(['institution_id', 'at']).execute();
  if (await isPostgres(db)) {
    await sql`create function archive_entries_append_only() returns trigger language plpgsql as $$
      begin raise exception 'archive_entries is append-only'; end $$`.execute(db);
    await sql`create trigger archive_entries_no_change before update or delete on archive_entries
      for each row execute function archive_entries_append_only()`.execute(db);
  } else {
    await sql`create trigger archive_entries_no_update before update on archive_entries
      begin select raise(abort, 'archive_entries is append-only'); end`.execute(db);
    await sql`create trigger archive_entries_no_delete before delete on archive_entries
      begin select raise(abort, 'archive_entries is append-only'); end`.execute(db);
  }
}

async function notificationTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reverted; restore a backup instead.');
}
