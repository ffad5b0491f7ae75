/**
 * X's post-length rule (twitter-text v3): 280 "weighted" characters after NFC normalisation. Latin,
 * Cyrillic, Greek and most punctuation weigh 1; CJK, most other scripts and every emoji sequence weigh
 * 2; every link, whatever its length, weighs 23 (it becomes a t.co link).
 */
export const X_MAX_WEIGHTED = 280;
export const X_URL_WEIGHT = 23;

/** Code-point ranges of weight 1 (twitter-text `weightedRanges`); everything else weighs 2. */
const LIGHT: [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

// Links X detects: with a scheme, with www., or a bare domain with a common top-level domain.
// @NOTE twitter-text knows every TLD; this list covers what Kosovo courts link to. A bare domain we
// miss is counted by its length, and X then refuses with its own message if it was too long.
const TLDS = 'com|org|net|info|eu|int|gov|edu|io|co|al|rs|mk|me|ba|hr|si|de|at|ch|fr|it|uk|us|tv';
const URL_RE = new RegExp(
  `(?:https?:\\/\\/\\S+|(?<![@\\w.-])www\\.\\S+|(?<![@\\w.-])[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:${TLDS})\\b(?:\\/\\S*)?)`,
  'gi',
);

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function weightOf(grapheme: string): number {
  if (/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(grapheme)) return 2;
  let w = 0;
  for (const ch of grapheme) {
    const cp = ch.codePointAt(0)!;
    w += LIGHT.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2;
  }
  return w;
}

/** Weighted length of a post as X counts it. */
export function weightedLength(text: string): number {
  const normal = text.normalize('NFC');
  let total = 0;
  let last = 0;
  for (const m of normal.matchAll(URL_RE)) {
    total += plainWeight(normal.slice(last, m.index)) + X_URL_WEIGHT;
    last = m.index + m[0].length;
  }
  return total + plainWeight(normal.slice(last));
}

function plainWeight(s: string): number {
  let w = 0;
  for (const { segment } of segmenter.segment(s)) w += weightOf(segment);
  return w;
}

/** Undoes what X does to a post's text: t.co links back to the real ones, media links removed, entities unescaped. */
export function plainText(
  text: string,
  urls: { start: number; end: number; url: string; expanded_url?: string; media_key?: string }[] = [],
): string {
  let out = text;
  for (const u of [...urls].sort((a, b) => b.start - a.start)) {
    out = out.split(u.url).join(u.media_key ? '' : (u.expanded_url ?? u.url));
  }
  return out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
}

/** Drops the "@court @other " a reply starts with (X adds it to every reply). */
export function withoutLeadingMentions(text: string): string {
  return text.replace(/^(?:@\w{1,15}\s+)+/, '').trim();
}
