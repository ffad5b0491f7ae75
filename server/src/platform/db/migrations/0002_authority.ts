import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

/**
 * Authority and the account register (issue 3): official accounts, the leadership's decisions and the
 * rights derived from them, the two-step editor request, off-boarding checklists, the brand kit logo
 * and handle convention used by the presentation checks, and platform role snapshots for drift.
 * Decisions are append-only: revocation, supersession and departures are new rows in `decision_endings`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = await isPostgres(db);
  const blob = pg ? 'bytea' : 'blob';

  await db.schema
    .createTable('decision_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', sql.raw(blob), (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('external_id', 'text')
    .addColumn('opened_with_email', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('opened_before_manual', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('authorising_decision_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('picture_hash', 'text')
    .addColumn('auto_reply_configured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('facebook_admin_official_email', 'integer')
    .addColumn('requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text')
    .addColumn('request_note', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accounts_institution_idx').on('accounts').columns(['institution_id', 'status']).execute();
  await db.schema.createIndex('accounts_platform_handle_idx').on('accounts').columns(['platform', 'handle']).execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('level', 'text')
    .addColumn('covers_all_accounts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('effect_from', 'text', (c) => c.notNull())
    .addColumn('effect_until', 'text')
    .addColumn('target_decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('supersedes_decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('editor_request_id', 'text')
    .addColumn('summary', 'text')
    .addColumn('file_id', 'text', (c) => c.references('decision_files.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('decisions_institution_number_uq', ['institution_id', 'number'])
    .execute();
  await db.schema.createIndex('decisions_institution_idx').on('decisions').columns(['institution_id', 'decided_on']).execute();

  await db.schema
    .createTable('decision_people')
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('decision_people_pk', ['decision_id', 'user_id'])
    .execute();
  await db.schema.createIndex('decision_people_user_idx').on('decision_people').column('user_id').execute();

  await db.schema
    .createTable('decision_accounts')
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addPrimaryKeyConstraint('decision_accounts_pk', ['decision_id', 'account_id'])
    .execute();
  await db.schema.createIndex('decision_accounts_account_idx').on('decision_accounts').column('account_id').execute();

  await db.schema
    .createTable('decision_endings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('by_decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_endings_decision_idx').on('decision_endings').column('decision_id').execute();

  await db.schema
    .createTable('editor_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('account_ids', 'text', (c) => c.notNull())
    .addColumn('covers_all_accounts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recommended_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recommended_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('refusal_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('editor_requests_institution_idx').on('editor_requests').columns(['institution_id', 'status']).execute();

  await db.schema
    .createTable('offboarding_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('offboarding_institution_idx').on('offboarding_items').columns(['institution_id', 'status']).execute();

  await db.schema
    .createTable('brand_kits')
    .addColumn('institution_id', 'text', (c) => c.primaryKey().references('institutions.id'))
    .addColumn('handle', 'text')
    .addColumn('logo_hash', 'text')
    .addColumn('logo_sha256', 'text')
    .addColumn('logo_mime', 'text')
    .addColumn('logo', sql.raw(blob))
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('account_role_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('checked_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('account_role_checks_account_idx').on('account_role_checks').columns(['account_id', 'checked_at']).execute();

  // Decisions and their endings are the record of authority: never changed, never deleted.
  if (pg) {
    await sql`create function decisions_append_only() returns trigger language plpgsql as $$
      begin raise exception 'decisions are never edited or deleted after issue: revoke or supersede'; end $$`.execute(db);
  }
  for (const table of ['decisions', 'decision_people', 'decision_accounts', 'decision_endings', 'decision_files']) {
    if (pg) {
      await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function decisions_append_only()`.execute(db);
    } else {
      await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${sql.table(table)}
        begin select raise(abort, 'decisions are never edited after issue: revoke or supersede'); end`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        begin select raise(abort, 'decisions are never deleted: revoke or supersede'); end`.execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('The authority migration cannot be reverted.');
}
