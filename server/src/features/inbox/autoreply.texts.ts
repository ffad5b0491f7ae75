import type { AutoReplyLang, AutoReplyTexts } from '@courtdesk/contracts';
import { detectLanguage } from '../../shared/text/index.js';

/**
 * The automatic response of art. 3.8 — defaults from the glossary (docs: ../shared/domain/glossary.md).
 * The KJC uses the same text (art. 3.9); every institution may edit its own. The Albanian and Serbian
 * renderings are marked [c] in the glossary: to be confirmed by the language service, hence editable.
 */
export const DEFAULT_AUTO_REPLY: AutoReplyTexts = {
  en: 'This is an automatic response. Courts do not conduct any official communication on social media, and with regards to any claim, filing, or complaint, please address the court through the legal channels.',
  sq: 'Kjo është përgjigje automatike. Gjykatat nuk zhvillojnë komunikim zyrtar në rrjetet sociale. Për çdo kërkesë, parashtresë apo ankesë, ju lutemi t’i drejtoheni gjykatës përmes kanaleve ligjore.',
  'sr-Latn':
    'Ovo je automatski odgovor. Sudovi ne vode zvaničnu komunikaciju putem društvenih mreža. U vezi sa bilo kojim zahtevom, podneskom ili žalbom, molimo vas da se obratite sudu putem zakonskih kanala.',
  'sr-Cyrl':
    'Ово је аутоматски одговор. Судови не воде званичну комуникацију путем друштвених мрежа. У вези са било којим захтевом, поднеском или жалбом, молимо вас да се обратите суду путем законских канала.',
  tr: null,
  bs: null,
};

export const DEFAULT_PERIOD_HOURS = 24;

/** Turkish letters and words that neither Albanian nor Serbian use (detectLanguage knows sq/sr/en only). */
const TURKISH_LETTERS = /[ğışĞİŞ]/;
const TURKISH_WORDS = new Set([
  've',
  'bir',
  'bu',
  'için',
  'icin',
  'mahkeme',
  'mahkemesi',
  'değil',
  'degil',
  'çok',
  'cok',
  'ne',
  'nasıl',
  'nasil',
  'merhaba',
  'lütfen',
  'lutfen',
  'ile',
  'da',
  'de',
  'mi',
  'var',
  'yok',
  'dava',
  'davam',
  'ben',
  'biz',
]);

/** The language of a message as far as the reply is concerned. `und` when nothing can be told (emoji only, a number). */
export function replyLanguageOf(text: string): AutoReplyLang | 'und' {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const words = sample.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const trWords = words.filter((w) => TURKISH_WORDS.has(w)).length;
  if ((TURKISH_LETTERS.test(sample) && trWords >= 1) || trWords >= 3) return 'tr';
  const guess = detectLanguage(sample);
  return guess.lang === 'und' ? 'und' : guess.lang;
}

/**
 * The text to send and its language: the language the person wrote in; Serbian in the script they
 * used. Turkish/Bosnian only when the institution has that version. When the language cannot be
 * told, the reply carries every version the institution keeps (art. 3.11, multilingualism), with
 * Albanian, Serbian and English first.
 */
export function chooseAutoReply(messageText: string, texts: AutoReplyTexts): { lang: AutoReplyLang | 'multi'; text: string } {
  const lang = replyLanguageOf(messageText);
  if (lang !== 'und') {
    const own = texts[lang];
    if (own) return { lang, text: own };
    // Bosnian writers get the Serbian Latin text if no Bosnian version exists; Turkish ones get all versions.
    if (lang === 'bs') return { lang: 'sr-Latn', text: texts['sr-Latn'] };
  }
  const parts = [texts.sq, texts['sr-Latn'], texts.en, texts.tr, texts.bs].filter((t): t is string => !!t);
  return { lang: 'multi', text: parts.join('\n\n') };
}
