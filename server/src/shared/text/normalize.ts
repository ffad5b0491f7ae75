/**
 * Unicode normalisation with an offset map back to the original string.
 *
 * Every character of the normalised text remembers the UTF-16 range `[starts[i], ends[i])`
 * of the original text it came from, so a match found on the normalised text can be
 * highlighted in the original. Expansions (`đ` → `dj`) map both output characters to the
 * same source range; contractions (`[dot]` → `.`) map the one output character to the whole
 * source range; removed characters (zero-width, controls) simply have no output.
 *
 * Folding choices (documented, stable — word lists are folded with the same function):
 * - lower case; diacritics stripped after NFKD (`ë`→`e`, `ç`/`č`/`ć`→`c`, `š`→`s`, `ž`→`z`);
 * - `đ` and Cyrillic `ђ` → `dj` (the usual ASCII spelling in Kosovo/Serbia: "Djakovica");
 * - Serbian Cyrillic → Latin (`љ`→`lj`, `њ`→`nj`, `џ`→`dz`, `ћ`/`ч`→`c`, `ж`→`z`, `ш`→`s`);
 * - typographic quotes → `'` / `"`, dashes → `-`, any whitespace run → one space;
 * - zero-width/format characters and controls removed; lone surrogates → space.
 */

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  /** Fold leetspeak inside tokens that contain ≥2 letters (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s). */
  leet?: boolean;
  /** Join runs of ≥4 single letters separated by one space/dot/dash ("p e t i c i o n" → "peticion"). */
  collapseSpacedLetters?: boolean;
  /** Collapse runs of ≥3 identical letters to one ("peticiooon" → "peticion"). */
  collapseRepeats?: boolean;
  /** Rewrite obfuscated dots in URLs: "pdk [dot] info", "pdk(.)info", "pdk . info" → "pdk.info". Default true. */
  deobfuscateUrls?: boolean;
}

/** A normalised string plus its offset map into the original. */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  /** `starts[i]` = original UTF-16 offset where normalised char `i` begins. */
  readonly starts: Int32Array;
  /** `ends[i]` = original UTF-16 offset (exclusive) where normalised char `i` ends. */
  readonly ends: Int32Array;
}

const CYR: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'dj',
  е: 'e',
  ё: 'e',
  ж: 'z',
  з: 'z',
  и: 'i',
  й: 'j',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'c',
  џ: 'dz',
  ш: 's',
  щ: 'sc',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'ju',
  я: 'ja',
  ѓ: 'g',
  ќ: 'k',
  ѕ: 'dz',
  і: 'i',
  ї: 'i',
  є: 'e',
};

const SPECIAL: Record<string, string> = {
  đ: 'dj',
  ð: 'd',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ı: 'i',
  ħ: 'h',
  þ: 'th',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '`': "'",
  '\u00b4': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2039': '"',
  '\u203a': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
};

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

const foldCache = new Map<string, string>();

function isRemovable(code: number): boolean {
  return (
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff ||
    code === 0x00ad ||
    code === 0x180e ||
    code === 0x034f ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0)
  );
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0x85
  );
}

/** Fold one code point (as a string) to its normalised form (possibly empty or longer). */
export function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  const lower = ch.toLowerCase();
  if (CYR[lower] !== undefined) out = CYR[lower]!;
  else if (SPECIAL[lower] !== undefined) out = SPECIAL[lower]!;
  else {
    const decomposed = lower
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    out = '';
    for (const c of decomposed) out += CYR[c] ?? SPECIAL[c] ?? c;
  }
  if (foldCache.size < 20000) foldCache.set(ch, out);
  return out;
}

class Builder {
  private codes: number[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private n = 0;
  constructor(capacity = 64) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }
  private grow(): void {
    const s = new Int32Array(this.starts.length * 2);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(this.ends.length * 2);
    e.set(this.ends);
    this.ends = e;
  }
  pushCode(code: number, start: number, end: number): void {
    if (this.n === this.starts.length) this.grow();
    this.codes.push(code);
    this.starts[this.n] = start;
    this.ends[this.n] = end;
    this.n++;
  }
  push(s: string, start: number, end: number): void {
    for (let k = 0; k < s.length; k++) this.pushCode(s.charCodeAt(k), start, end);
  }
  /** Extend the range of the last output char (used to absorb collapsed whitespace). */
  extendLast(end: number): void {
    this.ends[this.n - 1] = end;
  }
  build(original: string): NormalizedText {
    let text = '';
    for (let i = 0; i < this.codes.length; i += 8192) text += String.fromCharCode(...this.codes.slice(i, i + 8192));
    return { original, text, starts: this.starts.slice(0, this.n), ends: this.ends.slice(0, this.n) };
  }
}

function basePass(input: string): NormalizedText {
  const b = new Builder(input.length + 16);
  let lastWasSpace = false;
  const n = input.length;
  for (let i = 0; i < n;) {
    const code = input.charCodeAt(i);
    let len = 1;
    let cp = code;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        len = 2;
        cp = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      } else cp = 0x20; // lone high surrogate
    } else if (code >= 0xdc00 && code <= 0xdfff) cp = 0x20; // lone low surrogate
    if (cp === 0x20 || isSpace(cp)) {
      if (lastWasSpace) b.extendLast(i + len);
      else b.push(' ', i, i + len);
      lastWasSpace = true;
    } else if (!isRemovable(cp)) {
      if (cp < 0x80) {
        b.pushCode(cp >= 65 && cp <= 90 ? cp + 32 : cp, i, i + len);
      } else {
        const folded = foldChar(input.slice(i, i + len));
        if (folded.length > 0) b.push(folded, i, i + len);
      }
      lastWasSpace = false;
    }
    i += len;
  }
  return b.build(input);
}

/**
 * Rewrite every match of `re` (global) in `nt.text` with `replace(match)`; each output char of a
 * replacement maps to the whole original range of the match (or char-by-char when the
 * replacement has the same length as the match).
 */
export function rewrite(nt: NormalizedText, re: RegExp, replace: (m: RegExpExecArray) => string | null): NormalizedText {
  re.lastIndex = 0;
  let m = re.exec(nt.text);
  if (!m) return nt;
  const b = new Builder(nt.text.length + 16);
  let pos = 0;
  let changed = false;
  const copy = (from: number, to: number): void => {
    for (let k = from; k < to; k++) b.pushCode(nt.text.charCodeAt(k), nt.starts[k]!, nt.ends[k]!);
  };
  while (m) {
    const s = m.index;
    const e = s + m[0].length;
    const rep = replace(m);
    if (rep !== null && e > s) {
      changed = true;
      copy(pos, s);
      if (rep.length === e - s) {
        for (let k = 0; k < rep.length; k++) b.push(rep[k]!, nt.starts[s + k]!, nt.ends[s + k]!);
      } else if (rep.length > 0) b.push(rep, nt.starts[s]!, nt.ends[e - 1]!);
      pos = e;
    }
    if (e === s) re.lastIndex++;
    m = re.exec(nt.text);
  }
  if (!changed) return nt;
  copy(pos, nt.text.length);
  return b.build(nt.original);
}

const TLD = 'com|org|net|info|eu|io|ly|gd|gl|rs|ks|co|edu|gov|de|uk|us|tv|online|site|app|link|ba|mk|hr|al';
const BRACKET_DOT = /\s?[[({<]\s?(?:dot|\.|pike|pika|tacka|tocka|punkt|pt)\s?[\])}>]\s?/g;
const WORD_DOT = new RegExp(`(?<=[a-z0-9])\\s(?:dot|pike|pika|tacka|tocka)\\s(?=(?:${TLD})\\b)`, 'g');
const SPACED_DOT = new RegExp(`(?<=[a-z0-9])(?:\\s\\.\\s?|\\.\\s)(?=(?:${TLD.replace('|al', '')})(?:\\b|/))`, 'g');
const SPACED_DOT_HINT = new RegExp(`\\. (?:${TLD.replace('|al', '')})\\b`);
const LEET_HINT = /[a-z][0-9@$]|[0-9@$][a-z]/;
const REPEAT_HINT = /([a-z])\1\1/;
const SPACED_HINT = /(?:^|[^a-z0-9])[a-z][ .\-_*][a-z][ .\-_*][a-z][ .\-_*][a-z](?![a-z0-9])/;
const SPACED_LETTERS = /(?<![a-z0-9])(?:[a-z][ .\-_*]){3,}[a-z](?![a-z0-9])/g;
const REPEATS = /([a-z])\1{2,}/g;
const LEET_TOKEN = /[a-z0-9@$]*[a-z][a-z0-9@$]*/g;

/**
 * Normalise `input` (never throws). See the module comment for the folding rules.
 * @example normalize('Nënshkruani  PETICIONIN').text === 'nenshkruani peticionin'
 */
export function normalize(input: string, opts: NormalizeOptions = {}): NormalizedText {
  const src = typeof input === 'string' ? input : String(input ?? '');
  let nt = basePass(src);
  if (opts.deobfuscateUrls !== false && nt.text.length > 4) {
    if (/[[({<]/.test(nt.text)) nt = rewrite(nt, BRACKET_DOT, () => '.');
    if (/ (?:dot|pike|pika|tacka|tocka) /.test(nt.text)) nt = rewrite(nt, WORD_DOT, () => '.');
    if (nt.text.includes(' .') || SPACED_DOT_HINT.test(nt.text)) nt = rewrite(nt, SPACED_DOT, () => '.');
  }
  return refine(nt, opts);
}

/**
 * Apply the optional passes (leetspeak, spaced letters, repeated letters) to an already
 * normalised text — cheaper than normalising the original again.
 */
export function refine(input: NormalizedText, opts: NormalizeOptions): NormalizedText {
  let nt = input;
  if (opts.leet && LEET_HINT.test(nt.text)) {
    nt = rewrite(nt, LEET_TOKEN, (m) => {
      const t = m[0];
      if (t.length < 3 || !/[0-9@$]/.test(t) || (t.match(/[a-z]/g)?.length ?? 0) < 2) return null;
      if (/^\d+[a-z]{1,2}$/.test(t) || /^[a-z]{1,4}\d{2,}$/.test(t)) return null; // 4a, rev2024, sud10
      let out = '';
      for (const c of t) out += LEET[c] ?? c;
      return out;
    });
  }
  if (opts.collapseSpacedLetters && SPACED_HINT.test(nt.text)) {
    nt = rewrite(nt, SPACED_LETTERS, (m) => {
      const seps = m[0].replace(/[a-z]/g, '');
      return new Set(seps).size === 1 ? m[0].replace(/[ .\-_*]/g, '') : null;
    });
  }
  if (opts.collapseRepeats && REPEAT_HINT.test(nt.text)) nt = rewrite(nt, REPEATS, (m) => m[1]!);
  return nt;
}

/** Fold a string without keeping the map (used for word lists; same rules as {@link normalize}). */
export function fold(input: string, opts: NormalizeOptions = {}): string {
  return normalize(input, opts).text;
}

/** Map a `[start, end)` range of the normalised text back to the original UTF-16 range. */
export function toOriginalRange(nt: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (nt.text.length === 0) return { start: 0, end: 0 };
  const s = Math.max(0, Math.min(start, nt.text.length - 1));
  const e = Math.max(s + 1, Math.min(end, nt.text.length));
  return { start: nt.starts[s]!, end: nt.ends[e - 1]! };
}
