import { describe, expect, it } from 'vitest';
import { signBody, verifySignature, withinReplayWindow } from './webhook.signature.js';

describe('webhook signatures', () => {
  const secret = 'a-webhook-secret';
  const raw = Buffer.from('{"id":"e1","type":"comment.created"}');

  it('accepts the HMAC of the exact raw bytes', () => {
    expect(verifySignature(secret, raw, signBody(secret, raw))).toBe(true);
  });

  it('refuses the same JSON re-serialised with other whitespace', () => {
    const reformatted = Buffer.from('{ "id": "e1", "type": "comment.created" }');
    expect(verifySignature(secret, reformatted, signBody(secret, raw))).toBe(false);
  });

  it('refuses a wrong secret, a missing, truncated or malformed header', () => {
    expect(verifySignature(secret, raw, signBody('other', raw))).toBe(false);
    expect(verifySignature(secret, raw, undefined)).toBe(false);
    expect(verifySignature(secret, raw, ['sha256=00'])).toBe(false);
    expect(verifySignature(secret, raw, signBody(secret, raw).slice(0, 40))).toBe(false);
    expect(verifySignature(secret, raw, 'md5=abc')).toBe(false);
    expect(verifySignature(secret, raw, `sha256=${'z'.repeat(64)}`)).toBe(false);
  });

  it('accepts upper-case hex (some platforms send it)', () => {
    expect(verifySignature(secret, raw, signBody(secret, raw).toUpperCase().replace('SHA256', 'sha256'))).toBe(true);
  });

  it('keeps a five-minute replay window and refuses unparseable times', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    expect(withinReplayWindow('2026-11-24T11:56:00Z', now)).toBe(true);
    expect(withinReplayWindow('2026-11-24T11:54:00Z', now)).toBe(false);
    expect(withinReplayWindow('2026-11-24T12:06:00Z', now)).toBe(false);
    expect(withinReplayWindow('yesterday', now)).toBe(false);
  });
});
