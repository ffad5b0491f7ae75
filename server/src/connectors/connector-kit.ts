import type { PublishInput } from './connector.js';

/**
 * Small pieces of connector logic that several platforms share word for word: one flight per
 * publishing key, the text with its link, and a profile picture's bytes.
 */

/**
 * Calls for the same key while one is running share its outcome (the publishing worker runs one
 * attempt per target at a time across processes; this covers twins inside one process).
 */
export function singleFlight<T>(): (key: string, run: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key, run) => {
    const current = running.get(key);
    if (current) return current;
    const p = run().finally(() => running.delete(key));
    running.set(key, p);
    return p;
  };
}

/** The key of one publish: the account and the caller's idempotency key. */
export function flightKey(accountId: string, idempotencyKey: string): string {
  return `${accountId}\u0000${idempotencyKey}`;
}

/** The post's text, with its link appended when the text does not already contain it. */
export function composeText(input: PublishInput): string {
  return input.link && !input.text.includes(input.link) ? `${input.text}\n\n${input.link}` : input.text;
}

/** A picture's bytes, fetched without credentials; a failure leaves the picture unknown, not the profile. */
export async function pictureBytes(fetchFn: typeof fetch, url: string, timeoutMs: number): Promise<Buffer | null> {
  try {
    const res = await fetchFn(url, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok ? Buffer.from(await res.arrayBuffer()) : null;
  } catch {
    return null;
  }
}
