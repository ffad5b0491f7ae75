import dns from 'node:dns/promises';
import net from 'node:net';

/**
 * Guard for server-side requests to addresses that people typed in (a Mastodon instance, a Bluesky PDS):
 * only https, and never an address on this machine or a private network (SSRF, THREAT-MODEL.md).
 * Operators who run a platform on their own network, and tests with local emulators, allow it explicitly.
 */
const blocked = new net.BlockList();
for (const [addr, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(addr, prefix, 'ipv4');
for (const [addr, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  blocked.addSubnet(addr, prefix, 'ipv6');

export class OutboundUrlError extends Error {
  constructor(message: string) {
    super(message);
  }
}

/** True for loopback, private, link-local, carrier-grade NAT, multicast and reserved addresses. */
export function isPrivateAddress(ip: string): boolean {
  const family = net.isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(ip, 'ipv6');
  }
  return true;
}

export interface OutboundPolicy {
  /** Allow http and private addresses (a platform on the operator's own network; tests). */
  allowPrivate?: boolean;
  /** Resolver, replaceable in tests. */
  lookup?: (host: string) => Promise<Array<{ address: string }>>;
}

/** Checks a typed-in base URL before the server calls it; throws OutboundUrlError in plain words. */
export async function assertPublicUrl(raw: string, policy: OutboundPolicy = {}): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundUrlError(`“${raw.slice(0, 200)}” is not a web address.`);
  }
  if (url.username || url.password) throw new OutboundUrlError('The address must not contain a user name or password.');
  if (policy.allowPrivate) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundUrlError('The address must start with https://.');
    return url;
  }
  if (url.protocol !== 'https:') throw new OutboundUrlError('The address must start with https://.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host)
    ? [{ address: host }]
    : await (policy.lookup ?? ((h) => dns.lookup(h, { all: true, verbatim: true })))(host).catch(() => {
        throw new OutboundUrlError(`The server ${host} cannot be found.`);
      });
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address)))
    throw new OutboundUrlError(`The server ${host} is on a private network or this machine; Courtdesk only calls public platforms.`);
  return url;
}

/**
 * `fetch` that first checks every address with `assertPublicUrl` (verdicts per host cached for five
 * minutes). For connectors whose base URL an officer typed in (Mastodon instance, Bluesky PDS).
 * A refused address answers as a network failure of the URL check, before any byte is sent.
 */
export function guardedFetch(fetchFn: typeof fetch, policy: OutboundPolicy = {}): typeof fetch {
  const verdicts = new Map<string, { ok: boolean; message: string; until: number }>();
  return async (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const host = new URL(raw).host;
    let v = verdicts.get(host);
    if (!v || v.until < Date.now()) {
      try {
        await assertPublicUrl(raw, policy);
        v = { ok: true, message: '', until: Date.now() + 300_000 };
      } catch (err) {
        v = { ok: false, message: err instanceof Error ? err.message : String(err), until: Date.now() + 300_000 };
      }
      verdicts.set(host, v);
    }
    if (!v.ok) throw new OutboundUrlError(v.message);
    return fetchFn(input, init);
  };
}
