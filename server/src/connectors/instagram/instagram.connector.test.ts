import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids.js';
import { ConnectorError, UnsupportedByPlatformError, type AccountRef } from '../connector.js';
import { connectorContract, type ConnectorHarness } from '../contract.test-suite.js';
import { GraphEmulator } from '../meta/graph-emulator.js';
import { createInstagramConnector } from './instagram.connector.js';

/** The Instagram connector against the local Graph emulator, which also "hosts" the photos Meta fetches. */
const emu = new GraphEmulator();
beforeAll(async () => {
  await emu.start();
});
afterAll(() => emu.stop());

function connector() {
  return createInstagramConnector({
    graphUrl: emu.graphUrl,
    timeoutMs: 400,
    pollIntervalMs: 5,
    mediaHost: async (_a, m) => emu.hostMedia(m.bytes, m.mime),
  });
}

function newAccount(): AccountRef {
  const { igUserId, pageId, token } = emu.createInstagramAccount();
  return {
    accountId: newId(),
    platform: 'instagram',
    externalId: igUserId,
    handle: '@gjykata',
    credentials: { accessToken: token, pageId },
  };
}

describe('instagram connector', () => {
  describe('connector contract', () => {
    connectorContract((): ConnectorHarness => ({
      connector: connector(),
      newAccount: async () => newAccount(),
      addComment: async (acc, c) => ({
        externalId: emu.addComment(acc.externalId, {
          objectId: c.postExternalId,
          fromId: `igsid-${c.authorHandle}`,
          fromName: c.authorName,
          username: c.authorHandle.replace(/^@/, ''),
          message: c.text,
        }),
      }),
      addMessage: async (acc, m) => {
        emu.addMessage(acc.externalId, {
          fromId: `igsid-${m.senderHandle}`,
          fromName: m.senderName,
          username: m.senderHandle.replace(/^@/, ''),
          text: m.text,
        });
        return { conversationId: `igsid-${m.senderHandle}` };
      },
      countPosts: async (acc) => emu.countPosts(acc.externalId),
      inject: {
        rateLimited: async (acc, ms) => emu.inject(acc.externalId, { kind: 'rate_limited', retryAfterMs: ms }),
        serverError: async (acc) => emu.inject(acc.externalId, { kind: 'server_error' }),
        outage: async (acc, until) => emu.inject(acc.externalId, { kind: 'outage', until: Date.parse(until) }),
        // The write that makes a post public on Instagram is media_publish (the container before it is private).
        timeoutAfterWrite: async (acc) => emu.inject(acc.externalId, { kind: 'timeout_after_write', pathSuffix: '/media_publish' }),
        permanent: async (acc, message) => emu.inject(acc.externalId, { kind: 'permanent', message }),
        // Instagram's limit that bites is the publishing quota: count media_publish calls.
        budget: async (acc, calls, windowMs) => emu.setBudget(acc.externalId, calls, windowMs, 'publish'),
      },
    }));
  });

  it('says plainly that roles cannot be read, and the manifest agrees', async () => {
    const c = connector();
    expect(c.manifest.capabilities.listRoles).toBe(false);
    expect(c.manifest.capabilities.textPost).toBe(false);
    await expect(c.listRoles(newAccount())).rejects.toBeInstanceOf(UnsupportedByPlatformError);
  });

  it('refuses to publish without a media host, and a PNG, before calling Meta', async () => {
    const acc = newAccount();
    const before = emu.requests.length;
    const noHost = createInstagramConnector({ graphUrl: emu.graphUrl });
    const jpeg = { kind: 'image' as const, mime: 'image/jpeg', bytes: Buffer.from('ffd8ffd9', 'hex') };
    await expect(noHost.publish(acc, { idempotencyKey: 'a', text: 'x', media: [jpeg] })).rejects.toMatchObject({
      opts: { code: 'media_host_missing' },
    });
    await expect(
      connector().publish(acc, { idempotencyKey: 'b', text: 'x', media: [{ ...jpeg, mime: 'image/png' }] }),
    ).rejects.toBeInstanceOf(ConnectorError);
    expect(emu.requests.length).toBe(before);
  });

  it('publishes a carousel of several photos as one post', async () => {
    const acc = newAccount();
    const jpeg = { kind: 'image' as const, mime: 'image/jpeg', bytes: Buffer.from('ffd8ffd9', 'hex') };
    const ref = await connector().publish(acc, { idempotencyKey: 'carousel', text: 'Tri foto', media: [jpeg, jpeg, jpeg] });
    expect(ref.url).toContain(ref.externalId);
    expect(emu.countPosts(acc.externalId)).toBe(1);
  });

  it('needs the linked Page id for messages', async () => {
    const acc = { ...newAccount() };
    acc.credentials = { accessToken: acc.credentials.accessToken };
    await expect(connector().listMessages(acc, {})).rejects.toMatchObject({ opts: { code: 'not_connected' } });
  });
});
