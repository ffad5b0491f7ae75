import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids.js';
import type { AccountRef } from '../connector.js';
import { connectorContract, type ConnectorHarness } from '../contract.test-suite.js';
import { thrown } from '../harness-kit.js';
import { GraphEmulator } from '../meta/graph-emulator.js';
import { createFacebookConnector } from './facebook.connector.js';

/** The Facebook connector against the local Graph emulator: no test reaches the internet. */
const emu = new GraphEmulator();
beforeAll(async () => {
  await emu.start();
});
afterAll(() => emu.stop());

function connector() {
  return createFacebookConnector({ graphUrl: emu.graphUrl, timeoutMs: 400 });
}

function newAccount(): AccountRef {
  const { pageId, token } = emu.createPage();
  return {
    accountId: newId(),
    platform: 'facebook',
    externalId: pageId,
    handle: '@gjthprishtine',
    credentials: { pageAccessToken: token },
  };
}

describe('facebook connector', () => {
  describe('connector contract', () => {
    connectorContract((): ConnectorHarness => ({
      connector: connector(),
      newAccount: async () => newAccount(),
      // On Facebook a person has no handle; their app-scoped id stands in for it, so "the public" uses it as id.
      addComment: async (acc, c) => ({
        externalId: emu.addComment(acc.externalId, {
          objectId: c.postExternalId,
          fromId: c.authorHandle,
          fromName: c.authorName,
          message: c.text,
        }),
      }),
      addMessage: async (acc, m) => {
        emu.addMessage(acc.externalId, { fromId: m.senderHandle, fromName: m.senderName, text: m.text });
        return { conversationId: m.senderHandle };
      },
      countPosts: async (acc) => emu.countPosts(acc.externalId),
      inject: {
        rateLimited: async (acc, ms) => emu.inject(acc.externalId, { kind: 'rate_limited', retryAfterMs: ms }),
        serverError: async (acc) => emu.inject(acc.externalId, { kind: 'server_error' }),
        outage: async (acc, until) => emu.inject(acc.externalId, { kind: 'outage', until: Date.parse(until) }),
        timeoutAfterWrite: async (acc) => emu.inject(acc.externalId, { kind: 'timeout_after_write' }),
        permanent: async (acc, message) => emu.inject(acc.externalId, { kind: 'permanent', message }),
        budget: async (acc, calls, windowMs) => emu.setBudget(acc.externalId, calls, windowMs),
      },
    }));
  });

  it('answers "not connected" in plain words, without calling Meta, when the account has no token', async () => {
    const before = emu.requests.length;
    const acc = { ...newAccount(), credentials: {} };
    const err = await thrown(connector().publish(acc, { idempotencyKey: 'k', text: 'x', media: [] }));
    expect(err.opts).toMatchObject({ code: 'not_connected', retryable: false });
    expect(err.message).toMatch(/not connected/);
    expect(emu.requests.length).toBe(before);
  });

  it('maps a revoked token (190/460) to not_connected and an expired one (190/463) to token_expired', async () => {
    const acc = newAccount();
    emu.revokeToken(acc.credentials.pageAccessToken as string, 460);
    expect((await thrown(connector().getProfile(acc))).opts).toMatchObject({ code: 'not_connected', retryable: false });
    const acc2 = newAccount();
    emu.inject(acc2.externalId, { kind: 'invalid_token', subcode: 463 });
    const err = await thrown(connector().getProfile(acc2));
    expect(err.opts).toMatchObject({ code: 'token_expired', retryable: false });
    expect(err.opts.platformMessage).toContain('code 190, subcode 463');
  });

  it('refuses a reply outside the 24-hour messaging window, permanently', async () => {
    const acc = newAccount();
    const conv = emu.addMessage(acc.externalId, { fromId: 'psid-1', fromName: 'A Party', text: 'Përshëndetje' });
    emu.ageConversation(conv, 25 * 3_600_000);
    const err = await thrown(connector().sendMessage(acc, 'psid-1', 'Përgjigje'));
    expect(err.opts).toMatchObject({ code: 'outside_window', retryable: false });
  });

  it('lists messages of conversations active since `since` only, without reading older ones', async () => {
    const acc = newAccount();
    const old = emu.addMessage(acc.externalId, { fromId: 'psid-old', fromName: 'Old', text: 'Mesazh i vjetër' });
    emu.ageConversation(old, 2 * 3_600_000);
    emu.addMessage(acc.externalId, { fromId: 'psid-new', fromName: 'New', text: 'Mesazh i ri' });
    const before = emu.requests.length;
    const page = await connector().listMessages(acc, { since: new Date(Date.now() - 3_600_000).toISOString() });
    expect(page.items.map((m) => [m.conversationId, m.text])).toEqual([['psid-new', 'Mesazh i ri']]);
    expect(page.cursor).toBeNull();
    expect(emu.requests.slice(before).some((r) => r.path.endsWith(`${old}/messages`))).toBe(false);
    expect((await connector().listMessages(acc, {})).items).toHaveLength(2);
  });

  it('publishes a photo with its caption to /photos and returns the post id', async () => {
    const acc = newAccount();
    const c = connector();
    const ref = await c.publish(acc, {
      idempotencyKey: 'photo',
      text: 'Dita e dyerve të hapura',
      media: [{ kind: 'image', mime: 'image/jpeg', bytes: Buffer.from('ffd8ffd9', 'hex') }],
    });
    expect(ref.externalId.startsWith(`${acc.externalId}_`)).toBe(true);
    expect(emu.countPosts(acc.externalId)).toBe(1);
    expect(emu.requests.at(-1)).toMatchObject({ method: 'POST', path: `/v25.0/${acc.externalId}/photos` });
  });

  it('reports Meta unreachable (connection refused) as retryable and not applied', async () => {
    const closed = new GraphEmulator();
    await closed.start();
    const url = closed.graphUrl;
    await closed.stop();
    const c = createFacebookConnector({ graphUrl: url, timeoutMs: 1000 });
    const err = await thrown(c.publish(newAccount(), { idempotencyKey: 'down', text: 'x', media: [] }));
    expect(err.opts).toMatchObject({ code: 'unavailable', retryable: true, maybeApplied: false });
  });

  it('reads the Page roles as admin/editor/moderator', async () => {
    const roles = await connector().listRoles(newAccount());
    expect(roles).toEqual([expect.objectContaining({ name: 'Responsible Officer', role: 'admin' })]);
  });
});
