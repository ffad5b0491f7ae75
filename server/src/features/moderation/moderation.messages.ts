/**
 * Explanations of moderation reasons in the three UI languages (art. 3.7). Albanian and Serbian
 * wording should be confirmed by the institution's language service before a production release.
 */
import type { ModerationCategory, ModerationLang } from './moderation.types.js';

type Texts = Record<ModerationLang, string>;

const ARTICLE: Texts = { en: 'Art. 3.7', sq: 'Neni 3.7', sr: 'Član 3.7' };

const CATEGORY: Record<ModerationCategory, Texts> = {
  insult: { en: 'insult', sq: 'fyerje', sr: 'uvreda' },
  slur: { en: 'derogatory slur', sq: 'shprehje nënçmuese', sr: 'pogrdan izraz' },
  threat: { en: 'threat', sq: 'kërcënim', sr: 'pretnja' },
  defamation: { en: 'defamation', sq: 'shpifje', sr: 'kleveta' },
  doxxing: {
    en: 'personal data / location of a person',
    sq: 'të dhëna personale / vendndodhja e personit',
    sr: 'lični podaci / lokacija osobe',
  },
  spam: { en: 'spam / advertising', sq: 'spam / reklamë', sr: 'spam / reklama' },
};

/** Rule text; `{m}` is replaced with the matched words. */
const RULES: Record<string, Texts> = {
  'insult.person-term': {
    en: '"{m}" is an insulting or derogatory name for a person.',
    sq: '"{m}" është emërtim fyes ose nënçmues për një person.',
    sr: '"{m}" je uvredljiv ili pogrdan naziv za osobu.',
  },
  'insult.curse': {
    en: '"{m}" is a vulgar curse addressed to someone.',
    sq: '"{m}" është mallkim vulgar drejtuar dikujt.',
    sr: '"{m}" je vulgarna psovka upućena nekome.',
  },
  'insult.aimed-at-person': {
    en: '"{m}" is aimed at a person, not at a decision (criticism of rulings is allowed, insulting people is not).',
    sq: '"{m}" i drejtohet një personi, jo një vendimi (kritika e vendimeve lejohet, fyerja e personave jo).',
    sr: '"{m}" je upućeno osobi, a ne odluci (kritika presuda je dozvoljena, vređanje ljudi nije).',
  },
  'insult.animal': {
    en: '"{m}" calls a person an animal.',
    sq: '"{m}" e quan një person kafshë.',
    sr: '"{m}" naziva osobu životinjom.',
  },
  'insult.profanity-at-person': {
    en: 'The profanity "{m}" is aimed at a person.',
    sq: 'Fjala vulgare "{m}" i drejtohet një personi.',
    sr: 'Vulgarna reč "{m}" je upućena osobi.',
  },
  'slur.term': {
    en: '"{m}" is an ethnic, religious or homophobic slur.',
    sq: '"{m}" është shprehje nënçmuese etnike, fetare ose homofobe.',
    sr: '"{m}" je etnički, verski ili homofobni pogrdan izraz.',
  },
  'threat.phrase': {
    en: '"{m}" threatens violence or harm.',
    sq: '"{m}" kërcënon me dhunë ose dëm.',
    sr: '"{m}" preti nasiljem ili povredom.',
  },
  'threat.veiled': {
    en: '"{m}" and other cues in the comment amount to a veiled threat against a person.',
    sq: '"{m}" dhe shenja të tjera në koment përbëjnë kërcënim të tërthortë ndaj një personi.',
    sr: '"{m}" i drugi znaci u komentaru čine prikrivenu pretnju osobi.',
  },
  'threat.uncertain': {
    en: '"{m}" may be a threat; please review.',
    sq: '"{m}" mund të jetë kërcënim; ju lutem shqyrtojeni.',
    sr: '"{m}" može biti pretnja; molimo proverite.',
  },
  'threat.invitation': {
    en: '"{m}" invites others to find the person whose whereabouts are disclosed.',
    sq: '"{m}" fton të tjerët ta gjejnë personin, vendndodhja e të cilit zbulohet.',
    sr: '"{m}" poziva druge da pronađu osobu čija se lokacija otkriva.',
  },
  'defamation.named-accusation': {
    en: '"{m}": a specific accusation of a crime or serious misconduct against a named person, stated as fact.',
    sq: '"{m}": akuzë konkrete për vepër penale ose shkelje të rëndë ndaj një personi të emëruar, e paraqitur si fakt.',
    sr: '"{m}": konkretna optužba za krivično delo ili težak prekršaj protiv imenovane osobe, izneta kao činjenica.',
  },
  'defamation.mixed': {
    en: '"{m}": an accusation against a named person, partly hedged; please review.',
    sq: '"{m}": akuzë ndaj një personi të emëruar, pjesërisht me rezervë; ju lutem shqyrtojeni.',
    sr: '"{m}": optužba protiv imenovane osobe, delimično ograđena; molimo proverite.',
  },
  'defamation.unnamed-accusation': {
    en: '"{m}": an accusation stated as fact against an identifiable official; please review.',
    sq: '"{m}": akuzë e paraqitur si fakt ndaj një zyrtari të identifikueshëm; ju lutem shqyrtojeni.',
    sr: '"{m}": optužba izneta kao činjenica protiv prepoznatljivog službenika; molimo proverite.',
  },
  'doxxing.location': {
    en: '"{m}": discloses where a judge, staff member, witness or their family can be found (home, workplace, routine).',
    sq: '"{m}": zbulon ku mund të gjendet një gjyqtar, zyrtar, dëshmitar ose familja e tyre (shtëpia, puna, rutina).',
    sr: '"{m}": otkriva gde se može naći sudija, službenik, svedok ili njihova porodica (kuća, posao, navike).',
  },
  'spam.link-with-sales': {
    en: '"{m}": a link together with sales, gambling or phishing wording.',
    sq: '"{m}": lidhje e shoqëruar me fjalë shitjeje, bastesh ose mashtrimi.',
    sr: '"{m}": link uz prodajne, kockarske ili prevarantske reči.',
  },
  'spam.sales-cues': {
    en: '"{m}" and other sales wording: advertising unrelated to the court.',
    sq: '"{m}" dhe fjalë të tjera shitjeje: reklamë që s\'ka lidhje me gjykatën.',
    sr: '"{m}" i druge prodajne reči: reklama koja nema veze sa sudom.',
  },
  'spam.possible': {
    en: '"{m}" looks like advertising; please review.',
    sq: '"{m}" duket si reklamë; ju lutem shqyrtojeni.',
    sr: '"{m}" liči na reklamu; molimo proverite.',
  },
};

/** Explanation of one reason in `lang`: "Art. 3.7 — insult: …". */
export function explain(rule: string, category: ModerationCategory, match: string, lang: ModerationLang): string {
  const m = match.length > 80 ? `${match.slice(0, 77)}…` : match;
  const body = (RULES[rule]?.[lang] ?? RULES[rule]?.en ?? '"{m}"').replace('{m}', m);
  return `${ARTICLE[lang]} — ${CATEGORY[category][lang]}: ${body}`;
}

const MODEL_TEXT: Record<'model.review' | 'model.remove' | 'model.rule-cue', Texts> = {
  'model.rule-cue': {
    en: '"{m}" is a lexicon cue of this kind; on its own the rules would not remove the comment, but the learned model rates it {p}% likely to break the rule (most weight: {w}).',
    sq: '"{m}" është shenjë e këtij lloji në leksikon; vetëm rregullat nuk do ta hiqnin komentin, por modeli i mësuar e vlerëson {p}% të mundshëm se e shkel rregullin (më së shumti peshojnë: {w}).',
    sr: '"{m}" je leksički znak ove vrste; sama pravila ne bi uklonila komentar, ali naučeni model procenjuje sa {p}% verovatnoće da krši pravilo (najveću težinu imaju: {w}).',
  },
  'model.review': {
    en: 'the learned model, trained on labelled comments, rates this comment {p}% likely to break the rule (most weight: {w}); no lexicon rule fired — please review.',
    sq: 'modeli i mësuar nga komente të etiketuara e vlerëson këtë koment {p}% të mundshëm se e shkel rregullin (më së shumti peshojnë: {w}); asnjë rregull i leksikonit nuk u aktivizua — ju lutem shqyrtojeni.',
    sr: 'naučeni model, obučen na označenim komentarima, procenjuje da ovaj komentar sa {p}% verovatnoće krši pravilo (najveću težinu imaju: {w}); nijedno leksičko pravilo nije aktivirano — molimo proverite.',
  },
  'model.remove': {
    en: 'the learned model rates this comment {p}% likely to break the rule (most weight: {w}) and the lexicon found cues of the same kind aimed at a person.',
    sq: 'modeli i mësuar e vlerëson këtë koment {p}% të mundshëm se e shkel rregullin (më së shumti peshojnë: {w}) dhe leksikoni gjeti shenja të të njëjtit lloj që i drejtohen një personi.',
    sr: 'naučeni model procenjuje da ovaj komentar sa {p}% verovatnoće krši pravilo (najveću težinu imaju: {w}), a leksikon je našao znake iste vrste upućene osobi.',
  },
};

/** Explanation of a booster-driven reason: probability, the words that weighed most, category, art. 3.7. */
export function explainModel(
  rule: 'model.review' | 'model.remove' | 'model.rule-cue',
  category: ModerationCategory,
  match: string,
  top: string[],
  p: number,
  lang: ModerationLang,
): string {
  void match;
  const w = top.map((t) => `"${t.length > 40 ? `${t.slice(0, 37)}…` : t}"`).join(', ');
  const body = MODEL_TEXT[rule][lang].replace('{p}', String(Math.round(p * 100))).replace('{w}', w);
  return `${ARTICLE[lang]} — ${CATEGORY[category][lang]}: ${body}`;
}

/** Rule ids that have explanations (used by tests). */
export const RULE_IDS = Object.keys(RULES);
