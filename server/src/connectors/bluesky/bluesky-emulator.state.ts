import { createHash, randomBytes } from 'node:crypto';

/** The in-memory world of the Bluesky emulator: accounts, repositories, chat. Test-only. */

export interface EmuAccount {
  did: string;
  handle: string;
  appPassword: string;
  /** The app password was created with "Allow access to your direct messages". */
  chatAllowed: boolean;
  displayName: string;
  description: string;
  website: string | null;
}

export interface EmuRecord {
  uri: string;
  cid: string;
  value: Record<string, unknown>;
  indexedAt: string;
}

export interface EmuConvo {
  id: string;
  members: string[];
  messages: { id: string; senderDid: string; text: string; sentAt: string }[];
}

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
let lastUs = 0n;

/** A fresh TID (what a PDS picks for createRecord without rkey): microseconds and a clock id, base32-sortable. */
export function tid(): string {
  let us = BigInt(Date.now()) * 1000n;
  if (us <= lastUs) us = lastUs + 1n;
  lastUs = us;
  let s = '';
  for (let v = us; v > 0n; v /= 32n) s = S32[Number(v % 32n)]! + s;
  return `${s.padStart(11, '2')}22`;
}

export function cidOf(value: unknown): string {
  const h = createHash('sha256').update(JSON.stringify(value)).digest();
  let s = '';
  for (const b of h.subarray(0, 30)) s += S32[b % 32];
  return `bafyrei${s}`;
}

export function newDid(): string {
  return `did:plc:${randomBytes(12).toString('hex').slice(0, 24)}`;
}

/** Newest-first paging with an opaque cursor holding the last key handed out (XRPC style). */
export function pageDesc<T>(all: T[], keyOf: (t: T) => string, q: URLSearchParams, def = 50): { items: T[]; cursor?: string } {
  const limit = Math.min(Math.max(Number(q.get('limit') ?? def) || def, 1), 100);
  const after = q.get('cursor');
  const reverse = q.get('reverse') === 'true';
  const sorted = [...all].sort((a, b) => (reverse ? 1 : -1) * keyOf(a).localeCompare(keyOf(b)));
  const rest = after ? sorted.filter((t) => (reverse ? keyOf(t) > after : keyOf(t) < after)) : sorted;
  const items = rest.slice(0, limit);
  return { items, ...(rest.length > limit ? { cursor: keyOf(items[items.length - 1]!) } : {}) };
}

/** The grapheme count Bluesky validates post text with. */
export function graphemes(text: string): number {
  let n = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n++;
  return n;
}
