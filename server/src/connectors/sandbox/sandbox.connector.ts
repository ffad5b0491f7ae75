import {
  ConnectorError,
  type AccountRef,
  type Connector,
  type ConnectorManifest,
  type ExternalComment,
  type ExternalMessage,
  type ExternalProfile,
  type ExternalRole,
  type PublishInput,
  type PublishedRef,
} from '../connector.js';
import type { Db } from '../../platform/db/database.js';
import { newId, nowIso, sha256 } from '../../platform/ids.js';
import { failBefore, isAfterWrite, takeFault, type SandboxOp } from './sandbox.faults.js';
import { keysetPage } from './sandbox.paging.js';
import { ensureSandboxAccount, spendBudget, budgetState } from './sandbox.state.js';
import type { SandboxAccountsTable, SandboxCommentsTable, SandboxMessagesTable, SandboxPostsTable } from './sandbox.tables.js';

export const SANDBOX_MANIFEST: ConnectorManifest = {
  name: 'sandbox',
  displayName: 'Sandbox',
  capabilities: {
    textPost: true,
    imagePost: true,
    videoPost: true,
    deletePost: true,
    listComments: true,
    hideComment: true,
    deleteComment: true,
    replyComment: true,
    commentWebhook: false,
    privateMessages: true,
    nativeAutoReply: false,
    readProfile: true,
    editProfile: false,
    listRoles: true,
  },
  limits: { maxTextLength: 5000, maxImages: 4, maxImageBytes: 8 * 1024 * 1024, maxTitleLength: 100 },
  notes: ['A practice platform inside Courtdesk: nothing posted here is public.'],
};

/** Public URL of a sandbox post (served by Courtdesk itself; nothing leaves the server). */
export function sandboxPostUrl(handle: string, externalId: string): string {
  return `/sandbox/${encodeURIComponent(handle)}/posts/${externalId}`;
}

/**
 * The built-in sandbox platform: a realistic fake whose state lives in Courtdesk's own tables.
 * It behaves like a real API — rate-limit budget, idempotency keys, injectable faults — so publishing,
 * moderation and the inbox can be exercised end to end without the network.
 */
export function createSandboxConnector(db: Db): Connector {
  /** Applies a pending fault and the rate-limit budget; returns the after-write fault, if any. */
  async function enter(account: AccountRef, op: SandboxOp) {
    const acc = await ensureSandboxAccount(db, account.externalId, { handle: account.handle });
    const fault = await takeFault(db, account.externalId, op);
    if (fault && !isAfterWrite(fault)) failBefore(fault);
    await spendBudget(db, acc);
    return {
      acc,
      /** Call after the write: simulates a lost answer or a slow one. */
      async after(): Promise<void> {
        if (!fault) return;
        if (fault.kind === 'delay_after_write') await new Promise((r) => setTimeout(r, fault.delay_ms ?? 1000));
        if (fault.kind === 'timeout_after_write') {
          throw new ConnectorError('The sandbox platform did not answer in time.', {
            retryable: true,
            code: 'timeout',
            platformMessage: fault.message ?? 'ETIMEDOUT',
            maybeApplied: true,
          });
        }
      },
    };
  }

  async function publish(account: AccountRef, input: PublishInput): Promise<PublishedRef> {
    const { acc, after } = await enter(account, 'publish');
    validate(input);
    const existing = await findPost(account.externalId, input.idempotencyKey);
    if (existing) return refOf(existing);
    const id = `sbx_${newId().replace(/-/g, '').slice(0, 20)}`;
    const row: SandboxPostsTable = {
      external_id: id,
      account_external_id: account.externalId,
      idempotency_key: input.idempotencyKey,
      text: input.text,
      title: input.title ?? null,
      link: input.link ?? null,
      media: JSON.stringify(
        input.media.map((m) => ({
          kind: m.kind,
          mime: m.mime,
          bytes: m.bytes.length,
          sha256: sha256(m.bytes),
          altText: m.altText ?? null,
        })),
      ),
      url: sandboxPostUrl(acc.handle, id),
      created_at: nowIso(),
      deleted_at: null,
    };
    // The unique (account, key) index is the platform's own guarantee: a racing twin loses here.
    const inserted = await db
      .insertInto('sandbox_posts')
      .values(row)
      .onConflict((oc) => oc.columns(['account_external_id', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    const stored = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 ? row : await findPost(account.externalId, input.idempotencyKey);
    await after();
    return refOf(stored ?? row);
  }

  function validate(input: PublishInput): void {
    const lim = SANDBOX_MANIFEST.limits;
    if (input.text.length > lim.maxTextLength) {
      throw new ConnectorError('The text is longer than the sandbox platform allows.', {
        retryable: false,
        code: 'text_too_long',
        platformMessage: `Text exceeds ${lim.maxTextLength} characters.`,
      });
    }
    const images = input.media.filter((m) => m.kind === 'image');
    if (images.length > lim.maxImages) {
      throw new ConnectorError('Too many images for the sandbox platform.', {
        retryable: false,
        code: 'too_many_media',
        platformMessage: `At most ${lim.maxImages} images.`,
      });
    }
    if (images.some((m) => m.bytes.length > lim.maxImageBytes)) {
      throw new ConnectorError('An image is larger than the sandbox platform accepts.', {
        retryable: false,
        code: 'media_too_large',
        platformMessage: `Images up to ${lim.maxImageBytes} bytes.`,
      });
    }
  }

  async function findPost(externalAccountId: string, key: string): Promise<SandboxPostsTable | undefined> {
    return db
      .selectFrom('sandbox_posts')
      .selectAll()
      .where('account_external_id', '=', externalAccountId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  async function mustFindComment(account: AccountRef, externalId: string): Promise<SandboxCommentsTable> {
    const c = await db
      .selectFrom('sandbox_comments')
      .selectAll()
      .where('external_id', '=', externalId)
      .where('account_external_id', '=', account.externalId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!c)
      throw new ConnectorError('The comment no longer exists on the sandbox platform.', {
        retryable: false,
        code: 'not_found',
        platformMessage: '404 Comment not found',
      });
    return c;
  }

  return {
    manifest: SANDBOX_MANIFEST,
    publish,

    async findByIdempotencyKey(account, key) {
      const { after } = await enter(account, 'findByIdempotencyKey');
      const row = await findPost(account.externalId, key);
      await after();
      return row ? refOf(row) : null;
    },

    async deletePost(account, externalId) {
      const { after } = await enter(account, 'deletePost');
      const res = await db
        .updateTable('sandbox_posts')
        .set({ deleted_at: nowIso() })
        .where('external_id', '=', externalId)
        .where('account_external_id', '=', account.externalId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) {
        const gone = await db
          .selectFrom('sandbox_posts')
          .select('external_id')
          .where('external_id', '=', externalId)
          .where('account_external_id', '=', account.externalId)
          .executeTakeFirst();
        // Deleting twice is not an error (idempotent); deleting what never existed is.
        if (!gone)
          throw new ConnectorError('The post does not exist on the sandbox platform.', {
            retryable: false,
            code: 'not_found',
            platformMessage: '404 Post not found',
          });
      }
      await after();
    },

    async listComments(account, opts) {
      const { after } = await enter(account, 'listComments');
      const page = await keysetPage(
        db.selectFrom('sandbox_comments').selectAll().where('account_external_id', '=', account.externalId).where('deleted_at', 'is', null),
        opts,
        toComment,
      );
      await after();
      return page;
    },

    async hideComment(account, externalId, hidden) {
      const { after } = await enter(account, 'hideComment');
      const c = await mustFindComment(account, externalId);
      if (c.from_account)
        throw new ConnectorError('The account’s own comments cannot be hidden.', {
          retryable: false,
          code: 'invalid',
          platformMessage: 'Cannot hide own comment',
        });
      await db
        .updateTable('sandbox_comments')
        .set({ hidden: hidden ? 1 : 0 })
        .where('external_id', '=', externalId)
        .execute();
      await after();
    },

    async deleteComment(account, externalId) {
      const { after } = await enter(account, 'deleteComment');
      await mustFindComment(account, externalId);
      await db.updateTable('sandbox_comments').set({ deleted_at: nowIso() }).where('external_id', '=', externalId).execute();
      await after();
    },

    async replyToComment(account, externalId, text) {
      const { acc, after } = await enter(account, 'replyToComment');
      const parent = await mustFindComment(account, externalId);
      const id = `sbc_${newId().replace(/-/g, '').slice(0, 20)}`;
      await db
        .insertInto('sandbox_comments')
        .values({
          external_id: id,
          account_external_id: account.externalId,
          post_external_id: parent.post_external_id,
          parent_external_id: parent.external_id,
          author_handle: acc.handle,
          author_name: acc.display_name,
          text,
          hidden: 0,
          from_account: 1,
          created_at: nowIso(),
          deleted_at: null,
        })
        .execute();
      await after();
      return { externalId: id };
    },

    async listMessages(account, opts) {
      const { after } = await enter(account, 'listMessages');
      const page = await keysetPage(
        db.selectFrom('sandbox_messages').selectAll().where('account_external_id', '=', account.externalId),
        opts,
        toMessage,
      );
      await after();
      return page;
    },

    async sendMessage(account, conversationId, text) {
      const { acc, after } = await enter(account, 'sendMessage');
      const known = await db
        .selectFrom('sandbox_messages')
        .select('external_id')
        .where('account_external_id', '=', account.externalId)
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      if (!known)
        throw new ConnectorError('The conversation does not exist on the sandbox platform.', {
          retryable: false,
          code: 'not_found',
          platformMessage: '404 Conversation not found',
        });
      const id = `sbm_${newId().replace(/-/g, '').slice(0, 20)}`;
      await db
        .insertInto('sandbox_messages')
        .values({
          external_id: id,
          account_external_id: account.externalId,
          conversation_id: conversationId,
          sender_handle: acc.handle,
          sender_name: acc.display_name,
          text,
          from_account: 1,
          created_at: nowIso(),
        })
        .execute();
      await after();
      return { externalId: id };
    },

    async getProfile(account) {
      const { acc, after } = await enter(account, 'getProfile');
      await after();
      return toProfile(acc);
    },

    async listRoles(account) {
      const { acc, after } = await enter(account, 'listRoles');
      await after();
      return JSON.parse(acc.roles) as ExternalRole[];
    },

    async rateLimit(account) {
      return budgetState(db, account.externalId);
    },
  };
}

function refOf(p: SandboxPostsTable): PublishedRef {
  return { externalId: p.external_id, url: p.url, publishedAt: p.created_at };
}

function toComment(c: SandboxCommentsTable): ExternalComment {
  return {
    externalId: c.external_id,
    postExternalId: c.post_external_id,
    authorHandle: c.author_handle,
    authorName: c.author_name,
    text: c.text,
    createdAt: c.created_at,
    hidden: c.hidden === 1,
    fromAccount: c.from_account === 1,
  };
}

function toMessage(m: SandboxMessagesTable): ExternalMessage {
  return {
    externalId: m.external_id,
    conversationId: m.conversation_id,
    senderHandle: m.sender_handle,
    senderName: m.sender_name,
    text: m.text,
    createdAt: m.created_at,
    fromAccount: m.from_account === 1,
  };
}

export function toProfile(a: SandboxAccountsTable): ExternalProfile {
  return {
    displayName: a.display_name,
    handle: a.handle,
    description: a.description,
    website: a.website,
    email: a.email,
    phone: a.phone,
    address: a.address,
    picture: a.picture_b64 ? Buffer.from(a.picture_b64, 'base64') : null,
    autoReplyText: a.auto_reply_text,
  };
}
