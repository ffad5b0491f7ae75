/**
 * Language identification for short court posts: Albanian (sq), Serbian Latin (sr-Latn),
 * Serbian Cyrillic (sr-Cyrl), English (en), or 'und'.
 *
 * Three signals, combined as votes: script (Cyrillic letters ⇒ Serbian Cyrillic), distinctive
 * letters (ë/ç ⇒ Albanian; č/ć/š/ž/đ ⇒ Serbian), distinctive function words, and — for texts of
 * 20+ letters — franc restricted to ['als', 'srp', 'eng'] (franc alone mislabels short text and
 * calls plain English 'sco', see STACK.md gotcha 9).
 */
import { franc } from 'franc';

/** Language codes returned by {@link detectLanguage}. */
export type DetectedLang = 'sq' | 'sr-Latn' | 'sr-Cyrl' | 'en' | 'und';

/** Result of {@link detectLanguage}. */
export interface LanguageGuess {
  lang: DetectedLang;
  /** 0..1: share of the evidence held by the winner (0 for 'und'). */
  confidence: number;
  /** Raw evidence per language family (sr = Latin + Cyrillic). */
  scores: { sq: number; sr: number; en: number };
  script: 'latin' | 'cyrillic' | 'mixed' | 'none';
}

const FUNCTION_WORDS: Record<'sq' | 'sr' | 'en', readonly string[]> = {
  sq: [
    'të',
    'te',
    'në',
    'ne',
    'dhe',
    'për',
    'per',
    'nga',
    'një',
    'nje',
    'është',
    'eshte',
    'që',
    'qe',
    'së',
    'ka',
    'nuk',
    'janë',
    'jane',
    'kanë',
    'kane',
    'këtë',
    'kete',
    'kjo',
    'ky',
    'ishte',
    'mund',
    'deri',
    'më',
    'apo',
    'si',
    'tij',
    'saj',
    'tyre',
    'gjatë',
    'gjate',
    'pas',
    'sot',
    'nëse',
    'nese',
    'edhe',
    'ta',
    "t'i",
    'ose',
    'dhënë',
    'ndaj',
    'sipas',
    'prej',
    'kemi',
    'jemi',
    'gjykata',
    'gjykatës',
    'lëndën',
  ],
  sr: [
    'je',
    'u',
    'na',
    'da',
    'za',
    'od',
    'sa',
    'su',
    'iz',
    'koji',
    'koja',
    'koje',
    'što',
    'sto',
    'nije',
    'biti',
    'će',
    'ce',
    'bi',
    'ovog',
    'ove',
    'ovaj',
    'kako',
    'pre',
    'posle',
    'ili',
    'ali',
    'kao',
    'prema',
    'radi',
    'zbog',
    'može',
    'moze',
    'smo',
    'sam',
    'ga',
    'joj',
    'nakon',
    'tokom',
    'danas',
    'sutra',
    'sud',
    'suda',
    'sudu',
    'predmetu',
    'godine',
    'kod',
  ],
  en: [
    'the',
    'of',
    'and',
    'to',
    'in',
    'is',
    'for',
    'on',
    'with',
    'by',
    'at',
    'will',
    'be',
    'are',
    'this',
    'that',
    'from',
    'has',
    'have',
    'was',
    'were',
    'it',
    'its',
    'an',
    'our',
    'we',
    'you',
    'all',
    'their',
    'which',
    'who',
    'not',
    'after',
    'court',
    'today',
    'case',
  ],
};

const WORDS = new Map<string, 'sq' | 'sr' | 'en'>();
for (const [lang, list] of Object.entries(FUNCTION_WORDS) as ['sq' | 'sr' | 'en', readonly string[]][]) {
  for (const w of list) WORDS.set(w, lang);
}

const FRANC_MAP: Record<string, 'sq' | 'sr' | 'en'> = { als: 'sq', srp: 'sr', eng: 'en' };

/**
 * Guess the language of `text`. Never throws; returns 'und' when there is no evidence.
 * @param text any string (a post, a sentence)
 */
export function detectLanguage(text: string): LanguageGuess {
  const scores = { sq: 0, sr: 0, en: 0 };
  let cyr = 0;
  let lat = 0;
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) {
      lat++;
      if (c === 0xeb || c === 0xcb || c === 0xe7 || c === 0xc7)
        scores.sq += 1; // ë ç
      else if (
        c === 0x10d ||
        c === 0x10c ||
        c === 0x107 ||
        c === 0x106 ||
        c === 0x161 ||
        c === 0x160 ||
        c === 0x17e ||
        c === 0x17d ||
        c === 0x111 ||
        c === 0x110
      )
        scores.sr += 1;
    }
  }
  const script: LanguageGuess['script'] =
    cyr + lat === 0 ? 'none' : cyr > 0 && lat > 0 && Math.min(cyr, lat) / (cyr + lat) > 0.2 ? 'mixed' : cyr > lat ? 'cyrillic' : 'latin';
  scores.sr += cyr > 0 ? cyr / 4 : 0;
  const words = sample.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  for (const w of words) {
    const l = WORDS.get(w);
    if (l) scores[l] += 1;
    else if (w.length > 2) {
      // spelling cues: Albanian digraphs/q, Serbian endings, English digraphs (0.5 each)
      if (/gj|xh|zh|dh|sht|q|ë|ç/.test(w)) scores.sq += 0.5;
      if (/[čćšžđ]|ije$|^lj|lj[aeiou]|dj[aeiou]|nj[aeiu]?$|ovi$|ama$/.test(w) && !/ë/.test(w)) scores.sr += 0.5;
      if (/th|wh|ing$|tion$|ould$|ee|oo|ck|[^s]y$/.test(w)) scores.en += 0.5;
    }
  }
  const latinOnly = sample.replace(/[\u0400-\u04ff]+/g, ' ');
  const latinLetters = lat;
  if (latinLetters >= 20) {
    const f = franc(latinOnly, { only: ['als', 'srp', 'eng'], minLength: 10 });
    const l = FRANC_MAP[f];
    if (l) scores[l] += Math.min(3, latinLetters / 40);
  }
  const total = scores.sq + scores.sr + scores.en;
  if (total < 1) return { lang: 'und', confidence: 0, scores, script };
  const best = (Object.keys(scores) as ('sq' | 'sr' | 'en')[]).reduce((a, b) => (scores[b] > scores[a] ? b : a));
  const confidence = scores[best] / total;
  const lang: DetectedLang = best === 'sr' ? (cyr > lat ? 'sr-Cyrl' : 'sr-Latn') : best;
  return { lang, confidence, scores, script };
}

/** Map a detected language to the two-letter family ('sr-Latn'/'sr-Cyrl' → 'sr'). */
export function languageFamily(lang: DetectedLang): 'sq' | 'sr' | 'en' | 'und' {
  return lang === 'sr-Latn' || lang === 'sr-Cyrl' ? 'sr' : lang;
}
