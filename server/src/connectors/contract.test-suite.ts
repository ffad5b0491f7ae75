import { expect, it } from 'vitest';
import { ConnectorError, UnsupportedByPlatformError, type AccountRef, type Connector, type MediaInput } from './connector.js';

/** The smallest JPEG: start and end markers around an empty JFIF header. */
const TINY_JPEG: MediaInput = {
  kind: 'image',
  mime: 'image/jpeg',
  bytes: Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
  altText: 'Logo e gjykatës',
};

/**
 * What a test harness provides so the contract suite can play "the public" and "the platform" around
 * a connector: for the sandbox these write its tables; for a real platform they stub its HTTP API.
 */
export interface ConnectorHarness {
  connector: Connector;
  /** A fresh account for each call, so tests never see each other's posts. */
  newAccount(): Promise<AccountRef>;
  addComment(
    account: AccountRef,
    c: { postExternalId: string | null; authorHandle: string; authorName: string; text: string },
  ): Promise<{ externalId: string }>;
  addMessage(account: AccountRef, m: { senderHandle: string; senderName: string; text: string }): Promise<{ conversationId: string }>;
  /** How many live (not deleted) posts the platform holds for the account. */
  countPosts(account: AccountRef): Promise<number>;
  /** Faults, when the harness can inject them (a real platform's stub can). */
  inject?: {
    rateLimited(account: AccountRef, retryAfterMs: number): Promise<void>;
    serverError(account: AccountRef): Promise<void>;
    outage(account: AccountRef, untilIso: string): Promise<void>;
    timeoutAfterWrite(account: AccountRef): Promise<void>;
    permanent(account: AccountRef, message: string): Promise<void>;
    budget(account: AccountRef, calls: number, windowMs: number): Promise<void>;
  };
}

async function thrown(p: Promise<unknown>): Promise<ConnectorError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ConnectorError);
    return err as ConnectorError;
  }
  throw new Error('expected the call to throw a ConnectorError');
}

/**
 * The behaviour every connector promises, whatever the platform. Call inside a `describe` with a
 * harness factory (run once per test). Methods a platform does not support must throw
 * `UnsupportedByPlatformError`, and the manifest must say so.
 */
export function connectorContract(makeHarness: () => ConnectorHarness): void {
  let current: Connector | null = null;
  const harness = (): ConnectorHarness => {
    const h = makeHarness();
    current = h.connector;
    return h;
  };
  // A platform without text-only posts (Instagram) gets one small photo with each post.
  const input = (key: string, text = 'Gjykata Themelore njofton publikun. / Osnovni sud obaveštava javnost.') => ({
    idempotencyKey: key,
    text,
    media: current?.manifest.capabilities.textPost === false ? [TINY_JPEG] : [],
  });

  it('refuses a text-only post as unsupported when the manifest says the platform has none', async () => {
    const h = harness();
    if (h.connector.manifest.capabilities.textPost) return;
    const acc = await h.newAccount();
    const err = await thrown(h.connector.publish(acc, { idempotencyKey: 'text-only', text: 'Vetëm tekst', media: [] }));
    expect(err).toBeInstanceOf(UnsupportedByPlatformError);
    expect(err.retryable).toBe(false);
    expect(await h.countPosts(acc)).toBe(0);
  });

  it('publishes and returns the platform id, a URL and the time', async () => {
    const h = harness();
    const acc = await h.newAccount();
    const ref = await h.connector.publish(acc, input('k-1'));
    expect(ref.externalId).toBeTruthy();
    expect(ref.url).toContain(ref.externalId);
    expect(Date.parse(ref.publishedAt)).not.toBeNaN();
    expect(await h.countPosts(acc)).toBe(1);
  });

  it('never creates twice for the same idempotency key, even concurrently', async () => {
    const h = harness();
    const acc = await h.newAccount();
    const [a, b] = await Promise.all([h.connector.publish(acc, input('same')), h.connector.publish(acc, input('same'))]);
    const c = await h.connector.publish(acc, input('same'));
    expect(new Set([a.externalId, b.externalId, c.externalId]).size).toBe(1);
    expect(await h.countPosts(acc)).toBe(1);
    await h.connector.publish(acc, input('other'));
    expect(await h.countPosts(acc)).toBe(2);
  });

  it('finds a post by its idempotency key, and answers null for an unknown key', async () => {
    const h = harness();
    const acc = await h.newAccount();
    expect(await h.connector.findByIdempotencyKey(acc, 'nothing')).toBeNull();
    const ref = await h.connector.publish(acc, input('find-me'));
    expect((await h.connector.findByIdempotencyKey(acc, 'find-me'))?.externalId).toBe(ref.externalId);
  });

  it('keeps accounts apart: a key on one account does not exist on another', async () => {
    const h = harness();
    const a = await h.newAccount();
    const b = await h.newAccount();
    await h.connector.publish(a, input('k'));
    expect(await h.connector.findByIdempotencyKey(b, 'k')).toBeNull();
    await h.connector.publish(b, input('k'));
    expect(await h.countPosts(a)).toBe(1);
    expect(await h.countPosts(b)).toBe(1);
  });

  it('deletes a post (twice is harmless), and refuses to delete one that never existed', async () => {
    const h = harness();
    const acc = await h.newAccount();
    const ref = await h.connector.publish(acc, input('del'));
    await h.connector.deletePost(acc, ref.externalId);
    await h.connector.deletePost(acc, ref.externalId);
    expect(await h.countPosts(acc)).toBe(0);
    const err = await thrown(h.connector.deletePost(acc, 'no-such-post'));
    expect(err.retryable).toBe(false);
  });

  it('refuses text over the manifest limit, permanently and with the platform’s words', async () => {
    const h = harness();
    const acc = await h.newAccount();
    const err = await thrown(h.connector.publish(acc, input('long', 'x'.repeat(h.connector.manifest.limits.maxTextLength + 1))));
    expect(err.retryable).toBe(false);
    expect(err.opts.platformMessage).toBeTruthy();
    expect(await h.countPosts(acc)).toBe(0);
  });

  it('lists, hides, replies to and deletes comments', async () => {
    const h = harness();
    if (!h.connector.manifest.capabilities.listComments) return;
    const acc = await h.newAccount();
    const post = await h.connector.publish(acc, input('with-comments'));
    const c = await h.addComment(acc, {
      postExternalId: post.externalId,
      authorHandle: '@citizen',
      authorName: 'A Citizen',
      text: 'Kur fillon seanca?',
    });
    let page = await h.connector.listComments(acc, {});
    const listed = page.items.find((i) => i.externalId === c.externalId);
    expect(listed).toMatchObject({
      postExternalId: post.externalId,
      authorHandle: '@citizen',
      text: 'Kur fillon seanca?',
      hidden: false,
      fromAccount: false,
    });
    if (h.connector.manifest.capabilities.hideComment) {
      await h.connector.hideComment(acc, c.externalId, true);
      page = await h.connector.listComments(acc, {});
      expect(page.items.find((i) => i.externalId === c.externalId)?.hidden).toBe(true);
    }
    if (h.connector.manifest.capabilities.replyComment) {
      const reply = await h.connector.replyToComment(acc, c.externalId, 'Faleminderit.');
      page = await h.connector.listComments(acc, {});
      expect(page.items.find((i) => i.externalId === reply.externalId)).toMatchObject({ fromAccount: true, text: 'Faleminderit.' });
    }
    if (h.connector.manifest.capabilities.deleteComment) {
      await h.connector.deleteComment(acc, c.externalId);
      page = await h.connector.listComments(acc, {});
      expect(page.items.some((i) => i.externalId === c.externalId)).toBe(false);
      const err = await thrown(h.connector.hideComment(acc, c.externalId, false));
      expect(err.retryable).toBe(false);
    }
  });

  it('pages through comments with a cursor and filters by `since`', async () => {
    const h = harness();
    if (!h.connector.manifest.capabilities.listComments) return;
    const acc = await h.newAccount();
    for (let i = 0; i < 55; i++)
      await h.addComment(acc, { postExternalId: null, authorHandle: `@p${i}`, authorName: `P ${i}`, text: `comment ${i}` });
    const first = await h.connector.listComments(acc, {});
    expect(first.cursor).not.toBeNull();
    const second = await h.connector.listComments(acc, { cursor: first.cursor });
    const ids = new Set([...first.items, ...second.items].map((c) => c.externalId));
    expect(ids.size).toBe(55);
    expect(second.cursor).toBeNull();
    const last = second.items[second.items.length - 1]!;
    expect((await h.connector.listComments(acc, { since: last.createdAt })).items.length).toBe(0);
  });

  it('lists private messages and answers in the same conversation', async () => {
    const h = harness();
    if (!h.connector.manifest.capabilities.privateMessages) return;
    const acc = await h.newAccount();
    const { conversationId } = await h.addMessage(acc, { senderHandle: '@party', senderName: 'A Party', text: 'Dua të paraqes ankesë.' });
    const sent = await h.connector.sendMessage(acc, conversationId, 'Kjo është përgjigje automatike.');
    const page = await h.connector.listMessages(acc, {});
    // Two messages in the same millisecond may come in either order; compare as a set.
    const items = [...page.items].sort((a, b) => Number(a.fromAccount) - Number(b.fromAccount));
    expect(items.map((m) => [m.conversationId, m.fromAccount])).toEqual([
      [conversationId, false],
      [conversationId, true],
    ]);
    expect(items[1]?.externalId).toBe(sent.externalId);
    const err = await thrown(h.connector.sendMessage(acc, 'no-such-conversation', 'x'));
    expect(err.retryable).toBe(false);
  });

  it('reads the profile, the roles and the rate-limit state', async () => {
    const h = harness();
    const acc = await h.newAccount();
    const p = await h.connector.getProfile(acc);
    expect(typeof p.displayName).toBe('string');
    expect(typeof p.handle).toBe('string');
    if (h.connector.manifest.capabilities.listRoles) expect(Array.isArray(await h.connector.listRoles(acc))).toBe(true);
    const rl = await h.connector.rateLimit(acc);
    expect(rl.remaining === null || rl.remaining >= 0).toBe(true);
  });

  it('reports a 429 as retryable with the platform’s retry-after, and creates nothing', async () => {
    const h = harness();
    if (!h.inject) return;
    const acc = await h.newAccount();
    await h.inject.rateLimited(acc, 4000);
    const err = await thrown(h.connector.publish(acc, input('rl')));
    expect(err.retryable).toBe(true);
    expect(err.opts.code).toBe('rate_limited');
    expect(err.opts.retryAfterMs).toBe(4000);
    expect(await h.countPosts(acc)).toBe(0);
    await h.connector.publish(acc, input('rl'));
    expect(await h.countPosts(acc)).toBe(1);
  });

  it('spends a per-account budget and says when it resets', async () => {
    const h = harness();
    if (!h.inject) return;
    const acc = await h.newAccount();
    await h.inject.budget(acc, 2, 60_000);
    await h.connector.publish(acc, input('b1'));
    await h.connector.publish(acc, input('b2'));
    expect((await h.connector.rateLimit(acc)).remaining).toBe(0);
    const err = await thrown(h.connector.publish(acc, input('b3')));
    expect(err.opts.code).toBe('rate_limited');
    expect(err.opts.retryAfterMs).toBeGreaterThan(0);
    expect(err.opts.retryAfterMs).toBeLessThanOrEqual(60_000);
    const rl = await h.connector.rateLimit(acc);
    expect(Date.parse(rl.resetAt!)).toBeGreaterThan(Date.now());
  });

  it('reports 5xx and outages as retryable', async () => {
    const h = harness();
    if (!h.inject) return;
    const acc = await h.newAccount();
    await h.inject.serverError(acc);
    expect((await thrown(h.connector.publish(acc, input('s')))).retryable).toBe(true);
    await h.inject.outage(acc, new Date(Date.now() + 60_000).toISOString());
    expect((await thrown(h.connector.getProfile(acc))).retryable).toBe(true);
    expect((await thrown(h.connector.publish(acc, input('s')))).retryable).toBe(true);
    expect(await h.countPosts(acc)).toBe(0);
  });

  it('on a timeout after the write, says "maybe applied", and the post can be found by its key', async () => {
    const h = harness();
    if (!h.inject) return;
    const acc = await h.newAccount();
    await h.inject.timeoutAfterWrite(acc);
    const err = await thrown(h.connector.publish(acc, input('t')));
    expect(err.opts.maybeApplied).toBe(true);
    expect(await h.connector.findByIdempotencyKey(acc, 't')).not.toBeNull();
    await h.connector.publish(acc, input('t'));
    expect(await h.countPosts(acc)).toBe(1);
  });

  it('reports a permanent refusal with the platform’s own message', async () => {
    const h = harness();
    if (!h.inject) return;
    const acc = await h.newAccount();
    await h.inject.permanent(acc, '(#368) The action attempted has been deemed abusive');
    const err = await thrown(h.connector.publish(acc, input('p')));
    expect(err.retryable).toBe(false);
    expect(err.opts.platformMessage).toContain('deemed abusive');
  });
}
