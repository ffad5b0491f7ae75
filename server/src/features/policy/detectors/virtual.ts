/**
 * Virtual lists: spans computed by code rather than word lists, usable in any rule by name:
 * `@url`, `@caseNumber`, `@personName`, `@pendingCase`.
 */
import { compileTerms, fold, toOriginalRange, type TermMatcher } from '../../../shared/text/index.js';
import type { PendingCase } from '../policy.types.js';
import type { CheckContext, Span, VirtualList } from './context.js';

const TLDS =
  'com|org|net|info|eu|io|ly|gd|gl|gy|rs|ks|co|al|mk|ba|hr|de|uk|us|tv|cc|ws|to|xyz|online|site|app|link|news|edu|gov|int|it|fr|ch|at|be|nl|se|tk|ru|page|me/';
const URL_RE = new RegExp(
  `(?:https?://)?(?:www\\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS.replace('|me/', '')})(?![a-z0-9-])(?:/[^\\s"'<>)\\]]*)?`,
  'g',
);

const urlCache = new WeakMap<CheckContext, { url: string; span: Span }[]>();

/** URLs and bare domains in the base (de-obfuscated) text. */
export function urlSpans(ctx: CheckContext): { url: string; span: Span }[] {
  const hit = urlCache.get(ctx);
  if (hit) return hit;
  const out: { url: string; span: Span }[] = [];
  const text = ctx.base.text;
  if (text.includes('.')) {
    URL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = URL_RE.exec(text)) !== null && guard++ < 1000) {
      if (m.index > 0 && /[@\w.-]/.test(text[m.index - 1]!)) continue; // e-mail host or part of a longer token
      const url = m[0].replace(/[.,;:!?]+$/, '');
      const r = toOriginalRange(ctx.base, m.index, m.index + url.length);
      out.push({ url, span: ctx.span(r.start, r.end, `@url:${url}`) });
    }
  }
  urlCache.set(ctx, out);
  return out;
}

/** Build `@caseNumber` from the pack's case-number prefixes (e.g. "pkr", "c", "ac"). */
export function caseNumberList(prefixes: readonly string[]): VirtualList {
  const esc = [...new Set(prefixes.map((p) => fold(p).replace(/[.\s]+$/, '')))]
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\.|\s/g, '[.\\s]?'));
  const re = new RegExp(
    `(?<![a-z0-9])(?:(?:${esc.join('|')})[.\\s]{0,2}(?:(?:nr|br|no)[.\\s]{0,2})?\\d{1,6}/\\d{2,4}|(?:ac|c)-[ivx]+-\\d{2}-\\d{3,4}(?:-a\\d{4})?|k[io]\\s?\\d{1,4}/\\d{2})(?![0-9])`,
    'g',
  );
  return (ctx) => {
    const out: Span[] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = re.exec(ctx.base.text)) !== null && guard++ < 1000) {
      const r = toOriginalRange(ctx.base, m.index, m.index + m[0].length);
      out.push(ctx.span(r.start, r.end, '@caseNumber'));
    }
    return out;
  };
}

const NAME_RE = /(?<![\p{L}.])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}(?![\p{L}])/gu;

/** Build `@personName`: two or three capitalised words, none of them a known institution/place word. */
export function personNameList(stopwords: readonly string[]): VirtualList {
  const stop = new Set(stopwords.map((s) => fold(s)));
  return (ctx) => {
    const out: Span[] = [];
    NAME_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = NAME_RE.exec(ctx.original)) !== null && guard++ < 1000) {
      // every run of 2+ consecutive non-stopword capitalised words is a candidate name
      const parts = m[0].split(/\s/);
      const isStop = (w: string): boolean => {
        const f = fold(w);
        return stop.has(f) || stop.has(f.replace(/(?:it|in|es|ës|se|a|e|i|u|om|og|oj)$/, ''));
      };
      // each pair of consecutive non-stopword words ("Maloletna Milica Stojanović" → both pairs)
      let pos = m.index;
      let prev: { start: number; stop: boolean } | null = null;
      for (const w of parts) {
        const stopWord = isStop(w);
        if (prev && !prev.stop && !stopWord) out.push(ctx.span(prev.start, pos + w.length, '@personName'));
        prev = { start: pos, stop: stopWord };
        pos += w.length + 1;
      }
    }
    return out;
  };
}

const pendingCache = new WeakMap<readonly PendingCase[], TermMatcher | null>();

function pendingMatcher(cases: readonly PendingCase[]): TermMatcher | null {
  if (pendingCache.has(cases)) return pendingCache.get(cases)!;
  const terms: string[] = [];
  for (const c of cases) {
    if (c.caseNumber && fold(c.caseNumber).length >= 3) terms.push(c.caseNumber);
    for (const p of c.parties ?? []) {
      // names decline in Albanian and Serbian ("Arben Gashit", "Arbena Gašija"): match each word as a stem
      if (fold(p).length >= 4)
        terms.push(
          p
            .trim()
            .split(/\s+/)
            .map((w) => (w.length >= 4 ? `${w}*` : w))
            .join(' '),
        );
    }
  }
  const m = terms.length > 0 ? compileTerms(terms) : null;
  pendingCache.set(cases, m);
  return m;
}

/** `@pendingCase`: mentions of an imported pending case (number or party name). */
export const pendingCaseList: VirtualList = (ctx) => {
  const cases = ctx.opts.pendingCases;
  if (!cases || cases.length === 0) return [];
  const m = pendingMatcher(cases);
  if (!m) return [];
  return m.findAll(ctx.base).map((x) => ctx.span(x.origStart, x.origEnd, '@pendingCase'));
};

/** `@url` as a plain span list. */
export const urlList: VirtualList = (ctx) => urlSpans(ctx).map((u) => u.span);

// ── given names (art. 4.5: a victim or minor identified by a first name) ─────────────────────
const NAMING_CUE = String.raw`(?:named|called|by the name of|under the name(?: of)?|goes by|quhet|quhej|me emrin|me emër|nën emrin|i quajtur|e quajtur|po imenu|pod imenom|zove se|zvao se|zvala se|imenom|по имену|под именом|зове се|звао се|звала се|именом)`;
const AGE_CUE = String.raw`(?:\d{1,2}[- ](?:years?|yrs?)[- ]old|\d{1,2}[- ]?vje[cç]\p{L}*|\d{1,2}[- ]?godi[sš]nj\p{L}*|\d{1,2}[- ]?годишњ\p{L}*)`;
/**
 * Round 7: one lowercase noun between the age and a comma-set name ("the 12-year-old victim, Lirie", "vajza
 * 14-vjeçare, Arta"); prepositions/conjunctions excluded so "a 15-year-old from Prizren" stays a place.
 */
const AGE_NOUN = String.raw`(?!(?:from|in|at|of|and|with|nga|në|dhe|me|iz|u|sa|i|и|из|у)\b)\p{Ll}{2,}`;
const CAP_WORD = String.raw`\p{Lu}\p{Ll}{2,}`;
/** A place after "from": "Arta from Vitia", "Arta nga Vitia", "Milica iz Zvečana". */
const FROM_PLACE = String.raw`(?:from|nga|iz|из)\s\p{Lu}`;
/**
 * "named Lirije", "14-year-old Drita", "16-vjeçarja Arta"; "Drita H." (a first name with a surname initial);
 * an apposition ", Arbëresha from Vitia" / ", Arta, 15," (a lone capitalised word set off by a comma and
 * followed by a home place or an age).
 */
/**
 * Round 8: a lone first name right after a victim/minor noun ("e dëmtuara Fjolla, studente …", "the victim Drita told
 * …", "оштећена Јована"); a second capitalised word after it makes it a full name (the `@personName` rule) or an
 * institution ("Victim Advocacy Office"), so it is excluded here.
 */
const VICTIM_NOUN = String.raw`(?:[Vv]ictim|[Vv]iktim[ae]|[Ee] d[eë]mtuara|[Ii] d[eë]mtuari|[Oo][sš]te[cć]en[ai]|[Žž]rtva|[Mm]aloletn(?:a|i|ica|ik)|[Ee] mitura|[Ii] mituri|[Оо]штећен[аи]|[Жж]ртва|[Мм]алолетн(?:а|и|ица|ик))`;
const GIVEN_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:${NAMING_CUE}\s+(${CAP_WORD})|${AGE_CUE}(?:\s${AGE_NOUN},)?[,\s]+(${CAP_WORD})|(${CAP_WORD})\s\p{Lu}\.(?!\s?\p{Lu}\.)(?![\p{L}]))` +
    String.raw`|(?<=,\s)(${CAP_WORD})(?:\s${FROM_PLACE}|,\s\d{1,2}\b)` +
    String.raw`|(?<![\p{L}])${VICTIM_NOUN}\s(${CAP_WORD})(?![\p{L}])(?!\s\p{Lu})`,
  'gu',
);

/**
 * Build `@givenName`: a first name identified by a naming cue ("named", "quhet", "po imenu"), right
 * after an age ("14-year-old Drita", "16-vjeçarja Arta", "14-godišnja Milica") or followed by a
 * surname initial ("Drita H."). Institution/place words (the pack's stopwords) are not names; two
 * initials ("N.D.") are initials of a defendant, not a given name.
 */
export function givenNameList(stopwords: readonly string[]): VirtualList {
  const stop = new Set(stopwords.map((s) => fold(s)));
  return (ctx) => {
    const out: Span[] = [];
    if (!/\p{Lu}/u.test(ctx.original)) return out;
    GIVEN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = GIVEN_RE.exec(ctx.original)) !== null && guard++ < 1000) {
      const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]!;
      const f = fold(name);
      if (stop.has(f) || stop.has(f.replace(/(?:it|in|es|se|a|e|i|u|om|og|oj)$/, ''))) continue;
      out.push(ctx.span(m.index, m.index + m[0].length, '@givenName'));
    }
    return out;
  };
}

// ── secret values (art. 4.8: a code or password written out) ─────────────────────────────────
/** A 4–8 digit number (not part of a spaced phone number) that is not a year, date, time, amount or case number; or a token mixing letters and digits. */
const SECRET_RE =
  /(?<![\p{L}\p{N}./:,-]|\d\s)(?:\d{4,8}(?!\s\d)|(?=[\p{L}\p{N}#!@$*_-]*\p{L})(?=[\p{L}\p{N}#!@$*_-]*\p{N})[\p{L}\p{N}][\p{L}\p{N}#!@$*_-]{3,23})(?![\p{L}\p{N}/@]|[.:,-]\p{N}|\s?%|\s?(?:€|eur|euro|euros?|eurosh|evra|din)\b)/giu;

/** `@secretValue`: what a disclosed code/password looks like (used next to code/password words). */
export const secretValueList: VirtualList = (ctx) => {
  const out: Span[] = [];
  const text = ctx.original;
  if (!/\d/.test(text)) return out;
  SECRET_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = SECRET_RE.exec(text)) !== null && guard++ < 1000) {
    const v = m[0];
    if (/^\d+$/.test(v) && /^(?:19|20)\d\d$/.test(v)) continue; // a year
    if (/^\d{1,2}(?:am|pm|h)$/i.test(v) || /^\d+(?:st|nd|rd|th|km|m|kg|mb|gb)$/i.test(v)) continue; // 7am, 3rd, 10km
    out.push(ctx.span(m.index, m.index + v.length, '@secretValue'));
  }
  return out;
};
