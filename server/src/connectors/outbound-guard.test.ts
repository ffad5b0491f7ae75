import { describe, expect, it, vi } from 'vitest';
import { ConnectorError, type AccountRef } from './connector.js';
import { createBlueskyConnector } from './bluesky/index.js';
import { createMastodonConnector } from './mastodon/index.js';

/** Officers type in the Mastodon instance and the Bluesky service: the server must never call inside (SSRF). */
describe('connectors with typed-in addresses refuse this machine and private networks', () => {
  const ref = (platform: 'mastodon' | 'bluesky', credentials: Record<string, unknown>): AccountRef => ({
    accountId: `acc-${platform}`,
    platform,
    externalId: 'court',
    handle: 'court',
    credentials,
  });

  for (const address of ['https://127.0.0.1:8443', 'https://10.0.0.5', 'https://[::1]', 'https://169.254.169.254'])
    it(`refuses ${address} before sending anything`, async () => {
      const fetchSpy = vi.fn(async () => new Response('{}'));
      const mastodon = createMastodonConnector({ fetch: fetchSpy });
      const bluesky = createBlueskyConnector({ fetch: fetchSpy });
      const calls = [
        mastodon.getProfile(ref('mastodon', { instanceUrl: address, accessToken: 'secret-token' })),
        bluesky.getProfile(ref('bluesky', { serviceUrl: address, identifier: 'court.example', appPassword: 'abcd-efgh-ijkl-mnop' })),
      ];
      for (const call of calls) {
        const err = await call.catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConnectorError);
        expect((err as ConnectorError).opts).toMatchObject({ retryable: false, code: 'not_connected' });
      }
      expect(fetchSpy).not.toHaveBeenCalled();
    });
});
