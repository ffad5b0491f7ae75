import crypto from 'node:crypto';

/** Header carrying `sha256=<hex HMAC-SHA256(secret, raw body)>` (the same shape as Meta's X-Hub-Signature-256). */
export const SIGNATURE_HEADER = 'x-courtdesk-signature';

/** How far an event's `sentAt` may be from our clock before it is refused as a replay (or a clock problem). */
export const REPLAY_WINDOW_MS = 5 * 60_000;

/** The signature header value for `body` (used by the sandbox's webhook sender and by tests). */
export function signBody(secret: string, body: Buffer | string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Verifies `header` against the HMAC-SHA256 of the RAW body bytes — never of re-serialised JSON,
 * which would differ in whitespace, key order or escapes. Constant-time compare; fails closed on
 * a missing, malformed or wrong-length header.
 */
export function verifySignature(secret: string, rawBody: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!m?.[1]) return false;
  const given = Buffer.from(m[1].toLowerCase(), 'hex');
  const expected = crypto.createHmac('sha256', secret).update(rawBody).digest();
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** Whether `sentAt` lies inside the replay window around `now`. Unparseable times are outside. */
export function withinReplayWindow(sentAt: string, now: Date = new Date(), windowMs = REPLAY_WINDOW_MS): boolean {
  const t = Date.parse(sentAt);
  return Number.isFinite(t) && Math.abs(now.getTime() - t) <= windowMs;
}
