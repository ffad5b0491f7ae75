import crypto from 'node:crypto';

/** A new random identifier (UUID v4). */
export function newId(): string {
  return crypto.randomUUID();
}

/** Now, as ISO-8601 UTC text with milliseconds: the one timestamp format stored everywhere. */
export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}

/** A URL-safe random token of `bytes` bytes. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** SHA-256 hex digest. */
export function sha256(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Constant-time comparison of two strings. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
