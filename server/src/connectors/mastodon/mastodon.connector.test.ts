import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedByPlatformError, type AccountRef, type ExternalComment } from '../connector.js';
import { connectorContract, type ConnectorHarness } from '../contract.test-suite.js';
import { emulatorFaults, thrown } from '../harness-kit.js';
import { MastodonEmulator } from './mastodon-emulator.js';
import { createMastodonConnector, memoryLedger } from './index.js';

let emu: MastodonEmulator;
let n = 0;

beforeAll(async () => {
  emu = await new MastodonEmulator().start();
});
afterAll(async () => emu.close());

function court(): { ref: AccountRef; username: string } {
  const a = emu.createAccount({
    username: `gjthprishtine${++n}`,
    displayName: 'Gjykata Themelore Prishtinë',
    note: 'Llogaria zyrtare &amp; e gjykatës.',
    fields: [
      { name: 'Website', value: 'https://prishtine.gjyqesori-rks.org' },
      { name: 'E-mail', value: 'info@gjyqesori-rks.org' },
      { name: 'Tel', value: '+383 38 200 18 000' },
      { name: 'Adresa', value: 'Rr. Agim Ramadani, Prishtinë' },
    ],
  });
  return {
    username: a.username,
    ref: {
      accountId: randomUUID(),
      platform: 'mastodon',
      externalId: a.id,
      handle: `@${a.username}`,
      credentials: { instanceUrl: emu.url, accessToken: a.token },
    },
  };
}

function usernameOf(acc: AccountRef): string {
  return acc.handle.slice(1);
}

function harness(): ConnectorHarness {
  return {
    connector: createMastodonConnector({ timeoutMs: 400, mediaPollMs: 5, allowHttpLoopback: true }),
    newAccount: async () => court().ref,
    async addComment(acc, c) {
      const who = emu.person(c.authorHandle, c.authorName);
      const s = emu.postAs(who.id, { text: `@${usernameOf(acc)} ${c.text}`, inReplyToId: c.postExternalId });
      return { externalId: s.id };
    },
    async addMessage(acc, m) {
      const who = emu.person(m.senderHandle, m.senderName);
      const s = emu.postAs(who.id, { text: `@${usernameOf(acc)} ${m.text}`, visibility: 'direct' });
      return { conversationId: s.id };
    },
    countPosts: async (acc) => emu.countPosts(acc.externalId),
    inject: emulatorFaults(emu),
  };
}

describe('mastodon connector', () => {
  describe('connector contract (on the Mastodon emulator)', () => {
    connectorContract(harness);
  });

  const connector = () => createMastodonConnector({ timeoutMs: 400, mediaPollMs: 5, allowHttpLoopback: true });

  it('sends the idempotency key as Mastodon’s Idempotency-Key header, and a retry returns the same status', async () => {
    const { ref } = court();
    const c = connector();
    const a = await c.publish(ref, { idempotencyKey: 'post-1:acc-1', text: 'Njoftim', media: [] });
    const b = await createMastodonConnector({ allowHttpLoopback: true }).publish(ref, {
      idempotencyKey: 'post-1:acc-1',
      text: 'Njoftim',
      media: [],
    });
    expect(b.externalId).toBe(a.externalId);
    const posts = emu.requests.filter(
      (r) => r.method === 'POST' && r.path === '/api/v1/statuses' && r.headers['idempotency-key'] === 'post-1:acc-1',
    );
    expect(posts).toHaveLength(2);
    expect(emu.countPosts(ref.externalId)).toBe(1);
  });

  it('with a ledger that survives restarts (the database one), finds a lost post by its key, also after the instance forgot the key', async () => {
    const { ref } = court();
    const ledger = memoryLedger();
    emu.inject(ref.externalId, { kind: 'timeout_after_write' });
    const err = await thrown(
      createMastodonConnector({ timeoutMs: 300, ledger, allowHttpLoopback: true }).publish(ref, {
        idempotencyKey: 'lost',
        text: 'Aktgjykimi u shpall.',
        media: [],
      }),
    );
    expect(err.opts.maybeApplied).toBe(true);
    const found = await createMastodonConnector({ ledger, allowHttpLoopback: true }).findByIdempotencyKey(ref, 'lost');
    expect(found?.externalId).toBeTruthy();
    // An intent from two hours ago: the Idempotency-Key has expired on the instance, so look before posting.
    const old = memoryLedger();
    await old.begin(ref.accountId, 'old', 'Seanca e vjetër', new Date(Date.now() - 2 * 3600_000).toISOString());
    const s = emu.postAs(ref.externalId, { text: 'Seanca e vjetër' });
    const before = emu.requests.filter((r) => r.method === 'POST').length;
    expect(
      (
        await createMastodonConnector({ ledger: old, allowHttpLoopback: true }).publish(ref, {
          idempotencyKey: 'old',
          text: 'Seanca e vjetër',
          media: [],
        })
      ).externalId,
    ).toBe(s.id);
    expect(emu.requests.filter((r) => r.method === 'POST').length).toBe(before);
  });

  it('counts a link as 23 characters, like Mastodon, and appends the link when the text lacks it', async () => {
    const { ref } = court();
    const link = `https://gjyqesori-rks.org/${'a'.repeat(150)}`;
    const ref1 = await connector().publish(ref, { idempotencyKey: 'long-link', text: 'b'.repeat(470), link, media: [] });
    expect(emu.statuses.get(ref1.externalId)?.text).toBe(`${'b'.repeat(470)}\n\n${link}`);
    const err = await thrown(connector().publish(ref, { idempotencyKey: 'too-long', text: 'b'.repeat(501), media: [] }));
    expect(err.opts).toMatchObject({
      code: 'text_too_long',
      retryable: false,
      platformMessage: 'Validation failed: Text character limit of 500 exceeded',
    });
  });

  it('uploads images and videos (waiting while the video is processed) and attaches them', async () => {
    const { ref } = court();
    const ref1 = await connector().publish(ref, {
      idempotencyKey: 'media',
      text: 'Me foto',
      media: [
        { kind: 'image', mime: 'image/png', bytes: Buffer.from('png'), altText: 'Ndërtesa e gjykatës' },
        { kind: 'video', mime: 'video/mp4', bytes: Buffer.from('mp4') },
      ],
    });
    const status = emu.statuses.get(ref1.externalId)!;
    expect(status.mediaIds.map((id) => emu.media.get(id)?.kind)).toEqual(['image', 'video']);
    expect(emu.media.get(status.mediaIds[0]!)?.description).toBe('Ndërtesa e gjykatës');
    expect(emu.requests.filter((r) => r.path.startsWith('/api/v1/media/')).length).toBeGreaterThanOrEqual(2);
    const err = await thrown(
      connector().publish(ref, {
        idempotencyKey: 'five',
        text: 'x',
        media: Array.from({ length: 5 }, () => ({ kind: 'image' as const, mime: 'image/png', bytes: Buffer.from('p') })),
      }),
    );
    expect(err.opts.code).toBe('too_many_media');
  });

  it('says plainly when the account is not connected, and never sends a token over plain http', async () => {
    const { ref } = court();
    const c = connector();
    const missing = await thrown(c.getProfile({ ...ref, credentials: { instanceUrl: emu.url } }));
    expect(missing.opts.code).toBe('not_connected');
    expect(missing.message).toMatch(/not connected/);
    const clear = await thrown(c.getProfile({ ...ref, credentials: { ...ref.credentials, instanceUrl: 'http://mastodon.example' } }));
    expect(clear.opts.code).toBe('not_connected');
    expect(clear.message).toContain('https://');
    // Outside tests, an address pointing the token at this machine over http is refused too.
    const local = await thrown(createMastodonConnector().getProfile(ref));
    expect(local.opts.code).toBe('not_connected');
    expect(emu.requests.length).toBeGreaterThan(0);
  });

  it('maps an invalid token to "connect again", and a 5xx proxy page to a retryable error with its title', async () => {
    const { ref } = court();
    const c = connector();
    emu.inject(ref.externalId, { kind: 'server_error' });
    const five = await thrown(c.getProfile(ref));
    expect(five.opts).toMatchObject({ retryable: true, code: 'server_error', platformMessage: '503 Service Temporarily Unavailable' });
    emu.revokeToken(ref.externalId);
    const auth = await thrown(c.getProfile(ref));
    expect(auth.opts).toMatchObject({ retryable: false, code: 'unauthorized', platformMessage: 'The access token is invalid' });
  });

  it('cannot hide or delete others’ replies (says what to do instead), but deletes its own reply', async () => {
    const h = harness();
    const { ref, username } = court();
    const post = await h.connector.publish(ref, { idempotencyKey: 'p', text: 'Njoftim', media: [] });
    const c = await h.addComment(ref, {
      postExternalId: post.externalId,
      authorHandle: '@troll',
      authorName: 'T',
      text: `@${username} fyerje`,
    });
    const hide = await thrown(h.connector.hideComment(ref, c.externalId, true));
    expect(hide).toBeInstanceOf(UnsupportedByPlatformError);
    expect(hide.message).toMatch(/block or mute/);
    expect(await thrown(h.connector.deleteComment(ref, c.externalId))).toBeInstanceOf(UnsupportedByPlatformError);
    const reply = await h.connector.replyToComment(ref, c.externalId, 'Faleminderit.');
    expect(emu.statuses.get(reply.externalId)?.text).toBe('@troll Faleminderit.');
    await h.connector.deleteComment(ref, reply.externalId);
    expect(emu.statuses.get(reply.externalId)?.deletedAt).not.toBeNull();
  });

  it('merges mentions and the court’s own replies oldest first across pages, and starts after `since`', async () => {
    const h = harness();
    const { ref } = court();
    const post = await h.connector.publish(ref, { idempotencyKey: 'p', text: 'Njoftim', media: [] });
    const first = await h.addComment(ref, { postExternalId: post.externalId, authorHandle: '@a', authorName: 'A', text: 'pyetje 1' });
    for (let i = 0; i < 45; i++) await h.addComment(ref, { postExternalId: null, authorHandle: `@m${i}`, authorName: 'M', text: `m ${i}` });
    await new Promise((r) => setTimeout(r, 5));
    const reply = await h.connector.replyToComment(ref, first.externalId, 'përgjigje');
    const all: ExternalComment[] = [];
    let cursor: string | null = null;
    do {
      const page = await h.connector.listComments(ref, { cursor });
      all.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    expect(all).toHaveLength(47);
    expect(all[0]).toMatchObject({ externalId: first.externalId, postExternalId: post.externalId, text: 'pyetje 1' });
    expect(all[46]).toMatchObject({ externalId: reply.externalId, fromAccount: true, text: 'përgjigje' });
    expect([...all].sort((x, y) => x.createdAt.localeCompare(y.createdAt)).map((x) => x.externalId)).toEqual(all.map((x) => x.externalId));
    const since = await h.connector.listComments(ref, { since: all[44]!.createdAt });
    expect(since.items.every((x) => x.createdAt > all[44]!.createdAt)).toBe(true);
    expect(since.items.map((x) => x.externalId)).toContain(reply.externalId);
  });

  it('answers a direct message to everyone in the thread, privately, in the same conversation', async () => {
    const h = harness();
    const { ref } = court();
    const { conversationId } = await h.addMessage(ref, { senderHandle: '@pala', senderName: 'Pala', text: 'Kam një ankesë' });
    const one = await h.connector.sendMessage(ref, conversationId, 'E pranuam.');
    const two = await h.connector.sendMessage(ref, conversationId, 'Do t’ju kontaktojmë.');
    expect(emu.statuses.get(one.externalId)).toMatchObject({ visibility: 'direct', text: '@pala E pranuam.', inReplyToId: conversationId });
    expect(emu.statuses.get(two.externalId)?.inReplyToId).toBe(one.externalId);
    const page = await createMastodonConnector({ allowHttpLoopback: true }).listMessages(ref, {});
    expect(page.items.map((m) => m.conversationId)).toEqual([conversationId, conversationId, conversationId]);
    expect(page.items[0]).toMatchObject({ senderHandle: '@pala', text: 'Kam një ankesë', fromAccount: false });
    const pub = await h.connector.publish(ref, { idempotencyKey: 'public', text: 'publik', media: [] });
    expect((await thrown(h.connector.sendMessage(ref, pub.externalId, 'x'))).opts.code).toBe('not_found');
  });

  it('reads the profile: bio as text, website, e-mail, phone and address from the profile fields, and the picture', async () => {
    const { ref, username } = court();
    const p = await connector().getProfile(ref);
    expect(p).toMatchObject({
      displayName: 'Gjykata Themelore Prishtinë',
      handle: `@${username}`,
      description: 'Llogaria zyrtare & e gjykatës.',
      website: 'https://prishtine.gjyqesori-rks.org',
      email: 'info@gjyqesori-rks.org',
      phone: '+383 38 200 18 000',
      address: 'Rr. Agim Ramadani, Prishtinë',
    });
    expect(p.picture?.length).toBeGreaterThan(0);
    await expect(connector().listRoles(ref)).rejects.toBeInstanceOf(UnsupportedByPlatformError);
  });

  it('reads the rate limit from X-RateLimit-Remaining/Reset', async () => {
    const { ref } = court();
    const c = connector();
    expect(await c.rateLimit(ref)).toEqual({ remaining: null, resetAt: null });
    await c.getProfile(ref);
    const rl = await c.rateLimit(ref);
    expect(rl.remaining).toBe(299);
    expect(Date.parse(rl.resetAt!)).toBeGreaterThan(Date.now());
  });
});
