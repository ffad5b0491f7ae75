import { createHash } from 'node:crypto';

/** Bluesky counts post length in graphemes (what a reader sees as one character): at most 300. */
export const BLUESKY_MAX_GRAPHEMES = 300;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: ({ $type: 'app.bsky.richtext.facet#link'; uri: string } | { $type: 'app.bsky.richtext.facet#tag'; tag: string })[];
}

const LINK_RE = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'’]/g;
const TAG_RE = /(^|\s)#([^\s#.,;:!?)\]'’]{1,64})/gu;

/**
 * Links and hashtags as facets: Bluesky does not detect them in the text, the client must mark them,
 * with UTF-8 byte offsets (not string indexes).
 */
export function detectFacets(text: string): Facet[] {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  const facets: Facet[] = [];
  for (const m of text.matchAll(LINK_RE)) {
    const start = bytes(text.slice(0, m.index));
    facets.push({
      index: { byteStart: start, byteEnd: start + bytes(m[0]) },
      features: [{ $type: 'app.bsky.richtext.facet#link', uri: m[0] }],
    });
  }
  for (const m of text.matchAll(TAG_RE)) {
    const at = m.index + m[1]!.length;
    const start = bytes(text.slice(0, at));
    facets.push({
      index: { byteStart: start, byteEnd: start + bytes(`#${m[2]}`) },
      features: [{ $type: 'app.bsky.richtext.facet#tag', tag: m[2]! }],
    });
  }
  return facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
}

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
/** 2023-01-01 in microseconds: derived record keys fall in 2023–2024, before the posting time. */
const TID_BASE_US = BigInt(Date.UTC(2023, 0, 1)) * 1000n;

function s32(n: bigint, width: number): string {
  let s = '';
  for (let v = n; v > 0n; v /= 32n) s = S32[Number(v % 32n)]! + s;
  return s.padStart(width, '2');
}

/**
 * The record key of a post, derived from its idempotency key, so a retry writes to the same key and
 * cannot create a second post. Bluesky indexes posts only under TID-shaped keys (13 characters,
 * microseconds + clock id); the time part here is a hash, not the posting time (`createdAt` is).
 */
export function rkeyFor(idempotencyKey: string): string {
  const h = createHash('sha256').update(`courtdesk-post\u0000${idempotencyKey}`).digest();
  const micros = TID_BASE_US + (h.readBigUInt64BE(0) & ((1n << 45n) - 1n));
  const clock = BigInt(h.readUInt16BE(8) & 0x3ff);
  return s32(micros, 11) + s32(clock, 2);
}

export const TID_RE = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/** Drops the "@someone " a mention starts with; the inbox shows the author anyway. */
export function withoutLeadingMentions(text: string): string {
  return text.replace(/^(?:@[\w.-]+\s+)+/, '').trim();
}

/** `at://did/collection/rkey` → its parts. */
export function parseAtUri(uri: string): { did: string; collection: string; rkey: string } | null {
  const m = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
  return m ? { did: m[1]!, collection: m[2]!, rkey: m[3]! } : null;
}
