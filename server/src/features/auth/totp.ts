import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import crypto from 'node:crypto';
import { sha256 } from '../../platform/ids.js';

const PERIOD = 30;

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: 'Courtdesk', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** A new random TOTP secret (160 bits, base32) with its otpauth:// URL and a QR code as a data URL. */
export async function newTotpEnrolment(label: string): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  const secret = new Secret({ size: 20 }).base32;
  const otpauthUrl = totpFor(secret, label).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
  return { secret, otpauthUrl, qrDataUrl };
}

/**
 * Checks a 6-digit code (RFC 6238, ±1 step of clock skew). Returns the time step it matched,
 * so the caller can refuse a replay of the same or an older step.
 */
export function matchTotp(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, 'x').validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD) + delta;
}

/** The current code for a secret (for tests and the CLI). */
export function currentTotp(secretBase32: string, now = Date.now()): string {
  return totpFor(secretBase32, 'x').generate({ timestamp: now });
}

/** Ten single-use recovery codes; only their hashes are stored. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => {
    const raw = crypto.randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

export function hashRecoveryCode(code: string): string {
  return sha256(code.trim().toLowerCase().replace(/\s+/g, ''));
}
