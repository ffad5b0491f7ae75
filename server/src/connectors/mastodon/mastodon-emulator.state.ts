/**
 * The in-memory world of the Mastodon emulator: accounts, statuses, notifications, media, and how
 * Mastodon renders them (HTML content, snowflake ids, Link-header paging). Test-only.
 */

export interface EmuAccount {
  id: string;
  username: string;
  displayName: string;
  note: string;
  fields: { name: string; value: string }[];
  token: string | null;
  createdAt: string;
}

export interface EmuStatus {
  id: string;
  accountId: string;
  text: string;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  inReplyToId: string | null;
  inReplyToAccountId: string | null;
  mentionIds: string[];
  mediaIds: string[];
  createdAt: string;
  deletedAt: string | null;
}

export interface EmuNotification {
  id: string;
  accountId: string;
  type: 'mention';
  fromId: string;
  statusId: string;
  createdAt: string;
}

export interface EmuMedia {
  id: string;
  accountId: string;
  kind: 'image' | 'video' | 'gifv';
  description: string | null;
  /** Polls left before a video is processed. */
  pollsLeft: number;
}

let lastMs = 0;
let seq = 0;

/** Mastodon's time-based ids: milliseconds since 1970 shifted left 16 bits, plus a sequence. */
export function snowflake(at = Date.now()): string {
  if (at === lastMs) seq++;
  else {
    lastMs = at;
    seq = 0;
  }
  return ((BigInt(at) << 16n) | BigInt(seq & 0xffff)).toString();
}

export function cmp(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const URL_RE = /https?:\/\/[^\s<>"]+/g;
const MENTION_RE = /(^|[^\w@/])@([a-z0-9_]+)(?:@([a-z0-9.-]+\.[a-z]+))?/gi;

/** Mastodon's count: every URL is 23 characters, a remote mention counts only its username. */
export function countableLength(text: string): number {
  const t = text.replace(URL_RE, 'x'.repeat(23)).replace(MENTION_RE, (_m, pre: string, user: string) => `${pre}@${user}`);
  return [...t].length;
}

export function mentionedUsernames(text: string): string[] {
  return [...text.matchAll(MENTION_RE)].filter((m) => !m[3]).map((m) => m[2]!.toLowerCase());
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Renders status text the way Mastodon does: paragraphs, line breaks, linkified URLs and h-card mentions. */
export function renderContent(text: string, base: string, known: (username: string) => EmuAccount | undefined): string {
  const inline = (line: string) => {
    let out = '';
    let last = 0;
    const tokens = [...line.matchAll(new RegExp(`${URL_RE.source}|${MENTION_RE.source}`, 'gi'))];
    for (const m of tokens) {
      const whole = m[0];
      const start = m.index;
      if (whole.startsWith('http')) {
        out += escape(line.slice(last, start));
        const rest = whole.replace(/^https?:\/\//, '');
        const shown = rest.slice(0, 30);
        out +=
          `<a href="${escape(whole)}" target="_blank" rel="nofollow noopener" translate="no">` +
          `<span class="invisible">${escape(whole.slice(0, whole.length - rest.length))}</span>` +
          `<span class="${rest.length > 30 ? 'ellipsis' : ''}">${escape(shown)}</span>` +
          `<span class="invisible">${escape(rest.slice(30))}</span></a>`;
        last = start + whole.length;
        continue;
      }
      const pre = m[1] ?? '';
      const acc = m[3] ? undefined : known(m[2]!.toLowerCase());
      if (!acc) continue;
      out += escape(line.slice(last, start + pre.length));
      out += `<span class="h-card" translate="no"><a href="${base}/@${acc.username}" class="u-url mention">@<span>${acc.username}</span></a></span>`;
      last = start + whole.length;
    }
    return out + escape(line.slice(last));
  };
  return text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').map(inline).join('<br />')}</p>`)
    .join('');
}

/** Mastodon's paging over newest-first lists: `max_id`, `since_id`, `min_id` (forward), `limit`. */
export function paginate<T extends { id: string }>(
  all: T[],
  q: URLSearchParams,
  def: number,
  max: number,
): { items: T[]; link: { next?: string; prev?: string } } {
  const limit = Math.min(Math.max(Number(q.get('limit') ?? def) || def, 1), max);
  const maxId = q.get('max_id');
  const sinceId = q.get('since_id');
  const minId = q.get('min_id');
  let items = all.filter((i) => (!maxId || cmp(i.id, maxId) < 0) && (!sinceId || cmp(i.id, sinceId) > 0));
  if (minId) {
    items = items
      .filter((i) => cmp(i.id, minId) > 0)
      .sort((a, b) => cmp(a.id, b.id))
      .slice(0, limit)
      .reverse();
  } else {
    items = items.sort((a, b) => cmp(b.id, a.id)).slice(0, limit);
  }
  if (!items.length) return { items, link: {} };
  return { items, link: { next: items[items.length - 1]!.id, prev: items[0]!.id } };
}
