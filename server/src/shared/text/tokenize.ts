/**
 * Tokeniser over normalised text: maximal runs of word characters (letters and digits).
 * Offsets are into the string given (use the NormalizedText map to go back to the original).
 */

const LETTER = /\p{L}|\p{N}/u;
const wideCache = new Map<number, boolean>();

/** True for a word character: ASCII letter/digit or any Unicode letter/number. */
export function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  let v = wideCache.get(code);
  if (v === undefined) {
    v = code >= 0xd800 && code <= 0xdfff ? false : isUnicodeLetter(code);
    if (wideCache.size < 10000) wideCache.set(code, v);
  }
  return v;
}

function isUnicodeLetter(code: number): boolean {
  return LETTER.test(String.fromCharCode(code));
}

/** Token positions: `starts[i]`/`ends[i]` are the offsets of token `i` in `text`. */
export interface Tokens {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

/** Split `text` into word tokens. */
export function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const w = isWordChar(text.charCodeAt(i));
    if (w && !inWord) starts.push(i);
    else if (!w && inWord) ends.push(i);
    inWord = w;
  }
  if (inWord) ends.push(text.length);
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends), count: starts.length };
}

/** Index of the token containing `pos`, or of the first token after it (count if none). */
export function tokenIndexAt(tokens: Tokens, pos: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.ends[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The token strings (convenience for tests and small texts). */
export function tokenStrings(tokens: Tokens): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.count; i++) out.push(tokens.text.slice(tokens.starts[i], tokens.ends[i]));
  return out;
}
