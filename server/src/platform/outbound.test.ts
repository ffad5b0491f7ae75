import { describe, expect, it } from 'vitest';
import { assertPublicUrl, isPrivateAddress, OutboundUrlError } from './outbound.js';

const resolvesTo =
  (...ips: string[]) =>
  async () =>
    ips.map((address) => ({ address }));

describe('outbound URL guard (SSRF)', () => {
  it('tells private and reserved addresses from public ones', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['1.1.1.1', '93.184.216.34', '2606:4700::1111', '172.32.0.1']) expect(isPrivateAddress(ip), ip).toBe(false);
    expect(isPrivateAddress('not-an-ip')).toBe(true);
  });

  it('accepts a public https address', async () => {
    const url = await assertPublicUrl('https://mastodon.social/', { lookup: resolvesTo('151.101.1.1') });
    expect(url.hostname).toBe('mastodon.social');
  });

  it('refuses http, credentials, garbage, unknown hosts and names that resolve inside', async () => {
    const refused = (raw: string, lookup = resolvesTo('151.101.1.1')) =>
      expect(assertPublicUrl(raw, { lookup })).rejects.toBeInstanceOf(OutboundUrlError);
    await refused('http://mastodon.social');
    await refused('https://user:pw@mastodon.social');
    await refused('not a url');
    await refused('file:///etc/passwd');
    await refused('https://127.0.0.1:8080');
    await refused('https://[::1]/');
    await refused('https://metadata.internal', resolvesTo('169.254.169.254'));
    // One private address among public ones is enough to refuse (DNS rebinding).
    await refused('https://mixed.example', resolvesTo('151.101.1.1', '10.0.0.5'));
    await refused('https://nowhere.example', async () => {
      throw new Error('ENOTFOUND');
    });
  });

  it('allows a local platform only when the operator says so', async () => {
    await expect(assertPublicUrl('http://127.0.0.1:9999', { allowPrivate: true })).resolves.toBeInstanceOf(URL);
    await expect(assertPublicUrl('ftp://127.0.0.1', { allowPrivate: true })).rejects.toBeInstanceOf(OutboundUrlError);
  });
});
