import crypto from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) with a key derived from SECRET_KEY for one purpose.
 * A ciphertext that does not authenticate throws: fail closed.
 *
 * Key rotation: values are always sealed with the current key; `open` also accepts values sealed with
 * one of the previous keys (SECRET_KEY_PREVIOUS) so a server keeps working while
 * `courtdesk secrets rotate` re-seals everything with the new key (docs/OPERATIONS.md).
 */
export class SecretBox {
  private readonly key: Buffer;
  private readonly previous: Buffer[];

  constructor(secretKey: string, purpose: string, previousKeys: readonly string[] = []) {
    this.key = SecretBox.derive(secretKey, purpose);
    this.previous = previousKeys.filter((k) => k && k !== secretKey).map((k) => SecretBox.derive(k, purpose));
  }

  /** The box for a purpose under the configured current and previous keys. */
  static forConfig(config: { secretKey: string; previousSecretKeys?: readonly string[] }, purpose: string): SecretBox {
    return new SecretBox(config.secretKey, purpose, config.previousSecretKeys ?? []);
  }

  private static derive(secretKey: string, purpose: string): Buffer {
    return Buffer.from(crypto.hkdfSync('sha256', secretKey, 'courtdesk', purpose, 32));
  }

  seal(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    return this.openWithKey(sealed).plain;
  }

  /** Opens a value and says whether it was sealed with the current key (false: a previous one). */
  openWithKey(sealed: string): { plain: string; current: boolean } {
    const [v, iv, tag, body] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('Not a sealed value.');
    let firstError: unknown;
    for (const [i, key] of [this.key, ...this.previous].entries()) {
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
        return { plain, current: i === 0 };
      } catch (err) {
        firstError ??= err;
      }
    }
    throw firstError instanceof Error ? firstError : new Error('The sealed value does not authenticate.');
  }
}
