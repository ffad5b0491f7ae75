import type { Page } from '../connector.js';
import type { MastodonStatus } from './mastodon.types.js';

/**
 * Comments and messages on Mastodon come from two timelines: mentions of the account by others
 * (`GET /api/v1/notifications?types[]=mention`) and the account's own statuses (its replies and
 * direct messages, `GET /api/v1/accounts/:id/statuses`). Both are paged forward with `min_id`; one
 * opaque cursor carries both positions, and a page merges them oldest first without skipping any.
 */
export const FEED_PAGE = 40;

export interface FeedItem {
  /** Id in its own timeline (a notification id or a status id), for the cursor. */
  id: string;
  status: MastodonStatus;
}

export interface FeedSource {
  /** Up to FEED_PAGE items right after `minId`, in any order. */
  fetch(minId: string): Promise<FeedItem[]>;
}

interface Cursor {
  n: string;
  s: string;
}

export function encodeFeedCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeFeedCursor(cursor: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
    return typeof c.n === 'string' && typeof c.s === 'string' ? { n: c.n, s: c.s } : null;
  } catch {
    return null;
  }
}

/** Compares Mastodon ids (numeric strings of any length). */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Status ids are time-based (milliseconds << 16): the largest id a status created at `iso` can have. */
export function statusIdAt(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '0' : ((BigInt(ms) << 16n) | 0xffffn).toString();
}

/** One merged page of both timelines; `keep` filters what is shown, every item moves the cursor. */
export async function mergedPage<T>(
  sources: { mentions: FeedSource; own: FeedSource },
  cursor: Cursor,
  keep: (item: FeedItem, from: 'mentions' | 'own') => T | null,
): Promise<Page<T>> {
  const [n, s] = await Promise.all([sources.mentions.fetch(cursor.n), sources.own.fetch(cursor.s)]);
  const byTime = (a: FeedItem, b: FeedItem) => a.status.created_at.localeCompare(b.status.created_at) || compareIds(a.id, b.id);
  n.sort(byTime);
  s.sort(byTime);
  // A full page may hide older items of the *other* timeline's period: emit only up to the earliest
  // newest-item of the full pages, so nothing later is shown before something earlier.
  const fullEnds = [n, s].filter((l) => l.length >= FEED_PAGE).map((l) => l[l.length - 1]!.status.created_at);
  const cutoff = fullEnds.length ? fullEnds.sort()[0]! : null;
  const take = (l: FeedItem[]) => (cutoff === null ? l : l.filter((i) => i.status.created_at <= cutoff));
  const tn = take(n);
  const ts = take(s);
  const maxId = (l: FeedItem[], from: string) => l.reduce((m, i) => (compareIds(i.id, m) > 0 ? i.id : m), from);
  const next: Cursor = { n: maxId(tn, cursor.n), s: maxId(ts, cursor.s) };
  const merged = [...tn.map((i) => ({ i, from: 'mentions' as const })), ...ts.map((i) => ({ i, from: 'own' as const }))].sort((a, b) =>
    byTime(a.i, b.i),
  );
  const items = merged.map(({ i, from }) => keep(i, from)).filter((x): x is T => x !== null);
  return { items, cursor: fullEnds.length ? encodeFeedCursor(next) : null };
}
