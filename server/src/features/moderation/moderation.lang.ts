/**
 * Fast language vote for comments (script, distinctive letters, function words). The shared
 * toolkit's detectLanguage (franc-based) costs ~30 µs per call, more than the whole classifier
 * budget, so it is only asked when the vote is inconclusive.
 */
import { detectLanguage, languageFamily } from '../../shared/text/index.js';
import { WORD, type Prepared } from './moderation.text.js';
import type { ModerationLang } from './moderation.types.js';

const WORDS = new Map<string, ModerationLang>();
const add = (lang: ModerationLang, s: string): void => s.split(' ').forEach((w) => WORDS.set(w, lang));
add(
  'sq',
  'te ne dhe per nga nje eshte qe se ka nuk jane kane kete kjo ky ishte mund deri me apo tij saj tyre sot nese edhe ta ose ndaj sipas prej kemi jemi keni jeni juve ju une keta ata ajo ai cka pse si kur ku duhet vetem shume gjykata gjykates gjyqtari gjyqtarja vendim vendimi drejtesi lenden seanca pa po',
);
add(
  'sr',
  'je da za od sa su iz koji koja koje sto nije biti ce bi ovog ove ovaj kako pre posle ili ali kao prema zbog moze smo sam ga joj nakon tokom danas sud suda sudu sudija sudije presuda presude godine kod vas vam ste niste nisam mi vi oni ovo to li ni',
);
add(
  'en',
  'the of and to in is for on with by at will be are this that from has have was were it its an our we you all their which who not after court today case judge ruling i my your they he she what why how do does can',
);

/** Guess the comment's language: 'sq' | 'sr' | 'en' | 'und'. */
export function guessLang(p: Prepared): ModerationLang | 'und' {
  const s = { sq: 0, sr: 0, en: 0 };
  const o = p.original.length > 2000 ? p.original.slice(0, 2000) : p.original;
  for (let i = 0; i < o.length; i++) {
    const c = o.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) s.sr += 0.5;
    else if (c === 0xeb || c === 0xcb || c === 0xe7 || c === 0xc7) s.sq += 1.5;
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
      s.sr += 1.5;
  }
  const toks = p.toks;
  const lim = Math.min(toks.length, 300);
  for (let i = 0; i < lim; i++) {
    const t = toks[i]!;
    if (t.kind !== WORD) continue;
    const l = WORDS.get(t.norm);
    if (l) s[l] += 1;
  }
  const order = (Object.keys(s) as ModerationLang[]).sort((a, b) => s[b] - s[a]);
  const best = order[0]!;
  const second = order[1]!;
  if (s[best] >= 2 && s[best] >= 1.5 * s[second] + 0.5) return best;
  if (p.original.length >= 12) {
    const g = languageFamily(detectLanguage(o).lang);
    if (g !== 'und') return g;
  }
  return s[best] > s[second] ? best : 'und';
}
