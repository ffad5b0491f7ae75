/**
 * Multi-term matcher over normalised text: one Aho–Corasick automaton per term list, with
 * word boundaries, stems and multi-word phrases.
 *
 * Term syntax (terms are folded with {@link fold}, so write them in any case/script/diacritics):
 * - `mendoj se`        whole words/phrase (boundaries on both sides);
 * - `peticion*`        stem: left boundary, then any continuation of the word
 *                      (covers case endings: peticioni, peticionin, peticionit…);
 * - `srpsk* list*`     phrase whose words are stems;
 * - `*sponzor*`        a leading `*` drops the left boundary (infix).
 * Per-term flag `upper` requires the original text of the match to be written in capitals
 * (for short abbreviations such as "PD", "LB", "SL" that are also ordinary words).
 */
import { AhoCorasick } from './aho-corasick.js';
import { fold, toOriginalRange, type NormalizedText } from './normalize.js';
import { isWordChar } from './tokenize.js';

/** One term to compile. */
export interface TermSpec {
  term: string;
  /** Require capitals in the original text (abbreviations). */
  upper?: boolean;
  /** Require the first letter of the original match to be a capital (names that are also words: "Nisma"). */
  capital?: boolean;
}

/** One match, in normalised and original offsets. */
export interface TermMatch {
  /** Index of the term in the list given to {@link compileTerms}. */
  term: number;
  start: number;
  end: number;
  origStart: number;
  origEnd: number;
}

interface Word {
  text: string;
  stem: boolean;
}

interface CompiledTerm {
  leftBoundary: boolean;
  keyStem: boolean;
  rest: Word[];
  upper: boolean;
  capital: boolean;
}

/** A compiled term list. */
export interface TermMatcher {
  readonly terms: readonly string[];
  readonly automaton: AhoCorasick;
  /** All matches, sorted by start; overlapping matches of different terms are all kept. */
  findAll(nt: NormalizedText): TermMatch[];
}

/** Thrown when a term cannot be compiled (empty after folding). */
export class TermSyntaxError extends Error {}

function parse(spec: TermSpec): { key: string; compiled: CompiledTerm } {
  let raw = spec.term.trim();
  let leftBoundary = true;
  if (raw.startsWith('*')) {
    leftBoundary = false;
    raw = raw.slice(1);
  }
  const words: Word[] = raw
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => {
      const stem = w.endsWith('*');
      return { text: fold(stem ? w.slice(0, -1) : w, { deobfuscateUrls: false }).trim(), stem };
    })
    .filter((w) => w.text.length > 0);
  if (words.length === 0) throw new TermSyntaxError(`empty term "${spec.term}"`);
  // The automaton key is every word up to and including the first stem.
  const keyWords: Word[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    keyWords.push(words[i]!);
    if (words[i]!.stem) {
      i++;
      break;
    }
  }
  return {
    key: keyWords.map((w) => w.text).join(' '),
    compiled: {
      leftBoundary,
      keyStem: keyWords[keyWords.length - 1]!.stem,
      rest: words.slice(i),
      upper: spec.upper === true,
      capital: spec.capital === true,
    },
  };
}

function wordEnd(text: string, pos: number): number {
  let e = pos;
  while (e < text.length && isWordChar(text.charCodeAt(e))) e++;
  return e;
}

/** Verify boundaries and the rest of a phrase; returns the end of the match or -1. */
function verify(text: string, start: number, end: number, t: CompiledTerm): number {
  if (t.leftBoundary && start > 0 && isWordChar(text.charCodeAt(start - 1))) return -1;
  let e = end;
  if (t.keyStem) e = wordEnd(text, e);
  else if (e < text.length && isWordChar(text.charCodeAt(e))) return -1;
  for (const w of t.rest) {
    if (text.charCodeAt(e) !== 32) return -1;
    const s = e + 1;
    if (!text.startsWith(w.text, s)) return -1;
    e = s + w.text.length;
    if (w.stem) e = wordEnd(text, e);
    else if (e < text.length && isWordChar(text.charCodeAt(e))) return -1;
  }
  return e;
}

function isUpperOriginal(nt: NormalizedText, os: number, oe: number): boolean {
  const s = nt.original.slice(os, oe);
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

/** Compile a list of terms (strings or {@link TermSpec}) into a {@link TermMatcher}. */
export function compileTerms(specs: readonly (string | TermSpec)[]): TermMatcher {
  const keys: string[] = [];
  const compiled: CompiledTerm[] = [];
  const terms: string[] = [];
  for (const s of specs) {
    const spec = typeof s === 'string' ? { term: s } : s;
    const p = parse(spec);
    keys.push(p.key);
    compiled.push(p.compiled);
    terms.push(spec.term);
  }
  const automaton = new AhoCorasick(keys);
  return {
    terms,
    automaton,
    findAll(nt: NormalizedText): TermMatch[] {
      const out: TermMatch[] = [];
      const text = nt.text;
      automaton.search(text, (id, start, end) => {
        const t = compiled[id]!;
        const e = verify(text, start, end, t);
        if (e < 0) return;
        if (!t.leftBoundary) while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
        const o = toOriginalRange(nt, start, e);
        if (t.upper) {
          // only the letters of the key word need to be capitals ("LDK-së" is fine)
          const keyEnd = toOriginalRange(nt, start, end);
          if (!isUpperOriginal(nt, keyEnd.start, keyEnd.end)) return;
        }
        if (t.capital) {
          const c = nt.original.charAt(o.start);
          if (c === c.toLowerCase()) return;
        }
        out.push({ term: id, start, end: e, origStart: o.start, origEnd: o.end });
      });
      out.sort((a, b) => a.start - b.start || b.end - a.end);
      return out;
    },
  };
}
