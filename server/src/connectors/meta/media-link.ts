import crypto from 'node:crypto';
import type { MediaHost } from '../instagram/instagram.connector.js';

/**
 * Instagram fetches each photo from a public URL. Courtdesk serves the stored (metadata-stripped)
 * photo under `/public/connector-media/<sha256>?exp=…&sig=…`: a link that names the bytes by their
 * hash, expires after an hour and is signed with a key derived from SECRET_KEY, so nobody can list
 * or guess the media library through it.
 */
export const MEDIA_LINK_TTL_MS = 60 * 60_000;

export function mediaLinkKey(secretKey: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secretKey, 'courtdesk', 'connector-media-link', 32));
}

function signature(key: Buffer, sha: string, exp: number): string {
  return crypto.createHmac('sha256', key).update(`${sha}.${exp}`).digest('base64url');
}

/** Whether a link's signature is ours and it has not expired. */
export function verifyMediaLink(key: Buffer, sha: string, exp: number, sig: string, now = Date.now()): boolean {
  if (!Number.isFinite(exp) || exp < now) return false;
  const a = Buffer.from(signature(key, sha, exp));
  const b = Buffer.from(sig);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The media host for the Instagram connector, or undefined when Courtdesk has no public address. */
export function publicMediaHost(cfg: { secretKey: string; publicUrl: string | null }): MediaHost | undefined {
  if (!cfg.publicUrl) return undefined;
  const key = mediaLinkKey(cfg.secretKey);
  const base = cfg.publicUrl.replace(/\/+$/, '');
  return async (_account, media) => {
    const sha = crypto.createHash('sha256').update(media.bytes).digest('hex');
    const exp = Date.now() + MEDIA_LINK_TTL_MS;
    return `${base}/public/connector-media/${sha}?exp=${exp}&sig=${signature(key, sha, exp)}`;
  };
}
