import { describe, expect, it } from 'vitest';
import { parseTemplate } from './detectors/evaluation.detector.js';
import { checkText } from './index.js';

const rules = (text: string, lang?: 'sq' | 'sr' | 'en') =>
  checkText(text, { everyRule: true, ...(lang ? { lang } : {}) }).map((f) => f.ruleId);

describe('evaluation templates', () => {
  it('parses slots, alternatives, stems and gaps (folded like the text)', () => {
    const t = parseTemplate('kthe*|rikthe* ~4 besim*|Shpresë');
    expect(t.slots).toHaveLength(2);
    expect(t.slots[0]!.prefixes).toEqual(['kthe', 'rikthe']);
    expect(t.slots[1]!.gap).toBe(4);
    expect([...t.slots[1]!.exact]).toEqual(['shprese']);
    expect(parseTemplate('враћа ~2 поверење').slots[0]!.exact.has('vraca')).toBe(true);
  });
  it.each(['~2 faith', 'faith ~2', 'a|| b', 're* faith', 'faith ~x trust', "doesn't"])('refuses "%s"', (t) => {
    expect(() => parseTemplate(t)).toThrow();
  });
});

describe('decisions.evaluation (4.4c, gap-tolerant)', () => {
  it.each([
    ['en', 'The ruling restores some much-needed common sense to planning law.'],
    ['en', 'The verdict restored, at long last, public faith in the courts.'],
    ['sq', 'Vendimi i Gjykatës Supreme u kthen qytetarëve besimin në drejtësi.'],
    ['sq', 'Aktgjykimi la nje shije te hidhur.'],
    ['sr', 'Ova presuda je crni dan za pravosuđe.'],
    ['sr', 'Одлука Апелационог суда враћа грађанима поверење.'],
    ['en', 'The acquittal leaves a bitter taste for the victims.'],
  ] as const)('%s: %s', (lang, text) => {
    expect(rules(text, lang)).toContain('decisions.evaluation');
  });
  it('stays within the sentence', () => {
    expect(
      rules('The Basic Court announced its ruling in case P. nr. 12/25. Restoring trust in institutions is a goal of the strategy.', 'en'),
    ).not.toContain('decisions.evaluation');
  });
  it('does not flag a party’s reported statement or a neutral announcement', () => {
    expect(rules('The defence said the verdict was a dark day for justice and will appeal.', 'en')).not.toContain('decisions.evaluation');
    expect(rules('Gjykata Themelore në Pejë shpalli sot aktgjykimin; i akuzuari u dënua me dy vjet burgim.', 'sq')).toEqual([]);
    expect(rules('Апелациони суд је потврдио пресуду Основног суда; одлука је правоснажна.', 'sr')).toEqual([]);
  });
  it('is lifted by the decisionComment permission', () => {
    const f = checkText('The ruling restores some much-needed common sense.', { lang: 'en', permissions: { decisionComment: true } });
    expect(f.filter((x) => x.article === '4.4c')).toEqual([]);
  });
});

describe('pending.credibility (4.3, gap-tolerant)', () => {
  it.each([
    ['en', 'The witness in the Gashi trial is hardly believable.'],
    ['en', "The defendant's story simply doesn't add up."],
    ['sq', 'Dëshmitarit në rastin P. nr. 44/25 nuk i beson askush.'],
    ['sr', 'Svedok u predmetu P. br. 9/25 teško da govori istinu.'],
  ] as const)('%s: %s', (lang, text) => {
    expect(rules(text, lang)).toContain('pending.credibility');
  });
  it('neutral witness notices and reported arguments stay clean', () => {
    expect(rules('The hearing of two prosecution witnesses in the Gashi trial is scheduled for 12 March.', 'en')).toEqual([]);
    expect(rules('The defence argued that the witness was not credible; the panel will rule on 4 June.', 'en')).not.toContain(
      'pending.credibility',
    );
  });
});

describe('third-party attribution (round 6: lifts decisions.comment, pending.evaluative, pending.prejudge and the evaluation rules)', () => {
  const arts = (t: string, lang: 'sq' | 'sr' | 'en') => checkText(t, { lang }).map((f) => f.article);
  it.each([
    ['en', 'The lawyer declared the judgment unjust.'],
    ['en', 'According to the defence, the verdict is unfair.'],
    ['en', 'The prosecution told the court its witness was credible.'],
    ['sq', 'Sipas avokatit, aktgjykimi është i padrejtë.'],
    ['sq', 'Mbrojtja deklaroi se dëshmitari i prokurorisë nuk është i besueshëm.'],
    ['sr', 'Prema rečima advokata, presuda je nepravedna.'],
    ['sr', 'Према наводима тужилаштва, сведок одбране није веродостојан.'],
  ] as const)('a party’s statement stays clean — %s: %s', (lang, text) => {
    expect(arts(text, lang)).toEqual([]);
  });
  it.each([
    ['en', 'The Court said the verdict of the Court of Appeals is unjust.', '4.4c'],
    ['en', 'We declared the judgment unjust.', '4.4c'],
    ['sq', 'Gjykata deklaroi se aktgjykimi i Apelit është i padrejtë.', '4.4c'],
    ['sr', 'Sud je izjavio da je presuda Apelacionog suda nepravedna.', '4.4c'],
    ['en', 'According to us, the witness is not credible.', '4.3'],
    ['en', 'The judge said the witness is not credible.', '4.3'],
    ['sr', 'Prema medicinskoj dokumentaciji iz spisa, oštećeni je povređen – jasno je da je optuženi kriv.', '4.3'],
  ] as const)('the institution’s own voice is not lifted — %s: %s', (lang, text, art) => {
    expect(arts(text, lang)).toContain(art);
  });
});

describe('round-6 idiom families (4.4c)', () => {
  it.each([
    ['en', 'The ruling puts things right for the families.'],
    ['en', 'This judgment is a breath of fresh air.'],
    ['sq', 'Aktgjykimi është plagë e hapur për familjet.'],
    ['sq', 'Me kete vendim gjykata i ktheu shpinen qytetareve.'],
    ['sr', 'Presuda je okrenula leđa žrtvama.'],
    ['sr', 'Одлука суда је корак уназад.'],
  ] as const)('%s: %s', (lang, text) => {
    expect(rules(text, lang)).toContain('decisions.evaluation');
  });
  it('a schedule is not an idiom', () => {
    expect(
      rules('The court will hold the next hearing in the case on 3 May; the defence asked for a step back in the schedule.', 'en'),
    ).toEqual([]);
  });
});

describe('round 8 (blind holdout 12): concepts, attribution over case numbers, booster evidence', () => {
  const arts = (t: string, lang: 'sq' | 'sr' | 'en') => [...new Set(checkText(t, { lang }).map((f) => f.article))].sort();
  it.each([
    ['sr', 'Malo je verovatno da će optuženi u predmetu K.br. 12/2025 dobiti uslovnu kaznu.', '4.3'],
    ['en', 'We doubt the court will award the plaintiff in C.no. 40/2025 anything near that amount.', '4.3'],
    ['sq', 'Avokati i të paditurit në C.nr. 77/2025 nuk e ka idenë fare çfarë po bën.', '4.3'],
    ['en', 'The Court of Appeals got this one completely wrong.', '4.4c'],
    ['sr', 'Presuda Osnovnog suda je potpuno promašena.', '4.4c'],
    ['sr', 'По договору са Владом, суд ће одложити поступке против министара.', '4.2'],
    ['sq', 'Detektori i metaleve në hyrje të gjykatës është i prishur.', '4.8'],
    ['sq', 'Kamerat e sigurisë në hyrjen e pasme janë të prishura.', '4.8'],
    ['sr', 'Nedostaje mi more, jedva čekam odmor.', '4.1'],
    ['sq', 'Agjencia e udhëtimit "Dielli" ofron pushime me çmime të lira.', '4.6'],
  ] as const)('flags %s: %s', (lang, text, art) => {
    expect(arts(text, lang)).toContain(art);
  });
  it.each([
    ['en', 'The victim Arbnora told the court she had been threatened for months.', '4.5'],
    ['sr', 'Oštećena Milica, učenica srednje škole, svedočila je iza paravana.', '4.5'],
    ['en', 'We will coordinate the timing of the verdict with the Government’s communication office.', '4.2'],
    ['en', 'The wifi password for the judges’ lounge is written on a sticky note on the door: Lounge#2025.', '4.8'],
  ] as const)('flags (after holdouts 13–16) %s: %s', (lang, text, art) => {
    expect(arts(text, lang)).toContain(art);
  });
  it.each([
    ['en', 'The Victim Advocacy Office will assist victims during the hearings this week.'],
    ['sr', 'Sud je u koordinaciji sa policijom organizovao vežbu evakuacije.'],
    ['en', 'The leader of the EU Rule of Law mission visited the Court of Appeals.'],
    ['sr', 'Sud podseća da je kamera u sudnici isključena tokom suđenja maloletnicima, u skladu sa zakonom.'],
  ] as const)('stays clean (after holdouts 13–16) — %s: %s', (lang, text) => {
    expect(arts(text, lang)).toEqual([]);
  });
  it('a party’s petition is party support as well as a petition', () => {
    expect(arts('Nënshkruani peticionin e LDK-së për gjykata më të shpejta!', 'sq')).toEqual(['4.4a', '4.4b']);
  });
  it.each([
    ['sq', 'Mbrojtja e të akuzuarit në lëndën PKR.nr. 102/2025 deklaroi se klienti i saj është i pafajshëm.'],
    ['sr', 'Branilac optuženog u predmetu K.br. 402/2025 izjavio je da je njegov klijent nevin.'],
    ['en', 'Due to the snowstorm, Monday’s hearings are unlikely to start on time.'],
    ['sr', 'Svedok u predmetu K.br. 77/2025 izjavio je da nema pojma ko je vozio automobil.'],
    ['en', 'At the request of the Assembly’s committee, the KJC Chair presented the annual report.'],
    ['sq', 'Gjyqtarët vizituan qendrën ditore për fëmijët me autizëm në Ditën Botërore të Autizmit.'],
    ['sq', 'Ofertë nga pizzeria: çdo të premte, dy pica me çmimin e një për punonjësit e gjykatës.'],
    ['en', 'The defendant B.K. pleaded not guilty to all charges at today’s initial hearing in P.no. 1187/2025.'],
  ] as const)('stays clean of the new rules — %s: %s', (lang, text) => {
    const found = arts(text, lang).filter((a) => a !== '4.6');
    expect(found).toEqual([]);
  });
});
