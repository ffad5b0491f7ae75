import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedByPlatformError, type AccountRef } from '../connector.js';
import { connectorContract, type ConnectorHarness } from '../contract.test-suite.js';
import { emulatorFaults, thrown } from '../harness-kit.js';
import { BlueskyEmulator } from './bluesky-emulator.js';
import { createBlueskyConnector, detectFacets, graphemeLength, rkeyFor } from './index.js';

let emu: BlueskyEmulator;
let n = 0;

beforeAll(async () => {
  emu = await new BlueskyEmulator().start();
});
afterAll(async () => emu.close());

function court(init: { chatAllowed?: boolean } = {}): AccountRef {
  const a = emu.createAccount({
    handle: `gjthprishtine${++n}.bsky.social`,
    displayName: 'Gjykata Themelore Prishtinë',
    description: 'Llogaria zyrtare e gjykatës',
    website: 'https://prishtine.gjyqesori-rks.org',
    chatAllowed: init.chatAllowed,
  });
  return {
    accountId: randomUUID(),
    platform: 'bluesky',
    externalId: a.did,
    handle: `@${a.handle}`,
    credentials: { serviceUrl: emu.url, identifier: a.handle, appPassword: a.appPassword },
  };
}

function harness(): ConnectorHarness {
  return {
    connector: createBlueskyConnector({ timeoutMs: 400, allowHttpLoopback: true }),
    newAccount: async () => court(),
    async addComment(acc, c) {
      const who = emu.person(c.authorHandle, c.authorName);
      const r = c.postExternalId
        ? emu.post(who.did, { text: c.text, parentUri: `at://${acc.externalId}/app.bsky.feed.post/${c.postExternalId}` })
        : emu.post(who.did, { text: `${acc.handle} ${c.text}`, mentions: [acc.externalId] });
      return { externalId: r.uri };
    },
    async addMessage(acc, m) {
      const who = emu.person(m.senderHandle, m.senderName);
      return { conversationId: emu.message(who.did, acc.externalId, m.text).id };
    },
    countPosts: async (acc) => emu.countPosts(acc.externalId),
    inject: emulatorFaults(emu),
  };
}

const post = (key: string, text: string) => ({ idempotencyKey: key, text, media: [] });

describe('bluesky connector', () => {
  describe('connector contract (on the Bluesky emulator)', () => {
    connectorContract(harness);
  });

  const connector = () => createBlueskyConnector({ timeoutMs: 400, allowHttpLoopback: true });

  it('derives a TID-shaped record key from the idempotency key, so a restarted process finds and reuses the post', async () => {
    expect(rkeyFor('post-1:acc-1')).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(rkeyFor('post-1:acc-1')).toBe(rkeyFor('post-1:acc-1'));
    expect(rkeyFor('post-1:acc-1')).not.toBe(rkeyFor('post-2:acc-1'));
    const acc = court();
    const first = await connector().publish(acc, post('k', 'Njoftim'));
    expect(first.externalId).toBe(rkeyFor('k'));
    const restarted = connector();
    expect((await restarted.findByIdempotencyKey(acc, 'k'))?.externalId).toBe(first.externalId);
    expect((await restarted.publish(acc, post('k', 'Njoftim'))).externalId).toBe(first.externalId);
    expect(emu.countPosts(acc.externalId)).toBe(1);
    expect(first.url).toBe(`https://bsky.app/profile/${acc.handle.slice(1)}/post/${first.externalId}`);
  });

  it('counts 300 graphemes (an emoji or “ë” is one) and marks links and hashtags as facets in UTF-8 bytes', async () => {
    expect(graphemeLength('👩‍⚖️ë')).toBe(2);
    const text = 'Vendimi: https://gjyqesori-rks.org/v/1. #drejtësi';
    const facets = detectFacets(text);
    expect(facets).toEqual([
      { index: { byteStart: 9, byteEnd: 38 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://gjyqesori-rks.org/v/1' }] },
      { index: { byteStart: 40, byteEnd: 50 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'drejtësi' }] },
    ]);
    const acc = court();
    const ref = await connector().publish(acc, post('facets', text));
    const stored = emu.record(`at://${acc.externalId}/app.bsky.feed.post/${ref.externalId}`)!;
    expect(stored.value.facets).toEqual(facets);
    await connector().publish(acc, post('300', 'ë'.repeat(300)));
    await connector().publish(acc, post('emoji', '👩‍⚖️'.repeat(200)));
    const err = await thrown(connector().publish(acc, post('301', 'ë'.repeat(301))));
    expect(err.opts).toMatchObject({ code: 'text_too_long', retryable: false });
    expect(err.opts.platformMessage).toContain('300 graphemes');
  });

  it('uploads images as blobs with alt text; refuses images over 1 MB and mixed media in plain words', async () => {
    const acc = court();
    const ref = await connector().publish(acc, {
      idempotencyKey: 'img',
      text: 'Me foto',
      media: [{ kind: 'image', mime: 'image/jpeg', bytes: Buffer.from('jpeg'), altText: 'Salla e gjyqit' }],
    });
    const stored = emu.record(`at://${acc.externalId}/app.bsky.feed.post/${ref.externalId}`)!;
    expect(stored.value.embed).toMatchObject({
      $type: 'app.bsky.embed.images',
      images: [{ alt: 'Salla e gjyqit', image: { $type: 'blob', mimeType: 'image/jpeg' } }],
    });
    const big = await thrown(
      connector().publish(acc, {
        idempotencyKey: 'big',
        text: 'x',
        media: [{ kind: 'image', mime: 'image/jpeg', bytes: Buffer.alloc(1_000_001) }],
      }),
    );
    expect(big.opts.code).toBe('media_too_large');
    const mixed = await thrown(
      connector().publish(acc, {
        idempotencyKey: 'v',
        text: 'x',
        media: [
          { kind: 'video', mime: 'video/mp4', bytes: Buffer.from('v') },
          { kind: 'image', mime: 'image/jpeg', bytes: Buffer.from('j') },
        ],
      }),
    );
    expect(mixed.opts.code).toBe('too_many_media');
  });

  it('publishes a video through the video service with a service token, waiting for the job', async () => {
    const acc = court();
    const c = createBlueskyConnector({ allowHttpLoopback: true, videoServiceUrl: emu.url, videoPollMs: 5 });
    const ref = await c.publish(acc, {
      idempotencyKey: 'video',
      text: 'Seanca',
      media: [{ kind: 'video', mime: 'video/mp4', bytes: Buffer.from('mp4-bytes'), altText: 'Seanca publike' }],
    });
    const stored = emu.record(`at://${acc.externalId}/app.bsky.feed.post/${ref.externalId}`)!;
    expect(stored.value.embed).toMatchObject({
      $type: 'app.bsky.embed.video',
      alt: 'Seanca publike',
      video: { $type: 'blob', mimeType: 'video/mp4' },
    });
    const auth = emu.requests.find((r) => r.nsid === 'com.atproto.server.getServiceAuth');
    expect(auth).toBeTruthy();
    expect(emu.requests.filter((r) => r.nsid === 'app.bsky.video.getJobStatus').length).toBeGreaterThanOrEqual(2);
    // The same video again (another post): the service answers 409 with the finished job.
    const again = await c.publish(acc, {
      idempotencyKey: 'video-2',
      text: 'Seanca 2',
      media: [{ kind: 'video', mime: 'video/mp4', bytes: Buffer.from('mp4-bytes') }],
    });
    expect(emu.record(`at://${acc.externalId}/app.bsky.feed.post/${again.externalId}`)!.value.embed).toMatchObject({
      $type: 'app.bsky.embed.video',
    });
  });

  it('hides and unhides a reply through the thread’s threadgate; refuses in others’ threads; cannot delete others’ replies', async () => {
    const h = harness();
    const acc = await h.newAccount();
    const p = await h.connector.publish(acc, post('p', 'Njoftim'));
    const a = await h.addComment(acc, {
      postExternalId: p.externalId,
      authorHandle: '@troll.bsky.social',
      authorName: 'T',
      text: 'fyerje',
    });
    const b = await h.addComment(acc, {
      postExternalId: p.externalId,
      authorHandle: '@citizen.bsky.social',
      authorName: 'C',
      text: 'pyetje',
    });
    await h.connector.hideComment(acc, a.externalId, true);
    await h.connector.hideComment(acc, b.externalId, true);
    await h.connector.hideComment(acc, b.externalId, false);
    const gate = emu.record(`at://${acc.externalId}/app.bsky.feed.threadgate/${p.externalId}`)!;
    expect(gate.value).toMatchObject({ post: `at://${acc.externalId}/app.bsky.feed.post/${p.externalId}`, hiddenReplies: [a.externalId] });
    expect(gate.value.allow).toBeUndefined(); // hiding must not restrict who may reply
    const listed = (await h.connector.listComments(acc, {})).items;
    expect(listed.find((c) => c.externalId === a.externalId)?.hidden).toBe(true);
    expect(listed.find((c) => c.externalId === b.externalId)?.hidden).toBe(false);
    const other = court();
    const foreign = await connector().publish(other, post('x', 'tjetër'));
    const reply = emu.post(emu.person('@z.bsky.social', 'Z').did, {
      text: 'hi',
      parentUri: `at://${other.externalId}/app.bsky.feed.post/${foreign.externalId}`,
    });
    expect((await thrown(h.connector.hideComment(acc, reply.uri, true))).opts.code).toBe('forbidden');
    const del = await thrown(h.connector.deleteComment(acc, a.externalId));
    expect(del).toBeInstanceOf(UnsupportedByPlatformError);
    expect(del.message).toMatch(/hide the reply/);
  });

  it('refreshes an expired session without signing in again, and reports a wrong app password plainly', async () => {
    const acc = court();
    const c = connector();
    await c.getProfile(acc);
    emu.expireSessions(acc.externalId);
    await c.getProfile(acc);
    expect(emu.requests.filter((r) => r.nsid === 'com.atproto.server.createSession' && r.method === 'POST').length).toBeGreaterThan(0);
    expect(emu.requests.some((r) => r.nsid === 'com.atproto.server.refreshSession')).toBe(true);
    const wrong = await thrown(c.getProfile({ ...acc, credentials: { ...acc.credentials, appPassword: 'aaaa-bbbb-cccc-dddd' } }));
    expect(wrong.opts).toMatchObject({
      code: 'unauthorized',
      retryable: false,
      platformMessage: 'AuthenticationRequired: Invalid identifier or password',
    });
    const missing = await thrown(c.getProfile({ ...acc, credentials: { serviceUrl: emu.url } }));
    expect(missing.opts.code).toBe('not_connected');
    expect(missing.message).toMatch(/not connected/);
  });

  it('talks to the PDS named in the session’s DID document, and refuses http addresses outside tests', async () => {
    const acc = court();
    const seen: string[] = [];
    emu.pdsUrl = emu.url.replace('127.0.0.1', 'localhost');
    try {
      const c = createBlueskyConnector({
        allowHttpLoopback: true,
        fetch: async (url, init) => {
          const u = new URL(String(url));
          if (u.pathname.startsWith('/xrpc/')) seen.push(u.host);
          return fetch(url, init);
        },
      });
      await c.getProfile(acc);
    } finally {
      emu.pdsUrl = null;
    }
    expect(seen[0]).toMatch(/^127\.0\.0\.1:/);
    expect(seen.slice(1).every((h) => h.startsWith('localhost:'))).toBe(true);
    const local = await thrown(createBlueskyConnector().getProfile(acc));
    expect(local.opts.code).toBe('not_connected');
  });

  it('sends chat through the atproto-proxy header, and explains an app password without message access', async () => {
    const h = harness();
    const acc = await h.newAccount();
    const { conversationId } = await h.addMessage(acc, { senderHandle: '@pala.bsky.social', senderName: 'Pala', text: 'Ankesë' });
    await h.connector.sendMessage(acc, conversationId, 'E pranuam');
    expect(
      emu.requests
        .filter((r) => r.nsid.startsWith('chat.bsky.'))
        .every((r) => r.headers['atproto-proxy'] === 'did:web:api.bsky.chat#bsky_chat'),
    ).toBe(true);
    const noChat = court({ chatAllowed: false });
    const err = await thrown(connector().listMessages(noChat, {}));
    expect(err.opts.code).toBe('forbidden');
    expect(err.message).toMatch(/Allow access to your direct messages/);
  });

  it('reads the profile with the website and the picture', async () => {
    const acc = court();
    const p = await connector().getProfile(acc);
    expect(p).toMatchObject({
      displayName: 'Gjykata Themelore Prishtinë',
      handle: acc.handle,
      description: 'Llogaria zyrtare e gjykatës',
      website: 'https://prishtine.gjyqesori-rks.org',
    });
    expect(p.picture?.length).toBeGreaterThan(0);
  });
});
