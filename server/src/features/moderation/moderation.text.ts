/**
 * Moderation-specific text preparation on top of the shared toolkit (server/src/shared/text):
 * the toolkit folds case, diacritics, Cyrillic, zero-width characters, leetspeak and letter
 * runs with an offset map; here we add what only abuse needs — masked words (`k**va`, `a$$`,
 * `sh!t`), letters spaced out with original spacing kept ("Q E N E T   E   K G J K"), quotes, sentence/clause indices and the space-delimited match
 * string the Aho–Corasick automaton runs on.
 */
import { normalize, isWordChar, type NormalizedText } from '../../shared/text/index.js';

/** Token kinds. */
export const WORD = 0;
export const PUNCT = 1;
export const SYM = 2;

/** One token of a prepared comment. */
export interface Tok {
  norm: string;
  kind: number;
  /** Original UTF-16 range. */
  os: number;
  oe: number;
  /** Written with an initial capital / entirely in capitals (original text). */
  cap: boolean;
  upper: boolean;
  /** Inside quotation marks. */
  quoted: boolean;
  /** Contained a mask (`*`, `$`, `@`, `!`) that was resolved or dropped. */
  masked: boolean;
  sent: number;
  clause: number;
}

/** A comment ready for matching. */
export interface Prepared {
  original: string;
  toks: Tok[];
  /** `' ' + token norms joined by ' ' + ' '`. */
  match: string;
  /** match position → token index (-1 on separators). */
  posTok: Int32Array;
  /** Emoji and pictographs found (code points as strings). */
  emoji: string[];
  /** Most letters are capitals (names cannot be told by capitals then). */
  shouting: boolean;
  nt: NormalizedText;
}

/** Resolves a masked word (`*` = one hidden letter) to a lexicon word, or null. */
export type MaskResolver = (masked: string) => string | null;

const MASK_SUBST: Record<string, string> = { $: 's', '@': 'a', '!': 'i' };
const PUNCT_CHARS = new Set(['.', ',', ';', ':', '!', '?', '(', ')', '[', ']']);
const SYM_CHARS = new Set(['%', '€', '$']);
const SENT_END = new Set(['.', '!', '?']);
const SPACED_SEP = new Set([' ', '.', '-', '_', '*', '·']);

function isMaskChar(c: number): boolean {
  return c === 42 /* * */ || c === 36 /* $ */ || c === 64 /* @ */ || c === 33 /* ! */ || c === 35; /* # */
}

function isEmoji(code: number): boolean {
  return (
    (code >= 0x1f000 && code <= 0x1faff) || (code >= 0x2600 && code <= 0x27bf) || (code >= 0x2190 && code <= 0x21ff) || code === 0x2b50
  );
}

/**
 * Letter runs of 3+ are already collapsed by the toolkit ("kretenaaaa" → "kretena"); doubles are
 * kept because Albanian ll/rr are letters of their own ("derri" pig ≠ "deri" until, "llum" ≠ "lum").
 */
function collapseDoubles(s: string): string {
  return s;
}

interface RawTok {
  text: string;
  kind: number;
  s: number; // normalised offsets
  e: number;
}

/** Split the normalised text into word / punctuation / symbol runs. */
function scan(t: string): { raw: RawTok[]; quotes: number[]; emoji: string[] } {
  const raw: RawTok[] = [];
  const quotes: number[] = [];
  const emoji: string[] = [];
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (isWordChar(c) || (isMaskChar(c) && c !== 33 && i + 1 < n && isWordChar(t.charCodeAt(i + 1)))) {
      let j = i;
      while (j < n) {
        const d = t.charCodeAt(j);
        if (isWordChar(d)) j++;
        else if (isMaskChar(d) && (d !== 33 || (j + 1 < n && isWordChar(t.charCodeAt(j + 1))))) j++;
        else break;
      }
      let s = i;
      let e = j;
      while (s < e && (t[s] === '@' || t[s] === '#')) s++; // mentions, hashtags
      const inner = t.slice(s, e);
      if (inner.startsWith('*') && inner.endsWith('*') && !/\*/.test(inner.slice(1, -1).replace(/^\*+|\*+$/g, ''))) {
        while (s < e && t[s] === '*') s++;
        while (e > s && t[e - 1] === '*') e--;
      }
      if (e > s) raw.push({ text: t.slice(s, e), kind: WORD, s, e });
      i = j;
      continue;
    }
    const ch = t[i]!;
    if (PUNCT_CHARS.has(ch)) raw.push({ text: ch, kind: PUNCT, s: i, e: i + 1 });
    else if (SYM_CHARS.has(ch)) raw.push({ text: ch, kind: SYM, s: i, e: i + 1 });
    else if (ch === "'" || ch === '"') quotes.push(i);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const cp = t.codePointAt(i)!;
      if (isEmoji(cp)) emoji.push(String.fromCodePoint(cp));
      i += 2;
      continue;
    } else if (isEmoji(c)) emoji.push(ch);
    i++;
  }
  return { raw, quotes, emoji };
}

function wordNorm(text: string, resolve: MaskResolver | undefined): { norm: string; masked: boolean } {
  if (!/[*$@!#]/.test(text)) return { norm: collapseDoubles(text), masked: false };
  let s = '';
  for (const ch of text) s += MASK_SUBST[ch] ?? (ch === '#' ? '*' : ch);
  if (s.includes('*')) {
    const letters = s.replace(/\*/g, '');
    const r = letters.length >= 1 && s.length >= 3 && resolve ? resolve(collapseDoublesKeepStars(s)) : null;
    return { norm: r ?? collapseDoubles(letters), masked: true };
  }
  return { norm: collapseDoubles(s), masked: true };
}

function collapseDoublesKeepStars(s: string): string {
  return s;
}

/** Digits that stand for letters inside a spaced-out word ("k 0 p i l a t", "1 d 1 o t"). */
const SPACED_LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' };
const spacedLetter = (t: Tok): boolean => t.kind === WORD && t.norm.length === 1 && (/[a-z]/.test(t.norm) || t.norm in SPACED_LEET);

/**
 * Join runs of ≥3 single letters written with one separator between them ("i d i o t"); a digit standing for a
 * letter may be one of them when at least two real letters are ("k 0 p i l a t"), so "1 2 3" stays numbers.
 */
function joinSpaced(toks: Tok[], original: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (spacedLetter(t)) {
      let j = i;
      let k = i + 1;
      const letters = [t];
      while (k < toks.length) {
        // skip one separator punctuation token ('.' or '-' are not tokens except '.')
        let m = k;
        if (toks[m]!.kind === PUNCT && toks[m]!.norm === '.' && m + 1 < toks.length) m++;
        const nx = toks[m]!;
        const prev = letters[letters.length - 1]!;
        const gap = original.slice(prev.oe, nx.os);
        if (spacedLetter(nx) && gap.length === 1 && SPACED_SEP.has(gap)) {
          letters.push(nx);
          j = m;
          k = m + 1;
        } else break;
      }
      const real = letters.filter((l) => /[a-z]/.test(l.norm)).length;
      if (letters.length >= 3 && real >= 2 && (real === letters.length || letters.length >= 4)) {
        const norm = letters.map((l) => SPACED_LEET[l.norm] ?? l.norm).join('');
        out.push({ ...t, norm, oe: letters[letters.length - 1]!.oe, masked: true });
        i = j + 1;
        continue;
      }
    }
    out.push(t);
    i++;
  }
  return out;
}

/**
 * Prepare `text` for matching. Linear in the length of the text; never throws.
 * @param resolve optional resolver for masked words (the active lexicon's vocabulary)
 */
export function prepareText(text: string, resolve?: MaskResolver): Prepared {
  const nt = normalize(text, { leet: true, collapseRepeats: true, collapseSpacedLetters: false });
  const t = nt.text;
  const { raw, quotes, emoji } = scan(t);
  let toks: Tok[] = [];
  let letters = 0;
  let upperLetters = 0;
  for (const r of raw) {
    const os = nt.starts[r.s] ?? 0;
    const oe = nt.ends[r.e - 1] ?? os;
    let norm = r.text;
    let masked = false;
    let cap = false;
    let upper = false;
    if (r.kind === WORD) {
      ({ norm, masked } = wordNorm(r.text, resolve));
      const o = text.slice(os, oe);
      const first = o.charAt(0);
      cap = first !== first.toLowerCase();
      const low = o.toLowerCase();
      upper = o !== low && o === o.toUpperCase() && o.length > 1;
      if (o !== low) {
        for (const ch of o) {
          if (ch !== ch.toLowerCase()) upperLetters++;
          if (ch.toLowerCase() !== ch.toUpperCase()) letters++;
        }
      } else letters += o.length;
      if (norm.length === 0) continue;
    }
    toks.push({ norm, kind: r.kind, os, oe, cap, upper, quoted: false, masked, sent: 0, clause: 0 });
  }
  toks = joinSpaced(toks, text);
  markQuotes(toks, quotes, nt, text);
  let sent = 0;
  let clause = 0;
  for (const tk of toks) {
    tk.sent = sent;
    tk.clause = clause;
    if (tk.kind === PUNCT) {
      clause++;
      if (SENT_END.has(tk.norm)) sent++;
    }
  }
  let match = ' ';
  const posTokArr: number[] = [-1];
  for (let i = 0; i < toks.length; i++) {
    const nrm = toks[i]!.norm;
    match += nrm + ' ';
    for (let k = 0; k < nrm.length; k++) posTokArr.push(i);
    posTokArr.push(-1);
  }
  return {
    original: text,
    toks,
    match,
    posTok: Int32Array.from(posTokArr),
    emoji,
    shouting: letters >= 6 && upperLetters / letters > 0.6,
    nt,
  };
}

/** Mark word tokens between an opening and a closing quotation mark (at most 8 words). */
function markQuotes(toks: Tok[], quotes: number[], nt: NormalizedText, text: string): void {
  if (quotes.length < 2 || toks.length === 0) return;
  const t = nt.text;
  const opens: number[] = [];
  const closes: number[] = [];
  for (const q of quotes) {
    const before = q > 0 ? t.charCodeAt(q - 1) : 32;
    const after = q + 1 < t.length ? t.charCodeAt(q + 1) : 32;
    const o = nt.starts[q] ?? 0;
    if (!isWordChar(before)) opens.push(o);
    if (!isWordChar(after)) closes.push(o);
  }
  for (const o of opens) {
    const c = closes.find((x) => x > o);
    if (c === undefined) continue;
    const inside = toks.filter((tk) => tk.kind === WORD && tk.os > o && tk.oe <= c + 1);
    if (inside.length > 0 && inside.length <= 8 && text.slice(o, c).length < 120) for (const tk of inside) tk.quoted = true;
  }
}

/** Fold a lexicon term exactly like comments are folded (words joined by single spaces). */
export function foldTerm(term: string): string {
  return prepareText(term)
    .toks.map((t) => t.norm)
    .join(' ');
}
