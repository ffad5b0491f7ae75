import type { ExternalProfile, ExternalRole } from '../connector.js';
import type { DbOrTrx } from '../../platform/db/database.js';
import { newId, nowIso } from '../../platform/ids.js';
import { insertFault, type SandboxFault } from './sandbox.faults.js';
import { ensureSandboxAccount, type SandboxAccountInit } from './sandbox.state.js';
import { sandboxPostUrl } from './sandbox.connector.js';
import type { SandboxAccountsTable, SandboxPostsTable } from './sandbox.tables.js';

/**
 * Acting as the public on the sandbox platform (demo data, tests, the inbox): people comment and write
 * messages, the profile and roles change, faults are injected. Courtdesk itself only reaches the
 * sandbox through the `Connector` interface.
 */
export const sandbox = {
  ensureAccount(db: DbOrTrx, externalId: string, init?: SandboxAccountInit): Promise<SandboxAccountsTable> {
    return ensureSandboxAccount(db, externalId, init);
  },

  /** A member of the public comments (on a post, or on the page when `postExternalId` is absent). */
  async addComment(
    db: DbOrTrx,
    externalId: string,
    c: {
      postExternalId?: string | null;
      authorHandle: string;
      authorName: string;
      text: string;
      createdAt?: string;
      parentExternalId?: string | null;
    },
  ): Promise<{ externalId: string }> {
    await ensureSandboxAccount(db, externalId);
    const id = `sbc_${newId().replace(/-/g, '').slice(0, 20)}`;
    await db
      .insertInto('sandbox_comments')
      .values({
        external_id: id,
        account_external_id: externalId,
        post_external_id: c.postExternalId ?? null,
        parent_external_id: c.parentExternalId ?? null,
        author_handle: c.authorHandle,
        author_name: c.authorName,
        text: c.text,
        hidden: 0,
        from_account: 0,
        created_at: c.createdAt ?? nowIso(),
        deleted_at: null,
      })
      .execute();
    return { externalId: id };
  },

  /** A member of the public writes a private message (a new conversation unless `conversationId` is given). */
  async addMessage(
    db: DbOrTrx,
    externalId: string,
    m: { conversationId?: string; senderHandle: string; senderName: string; text: string; createdAt?: string },
  ): Promise<{ externalId: string; conversationId: string }> {
    await ensureSandboxAccount(db, externalId);
    const id = `sbm_${newId().replace(/-/g, '').slice(0, 20)}`;
    const conversationId = m.conversationId ?? `sbconv_${newId().replace(/-/g, '').slice(0, 16)}`;
    await db
      .insertInto('sandbox_messages')
      .values({
        external_id: id,
        account_external_id: externalId,
        conversation_id: conversationId,
        sender_handle: m.senderHandle,
        sender_name: m.senderName,
        text: m.text,
        from_account: 0,
        created_at: m.createdAt ?? nowIso(),
      })
      .execute();
    return { externalId: id, conversationId };
  },

  /** Changes the account's public profile as someone with access on the platform would. */
  async setProfile(db: DbOrTrx, externalId: string, p: Partial<ExternalProfile>): Promise<void> {
    await ensureSandboxAccount(db, externalId);
    const set: Partial<SandboxAccountsTable> = {};
    if (p.displayName !== undefined) set.display_name = p.displayName;
    if (p.handle !== undefined) set.handle = p.handle;
    if (p.description !== undefined) set.description = p.description;
    if (p.website !== undefined) set.website = p.website;
    if (p.email !== undefined) set.email = p.email;
    if (p.phone !== undefined) set.phone = p.phone;
    if (p.address !== undefined) set.address = p.address;
    if (p.picture !== undefined) set.picture_b64 = p.picture ? p.picture.toString('base64') : null;
    if (p.autoReplyText !== undefined) set.auto_reply_text = p.autoReplyText;
    if (Object.keys(set).length) await db.updateTable('sandbox_accounts').set(set).where('external_id', '=', externalId).execute();
  },

  /** Replaces who holds which role on the platform (for drift checks against decisions). */
  async setRoles(db: DbOrTrx, externalId: string, roles: ExternalRole[]): Promise<void> {
    await ensureSandboxAccount(db, externalId);
    await db
      .updateTable('sandbox_accounts')
      .set({ roles: JSON.stringify(roles) })
      .where('external_id', '=', externalId)
      .execute();
  },

  /** Changes the rate-limit budget (calls per window) and starts a fresh window. */
  async setRateLimit(db: DbOrTrx, externalId: string, budget: number, windowMs: number): Promise<void> {
    await ensureSandboxAccount(db, externalId);
    await db
      .updateTable('sandbox_accounts')
      .set({ rate_budget: budget, rate_window_ms: windowMs, rate_used: 0, rate_window_started_at: nowIso() })
      .where('external_id', '=', externalId)
      .execute();
  },

  /** Queues a fault for the next matching call(s); see `SandboxFault`. */
  async injectFault(db: DbOrTrx, externalId: string, fault: SandboxFault): Promise<void> {
    await ensureSandboxAccount(db, externalId);
    await insertFault(db, externalId, fault);
  },

  /** Removes every pending fault of the account. */
  async clearFaults(db: DbOrTrx, externalId: string): Promise<void> {
    await db.deleteFrom('sandbox_faults').where('account_external_id', '=', externalId).execute();
  },

  /** Puts a post on the platform as if published earlier (demo data); idempotent on the key. */
  async seedPost(
    db: DbOrTrx,
    externalId: string,
    p: { idempotencyKey: string; text: string; createdAt: string },
  ): Promise<{ externalId: string; url: string }> {
    const acc = await ensureSandboxAccount(db, externalId);
    const existing = await db
      .selectFrom('sandbox_posts')
      .select(['external_id', 'url'])
      .where('account_external_id', '=', externalId)
      .where('idempotency_key', '=', p.idempotencyKey)
      .executeTakeFirst();
    if (existing) return { externalId: existing.external_id, url: existing.url };
    const id = `sbx_${newId().replace(/-/g, '').slice(0, 20)}`;
    const url = sandboxPostUrl(acc.handle, id);
    await db
      .insertInto('sandbox_posts')
      .values({
        external_id: id,
        account_external_id: externalId,
        idempotency_key: p.idempotencyKey,
        text: p.text,
        title: null,
        link: null,
        media: '[]',
        url,
        created_at: p.createdAt,
        deleted_at: null,
      })
      .execute();
    return { externalId: id, url };
  },

  /** Everything ever posted on the account, oldest first, deleted ones included (with `deleted_at`). */
  listPosts(db: DbOrTrx, externalId: string): Promise<SandboxPostsTable[]> {
    return db
      .selectFrom('sandbox_posts')
      .selectAll()
      .where('account_external_id', '=', externalId)
      .orderBy('created_at')
      .orderBy('external_id')
      .execute();
  },
};
