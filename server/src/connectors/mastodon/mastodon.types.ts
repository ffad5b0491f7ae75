/** The parts of Mastodon's REST entities the connector reads (see docs.joinmastodon.org/entities). */

export interface MastodonAccount {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  note: string;
  url: string;
  avatar?: string;
  avatar_static?: string;
  fields?: { name: string; value: string; verified_at?: string | null }[];
}

export interface MastodonStatus {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  url: string | null;
  uri: string;
  content: string;
  account: MastodonAccount;
  mentions: { id: string; username: string; acct: string; url: string }[];
}

export interface MastodonNotification {
  id: string;
  type: string;
  created_at: string;
  account: MastodonAccount;
  status?: MastodonStatus;
}

export interface MastodonContext {
  ancestors: MastodonStatus[];
  descendants: MastodonStatus[];
}

export interface MastodonMedia {
  id: string;
  type: string;
  url: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };

/** Mastodon sends status text and bios as HTML; the inbox shows plain text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? m;
    })
    .trim();
}

/** Drops the leading "@someone @other" a reply starts with, as the inbox shows who wrote it anyway. */
export function withoutLeadingMentions(text: string): string {
  return text.replace(/^(?:@[\w.-]+(?:@[\w.-]+)?\s+)+/, '').trim();
}
