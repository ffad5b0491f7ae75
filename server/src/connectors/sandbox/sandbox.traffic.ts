/**
 * Realistic demo traffic for the sandbox platform: comments under a court's posts and private
 * messages, in Albanian (with and without ë/ç), Serbian (Latin and Cyrillic) and English — questions,
 * harsh but legitimate criticism, praise, insults, threats, spam, accusations. Written for the demo
 * and the inbox benchmark (not copied from the evaluation set); the kinds are a hint for people
 * reading the demo, the classifier decides on its own.
 */

export type TrafficLang = 'sq' | 'sr-Latn' | 'sr-Cyrl' | 'en';
export type TrafficKind = 'question' | 'criticism' | 'praise' | 'insult' | 'threat' | 'spam' | 'accusation' | 'mixed';

export interface TrafficLine {
  lang: TrafficLang;
  kind: TrafficKind;
  text: string;
}

const C: TrafficLine[] = [
  // Albanian, with diacritics
  { lang: 'sq', kind: 'question', text: 'Kur do të mbahet seanca e radhës për rastin e pronës në {city}?' },
  { lang: 'sq', kind: 'question', text: 'A është publik aktgjykimi? Ku mund ta lexoj të plotë?' },
  { lang: 'sq', kind: 'criticism', text: 'Ky vendim është i padrejtë dhe gjykata duhet të japë llogari për vonesat e gjata.' },
  { lang: 'sq', kind: 'criticism', text: 'Drejtësia në Kosovë është shumë e ngadaltë, lënda ime pret që nga viti {year}.' },
  { lang: 'sq', kind: 'praise', text: 'Faleminderit për njoftimin e qartë, shumë e dobishme për qytetarët.' },
  { lang: 'sq', kind: 'insult', text: 'Jeni budallenj të gjithë, hajvana pa tru!' },
  { lang: 'sq', kind: 'insult', text: 'Ky gjyqtar është një idiot i plotë dhe maskara.' },
  { lang: 'sq', kind: 'threat', text: 'Gjyqtarit do t’ia tregojmë ne, do ta vrasim po e pamë në rrugë.' },
  { lang: 'sq', kind: 'spam', text: 'Fitoni 500€ në ditë nga shtëpia! Shkruani në WhatsApp +383 44 000 000, ofertë e kufizuar.' },
  { lang: 'sq', kind: 'accusation', text: 'Thonë se gjyqtari ka marrë ryshfet në këtë rast, a është e vërtetë?' },
  // Albanian, without diacritics (as often typed on phones)
  { lang: 'sq', kind: 'question', text: 'Pershendetje, a mund te me tregoni ku dorezohet ankesa per kete vendim?' },
  { lang: 'sq', kind: 'criticism', text: 'Gjykata vonon shume, qytetaret presin vite per nje vendim te thjeshte.' },
  { lang: 'sq', kind: 'insult', text: 'Jeni budallenj dhe te korruptuar, turp t ju vije!' },
  { lang: 'sq', kind: 'insult', text: 'qenTE e gjykates, pleh jeni te gjithe' },
  { lang: 'sq', kind: 'mixed', text: 'Vendim i dobet, por respekt per stafin e zyres se informimit.' },
  // Serbian, Latin
  { lang: 'sr-Latn', kind: 'question', text: 'Kada je sledeće ročište u predmetu iz {city}? Hvala unapred.' },
  { lang: 'sr-Latn', kind: 'criticism', text: 'Presuda je sramotna i sud bi trebalo da objasni zašto postupak traje godinama.' },
  { lang: 'sr-Latn', kind: 'praise', text: 'Hvala na obaveštenju na srpskom jeziku, to mnogo znači.' },
  { lang: 'sr-Latn', kind: 'insult', text: 'Vi ste obični idioti i budale, sram vas bilo!' },
  { lang: 'sr-Latn', kind: 'threat', text: 'Sudiji ćemo već pokazati, ubiću ga kad ga sretnem.' },
  { lang: 'sr-Latn', kind: 'spam', text: 'Zaradite 300 evra dnevno od kuće, pišite na Viber, ponuda važi danas!' },
  // Serbian, Cyrillic
  { lang: 'sr-Cyrl', kind: 'question', text: 'Где могу да преузмем образац за жалбу? Хвала.' },
  { lang: 'sr-Cyrl', kind: 'criticism', text: 'Одлука је неправедна, суд мора да објасни грађанима зашто касни.' },
  { lang: 'sr-Cyrl', kind: 'insult', text: 'Сви сте идиоти и будале, срамота!' },
  { lang: 'sr-Cyrl', kind: 'praise', text: 'Браво за транспарентност, хвала на објави.' },
  // English
  { lang: 'en', kind: 'question', text: 'Will the verdict in the {city} case be published online, and when?' },
  { lang: 'en', kind: 'criticism', text: 'This ruling is a disgrace and the court should explain the delays to the public.' },
  { lang: 'en', kind: 'praise', text: 'Thank you for the clear update, very helpful.' },
  { lang: 'en', kind: 'insult', text: 'You are all idiots and morons, absolute clowns.' },
  { lang: 'en', kind: 'threat', text: 'We know where the judge lives, he will pay for this, I will kill him.' },
  { lang: 'en', kind: 'spam', text: 'Make $500 a day from home!!! Click bit.ly/easy-cash-now and DM me on Telegram.' },
  { lang: 'en', kind: 'accusation', text: 'Everyone knows judge Berisha took bribes in this case.' },
  { lang: 'en', kind: 'mixed', text: '<script>alert("xss")</script> Is this <b>really</b> the final decision?' },
  // Uncertain: unnamed accusations stated as fact, veiled threats — for an officer to judge
  { lang: 'en', kind: 'accusation', text: 'Everyone knows the judges took bribes in the {city} case.' },
  { lang: 'sr-Latn', kind: 'accusation', text: 'Svi znaju da sudije primaju mito.' },
  { lang: 'en', kind: 'threat', text: 'Someone should bring a gun to that court.' },
  { lang: 'sr-Latn', kind: 'threat', text: 'Neko treba da uzme pištolj za tog sudiju.' },
  // Masking and tricks a hostile commenter uses
  { lang: 'sq', kind: 'insult', text: 'b u d a l l e n j  jeni krejt' },
  { lang: 'sr-Latn', kind: 'insult', text: 'idi0ti jedni, k*rve' },
  { lang: 'en', kind: 'insult', text: 'you are all id\u200Biots' },
  { lang: 'en', kind: 'mixed', text: '😡😡😡' },
];

const M: TrafficLine[] = [
  { lang: 'sq', kind: 'question', text: 'Përshëndetje, kam një lëndë në gjykatë dhe dua të di kur mbahet seanca.' },
  { lang: 'sq', kind: 'question', text: 'Pershendetje, si mund te marr nje kopje te aktgjykimit per vellain tim?' },
  { lang: 'sq', kind: 'criticism', text: 'Dua të ankohem për sjelljen e një zyrtari në sportel sot në mëngjes.' },
  { lang: 'sr-Latn', kind: 'question', text: 'Poštovani, kada mogu da dobijem presudu u svom predmetu?' },
  { lang: 'sr-Latn', kind: 'question', text: 'Zdravo, da li sud radi subotom? Treba da predam podnesak.' },
  { lang: 'sr-Cyrl', kind: 'question', text: 'Поштовани, како могу да поднесем жалбу на пресуду?' },
  { lang: 'sr-Cyrl', kind: 'question', text: 'Здраво, да ли је рочиште одложено за следећу недељу?' },
  { lang: 'en', kind: 'question', text: 'Hello, I am a journalist and would like to request a comment on the ruling.' },
  { lang: 'en', kind: 'question', text: 'Hi, how can I file a complaint about my case? Thanks.' },
  { lang: 'en', kind: 'mixed', text: '👍' },
];

const FIRST = [
  'Arben',
  'Blerta',
  'Driton',
  'Fatmire',
  'Gent',
  'Liridona',
  'Valon',
  'Jelena',
  'Marko',
  'Milica',
  'Nikola',
  'Dragana',
  'John',
  'Sarah',
  'Emma',
  'Luan',
  'Teuta',
  'Stefan',
  'Ana',
  'Burim',
];
const LAST = [
  'Krasniqi',
  'Berisha',
  'Hoxha',
  'Gashi',
  'Morina',
  'Shala',
  'Petrović',
  'Jovanović',
  'Nikolić',
  'Smith',
  'Brown',
  'Rexhepi',
  'Ilić',
  'Bytyqi',
  'Kelmendi',
];
const CITIES = ['Prishtinë', 'Prizren', 'Pejë', 'Gjakovë', 'Mitrovicë', 'Gjilan', 'Ferizaj', 'Graçanicë'];

/** A small deterministic PRNG (mulberry32), so demo runs and benchmarks are repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function fill(text: string, rng: () => number): string {
  return text.replace('{city}', pick(rng, CITIES)).replace('{year}', String(2015 + Math.floor(rng() * 9)));
}

export interface TrafficPerson {
  handle: string;
  name: string;
}

export function person(rng: () => number): TrafficPerson {
  const first = pick(rng, FIRST);
  const last = pick(rng, LAST);
  const handle =
    `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z.]/g, '') + Math.floor(rng() * 100);
  return { handle, name: `${first} ${last}` };
}

/** One comment a member of the public might write. `vary` appends a small variation (bench: distinct texts). */
export function trafficComment(rng: () => number, vary = false): TrafficLine & TrafficPerson {
  const line = pick(rng, C);
  const tail = vary ? ` ${pick(rng, ['', '!', '!!', '?', ' 🙏', ' 👎', ' #drejtesia', ''])}${Math.floor(rng() * 1000)}` : '';
  return { ...line, text: fill(line.text, rng) + tail, ...person(rng) };
}

/** One private message to the court's account. */
export function trafficMessage(rng: () => number): TrafficLine & TrafficPerson {
  const line = pick(rng, M);
  return { ...line, text: fill(line.text, rng), ...person(rng) };
}

/** Every template, for reports and tests. */
export const trafficTemplates = { comments: C, messages: M };
