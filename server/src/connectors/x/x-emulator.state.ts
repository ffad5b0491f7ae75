import { createHash } from 'node:crypto';

/** The in-memory world of the X emulator and how X renders it. Test-only. */

export interface EmuUser {
  id: string;
  username: string;
  name: string;
  description: string;
  location: string;
  url: string;
  token: string | null;
}

export interface EmuTweet {
  id: string;
  authorId: string;
  text: string;
  createdAt: string;
  conversationId: string;
  inReplyToUserId: string | null;
  repliedToId: string | null;
  mediaKeys: string[];
  replySettings: string;
  deleted: boolean;
  hidden: boolean;
}

export interface EmuDm {
  id: string;
  conversationId: string;
  senderId: string;
  text: string;
  createdAt: string;
}

export interface EmuMedia {
  id: string;
  userId: string;
  category: string;
  bytes: number;
  totalBytes: number;
  polls: number;
  altText: string | null;
}

const EPOCH = 1288834974657n;
let lastMs = 0n;
let seq = 0n;

/** X's snowflake ids: milliseconds since 2010-11-04 shifted 22 bits, then worker and sequence bits. */
export function snowflake(): string {
  const ms = BigInt(Date.now());
  if (ms === lastMs) seq++;
  else {
    lastMs = ms;
    seq = 0n;
  }
  return (((ms - EPOCH) << 22n) | (seq & 0xfffn)).toString();
}

export function cmp(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** X's timestamps are whole seconds. */
export function xNow(): string {
  return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
}

export function tco(url: string): string {
  return `https://t.co/${createHash('sha256').update(url).digest('base64url').slice(0, 10)}`;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A post as X returns it: links wrapped in t.co, media links appended, `&<>` escaped, entities listed. */
export function renderTweet(t: EmuTweet, mention: (username: string) => EmuUser | undefined): Record<string, unknown> {
  const urls: Record<string, unknown>[] = [];
  let text = '';
  let last = 0;
  for (const m of t.text.matchAll(/https?:\/\/\S+/g)) {
    text += escapeText(t.text.slice(last, m.index));
    const short = tco(m[0]);
    urls.push({
      start: [...text].length,
      end: [...text].length + short.length,
      url: short,
      expanded_url: m[0],
      display_url: m[0].replace(/^https?:\/\//, '').slice(0, 25),
    });
    text += short;
    last = m.index + m[0].length;
  }
  text += escapeText(t.text.slice(last));
  for (const key of t.mediaKeys) {
    const short = tco(`media:${key}`);
    text += ` ${short}`;
    urls.push({
      start: [...text].length - short.length,
      end: [...text].length,
      url: short,
      expanded_url: `https://x.com/i/web/status/${t.id}/photo/1`,
      media_key: key,
    });
  }
  const mentions = [...t.text.matchAll(/@(\w{1,15})/g)]
    .map((m) => ({ m, u: mention(m[1]!) }))
    .filter((x) => x.u)
    .map(({ m, u }) => ({ start: m.index, end: m.index + m[0].length, username: u!.username, id: u!.id }));
  return {
    id: t.id,
    text,
    author_id: t.authorId,
    created_at: t.createdAt,
    conversation_id: t.conversationId,
    ...(t.inReplyToUserId ? { in_reply_to_user_id: t.inReplyToUserId } : {}),
    ...(t.repliedToId ? { referenced_tweets: [{ type: 'replied_to', id: t.repliedToId }] } : {}),
    ...(urls.length || mentions.length ? { entities: { ...(urls.length ? { urls } : {}), ...(mentions.length ? { mentions } : {}) } } : {}),
    ...(t.mediaKeys.length ? { attachments: { media_keys: t.mediaKeys } } : {}),
    reply_settings: t.replySettings,
    edit_history_tweet_ids: [t.id],
  };
}

export function renderUser(u: EmuUser, base: string, full = false): Record<string, unknown> {
  const out: Record<string, unknown> = { id: u.id, name: u.name, username: u.username };
  if (!full) return out;
  return {
    ...out,
    description: escapeText(u.description),
    location: u.location,
    url: u.url ? tco(u.url) : '',
    profile_image_url: `${base}/profile_images/${u.id}/photo_normal.jpg`,
    ...(u.url
      ? {
          entities: {
            url: { urls: [{ start: 0, end: 23, url: tco(u.url), expanded_url: u.url, display_url: u.url.replace(/^https?:\/\//, '') }] },
          },
        }
      : {}),
  };
}

/** X's list paging: newest first, `max_results`, opaque `pagination_token`, `since_id`/`until_id`, `start_time`/`end_time`. */
export function paginate<T extends { id: string; createdAt: string }>(
  all: T[],
  q: URLSearchParams,
  range: { min: number; max: number; def: number },
): { items: T[]; meta: Record<string, unknown> } | { error: string } {
  const max = Number(q.get('max_results') ?? range.def);
  if (!Number.isInteger(max) || max < range.min || max > range.max) {
    return { error: `The \`max_results\` query parameter value [${q.get('max_results')}] is not between ${range.min} and ${range.max}` };
  }
  const since = q.get('since_id');
  const until = q.get('until_id');
  const start = q.get('start_time');
  const end = q.get('end_time');
  const token = q.get('pagination_token');
  const below = token ? Buffer.from(token, 'base64url').toString('utf8') : null;
  const sorted = all
    .filter(
      (i) =>
        (!since || cmp(i.id, since) > 0) &&
        (!until || cmp(i.id, until) < 0) &&
        (!start || i.createdAt >= new Date(start).toISOString()) &&
        (!end || i.createdAt < new Date(end).toISOString()) &&
        (!below || cmp(i.id, below) < 0),
    )
    .sort((a, b) => cmp(b.id, a.id));
  const items = sorted.slice(0, max);
  const meta: Record<string, unknown> = { result_count: items.length };
  if (items.length) {
    meta.newest_id = items[0]!.id;
    meta.oldest_id = items[items.length - 1]!.id;
  }
  if (sorted.length > max) meta.next_token = Buffer.from(items[items.length - 1]!.id).toString('base64url');
  return { items, meta };
}
