import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedByPlatformError, type AccountRef } from '../connector.js';
import { connectorContract, type ConnectorHarness } from '../contract.test-suite.js';
import { emulatorFaults, thrown } from '../harness-kit.js';
import { XEmulator } from './x-emulator.js';
import { createXConnector, memoryLedger, weightedLength } from './index.js';

let emu: XEmulator;
/** The shared suite posts the same text under several keys; X itself would refuse that (see XEmulatorOptions). */
let lenient: XEmulator;
let n = 0;

beforeAll(async () => {
  emu = await new XEmulator().start();
  lenient = await new XEmulator({ rejectDuplicateText: false }).start();
});
afterAll(async () => {
  await emu.close();
  await lenient.close();
});

function court(on: XEmulator): AccountRef {
  const u = on.createUser({
    username: `GjThPrishtine${++n}`,
    name: 'Gjykata Themelore Prishtinë',
    description: 'Llogaria zyrtare & e gjykatës',
    location: 'Rr. Agim Ramadani, Prishtinë',
    url: 'https://prishtine.gjyqesori-rks.org',
  });
  return { accountId: randomUUID(), platform: 'x', externalId: u.id, handle: `@${u.username}`, credentials: { accessToken: u.token } };
}

function harness(on: XEmulator): ConnectorHarness {
  return {
    connector: createXConnector({ baseUrl: on.url, timeoutMs: 400, mediaPollMs: 5 }),
    newAccount: async () => court(on),
    async addComment(acc, c) {
      const who = on.person(c.authorHandle, c.authorName);
      const t = on.postAs(who.id, { text: c.postExternalId ? c.text : `${acc.handle} ${c.text}`, replyTo: c.postExternalId });
      return { externalId: t.id };
    },
    async addMessage(acc, m) {
      const who = on.person(m.senderHandle, m.senderName);
      return { conversationId: on.dm(who.id, acc.externalId, m.text).conversationId };
    },
    countPosts: async (acc) => on.countPosts(acc.externalId),
    inject: emulatorFaults(on),
  };
}

const post = (key: string, text: string) => ({ idempotencyKey: key, text, media: [] });

describe('x connector', () => {
  describe('connector contract (on the X emulator, duplicate-text refusal off)', () => {
    connectorContract(() => harness(lenient));
  });

  const connector = () => createXConnector({ baseUrl: emu.url, timeoutMs: 400, mediaPollMs: 5 });

  it('counts text the way X does: links 23, emoji and CJK 2, Latin and Cyrillic 1', () => {
    expect(weightedLength('a'.repeat(280))).toBe(280);
    expect(weightedLength('Суд'.repeat(10))).toBe(30);
    expect(weightedLength('法'.repeat(140))).toBe(280);
    expect(weightedLength('👩‍⚖️')).toBe(2);
    expect(weightedLength(`Lexo: https://gjyqesori-rks.org/${'x'.repeat(200)}`)).toBe(6 + 23);
    expect(weightedLength('gjyqesori-rks.org')).toBe(23);
    expect(weightedLength('info@gjyqesori-rks.org')).toBe(22);
  });

  it('accepts a long link within 280, refuses 281 weighted characters before calling X', async () => {
    const acc = court(emu);
    const c = connector();
    await c.publish(acc, post('link', `${'a'.repeat(255)} https://gjyqesori-rks.org/${'x'.repeat(100)}`));
    const before = emu.requests.length;
    const err = await thrown(c.publish(acc, post('long', `${'ë'.repeat(140)}${'法'.repeat(71)}`)));
    expect(err.opts).toMatchObject({ code: 'text_too_long', retryable: false });
    expect(err.message).toContain('282 of 280');
    expect(emu.requests.length).toBe(before);
  });

  it('after a restart, a retried publish is resolved through X’s duplicate-text refusal, not posted twice', async () => {
    const acc = court(emu);
    const first = await connector().publish(acc, post('k', 'Seanca shtyhet për 12 dhjetor. https://gjyqesori-rks.org/njoftim?a=1&b=2'));
    const restarted = connector();
    expect(await restarted.findByIdempotencyKey(acc, 'k')).toBeNull();
    const again = await restarted.publish(acc, post('k', 'Seanca shtyhet për 12 dhjetor. https://gjyqesori-rks.org/njoftim?a=1&b=2'));
    expect(again.externalId).toBe(first.externalId);
    expect(emu.countPosts(acc.externalId)).toBe(1);
    // Another key with the same text is a real duplicate: X's refusal is reported as is.
    const dup = await thrown(
      restarted.publish(acc, post('other', 'Seanca shtyhet për 12 dhjetor. https://gjyqesori-rks.org/njoftim?a=1&b=2')),
    );
    expect(dup.opts).toMatchObject({
      code: 'duplicate',
      retryable: false,
      platformMessage: 'You are not allowed to create a Tweet with duplicate content.',
    });
  });

  it('with a ledger that survives restarts (the database one), a lost answer is found by its key in a new process', async () => {
    const acc = court(emu);
    const ledger = memoryLedger();
    emu.inject(acc.externalId, { kind: 'timeout_after_write' });
    const err = await thrown(
      createXConnector({ baseUrl: emu.url, timeoutMs: 300, ledger }).publish(acc, post('lost', 'Aktgjykimi u shpall sot.')),
    );
    expect(err.opts).toMatchObject({ code: 'timeout', retryable: true, maybeApplied: true });
    const restarted = createXConnector({ baseUrl: emu.url, ledger });
    const found = await restarted.findByIdempotencyKey(acc, 'lost');
    expect(found?.externalId).toBeTruthy();
    expect((await restarted.publish(acc, post('lost', 'Aktgjykimi u shpall sot.'))).externalId).toBe(found?.externalId);
    expect(emu.countPosts(acc.externalId)).toBe(1);
  });

  it('uploads images (with alt text) and a chunked video, and attaches them', async () => {
    const acc = court(emu);
    const ref = await connector().publish(acc, {
      idempotencyKey: 'img',
      text: 'Me foto',
      media: [{ kind: 'image', mime: 'image/jpeg', bytes: Buffer.from('jpeg'), altText: 'Salla e gjyqit' }],
    });
    const t = emu.tweets.get(ref.externalId)!;
    expect(t.mediaKeys).toHaveLength(1);
    expect([...emu.media.values()].some((m) => m.altText === 'Salla e gjyqit')).toBe(true);
    const video = await connector().publish(acc, {
      idempotencyKey: 'vid',
      text: 'Video',
      media: [{ kind: 'video', mime: 'video/mp4', bytes: Buffer.alloc(10_000) }],
    });
    expect(emu.tweets.get(video.externalId)?.mediaKeys).toHaveLength(1);
    expect(emu.requests.some((r) => r.path.includes('command=STATUS'))).toBe(true);
    const mixed = await thrown(
      connector().publish(acc, {
        idempotencyKey: 'mixed',
        text: 'x',
        media: [
          { kind: 'video', mime: 'video/mp4', bytes: Buffer.from('v') },
          { kind: 'image', mime: 'image/png', bytes: Buffer.from('p') },
        ],
      }),
    );
    expect(mixed.opts.code).toBe('too_many_media');
  });

  it('hides a reply on the court’s post; refuses outside its conversations; cannot delete others’ replies', async () => {
    const h = harness(emu);
    const acc = await h.newAccount();
    const p = await h.connector.publish(acc, post('p', 'Njoftim për seancën'));
    const reply = await h.addComment(acc, { postExternalId: p.externalId, authorHandle: '@troll', authorName: 'T', text: 'fyerje' });
    await h.connector.hideComment(acc, reply.externalId, true);
    expect(emu.tweets.get(reply.externalId)?.hidden).toBe(true);
    const listed = (await h.connector.listComments(acc, {})).items.find((c) => c.externalId === reply.externalId);
    expect(listed).toMatchObject({ hidden: true, postExternalId: p.externalId, text: 'fyerje', authorHandle: '@troll' });
    const elsewhere = await h.addComment(acc, { postExternalId: null, authorHandle: '@other', authorName: 'O', text: 'pyetje' });
    const err = await thrown(h.connector.hideComment(acc, elsewhere.externalId, true));
    expect(err.opts).toMatchObject({ code: 'forbidden', retryable: false });
    const del = await thrown(h.connector.deleteComment(acc, reply.externalId));
    expect(del).toBeInstanceOf(UnsupportedByPlatformError);
    expect(del.message).toMatch(/hide the reply instead/);
  });

  it('reports X’s "summoned" refusal when the commenter did not mention the court', async () => {
    const h = harness(emu);
    const acc = await h.newAccount();
    const stranger = emu.person('@stranger', 'S');
    const t = emu.postAs(stranger.id, { text: 'a post that does not mention the court' });
    const err = await thrown(h.connector.replyToComment(acc, t.id, 'Faleminderit'));
    expect(err.opts.code).toBe('forbidden');
    expect(err.opts.platformMessage).toMatch(/not been mentioned/);
  });

  it('maps 401, 402, usage caps and missing credentials to plain words', async () => {
    const acc = court(emu);
    const c = connector();
    emu.inject(acc.externalId, { kind: 'usage_capped' });
    const capped = await thrown(c.getProfile(acc));
    expect(capped.opts).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 5 * 60_000 });
    emu.inject(acc.externalId, { kind: 'out_of_credits' });
    expect((await thrown(c.getProfile(acc))).opts).toMatchObject({ code: 'out_of_credits', retryable: false });
    const missing = await thrown(c.getProfile({ ...acc, credentials: {} }));
    expect(missing.opts.code).toBe('not_connected');
    expect(missing.message).toMatch(/not connected/);
    emu.revokeToken(acc.externalId);
    expect((await thrown(c.getProfile(acc))).opts).toMatchObject({
      code: 'unauthorized',
      retryable: false,
      platformMessage: 'Unauthorized',
    });
  });

  it('reads the profile with the real website (not t.co), the location as address, and the large picture', async () => {
    const acc = court(emu);
    const p = await connector().getProfile(acc);
    expect(p).toMatchObject({
      displayName: 'Gjykata Themelore Prishtinë',
      handle: acc.handle,
      description: 'Llogaria zyrtare & e gjykatës',
      website: 'https://prishtine.gjyqesori-rks.org',
      address: 'Rr. Agim Ramadani, Prishtinë',
    });
    expect(p.picture?.length).toBeGreaterThan(0);
    expect(emu.requests.some((r) => r.path.includes('_400x400'))).toBe(true);
  });

  it('pages mentions and the court’s replies oldest first, across X’s newest-first pages', async () => {
    const h = harness(emu);
    const acc = await h.newAccount();
    for (let i = 0; i < 120; i++)
      await h.addComment(acc, { postExternalId: null, authorHandle: `@p${i}`, authorName: 'P', text: `m ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await h.connector.listComments(acc, { cursor });
      seen.push(...page.items.map((c) => c.text));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `m ${i}`));
  });

  it('sends reply_settings when configured', async () => {
    const acc = court(emu);
    const ref = await createXConnector({ baseUrl: emu.url, replySettings: 'mentionedUsers' }).publish(
      acc,
      post('rs', 'Vetëm të përmendurit'),
    );
    expect(emu.tweets.get(ref.externalId)?.replySettings).toBe('mentionedUsers');
  });
});
