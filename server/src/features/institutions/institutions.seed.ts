import type { ContentLang, InstitutionKind } from '@courtdesk/contracts';
import type { DbOrTrx } from '../../platform/db/database.js';
import { nowIso } from '../../platform/ids.js';
import { latinToCyrillic } from './serbian-cyrillic.js';

/**
 * The Kosovo judiciary as data, from ../shared/domain/kosovo-judiciary.md. Contact details are only
 * filled where a public source gave them; everything else stays empty for an administrator to fill.
 * Serbian Cyrillic names are transliterated from the Latin ones.
 */
interface SeedInstitution {
  code: string;
  kind: InstitutionKind;
  parent?: string;
  sq: string;
  sr: string;
  en: string;
  seat: string;
  languages: ContentLang[];
  contact?: { address?: string; phone?: string; email?: string; website?: string };
}

const BASE: ContentLang[] = ['sq', 'sr'];

const top: SeedInstitution[] = [
  {
    code: 'kjc',
    kind: 'council',
    sq: 'Këshilli Gjyqësor i Kosovës',
    sr: 'Sudski savet Kosova',
    en: 'Kosovo Judicial Council',
    seat: 'Prishtinë',
    languages: BASE,
    // Source: edrejtajem.org/keshilli-gjyqesore/ (possibly outdated — an administrator should confirm).
    contact: {
      address: 'Luan Haradinaj p.n., Prishtinë',
      phone: '038 200 17 494',
      email: 'kgjk@rks-gov.net',
      website: 'https://www.gjyqesori-rks.org',
    },
  },
  {
    code: 'supreme',
    kind: 'supreme',
    sq: 'Gjykata Supreme',
    sr: 'Vrhovni sud',
    en: 'Supreme Court',
    seat: 'Prishtinë',
    languages: BASE,
    contact: { website: 'https://supreme.gjyqesori-rks.org' },
  },
  {
    code: 'appeals',
    kind: 'appeals',
    sq: 'Gjykata e Apelit',
    sr: 'Apelacioni sud',
    en: 'Court of Appeals',
    seat: 'Prishtinë',
    languages: BASE,
    contact: { website: 'https://apeli.gjyqesori-rks.org' },
  },
  {
    code: 'commercial',
    kind: 'commercial',
    sq: 'Gjykata Komerciale',
    sr: 'Privredni sud',
    en: 'Commercial Court',
    seat: 'Prishtinë',
    languages: BASE,
    contact: { website: 'https://komerciale.gjyqesori-rks.org' },
  },
];

type Basic = [
  code: string,
  sqCity: string,
  srLocative: string,
  enCity: string,
  langs: ContentLang[],
  website: string | null,
  branches: [string, string, string, ContentLang[]][],
];
const basic: Basic[] = [
  [
    'bc-prishtine',
    'Prishtinë',
    'Prištini',
    'Prishtina',
    ['sq', 'sr', 'tr'],
    null,
    [
      ['podujeve', 'Podujevë', 'Podujevu', BASE],
      ['gracanice', 'Graçanicë', 'Gračanici', BASE],
      ['lipjan', 'Lipjan', 'Lipljanu', BASE],
      ['drenas', 'Drenas', 'Glogovcu', BASE],
    ],
  ],
  [
    'bc-prizren',
    'Prizren',
    'Prizrenu',
    'Prizren',
    ['sq', 'sr', 'tr', 'bs'],
    'https://prizren.gjyqesori-rks.org',
    [
      ['dragash', 'Dragash', 'Dragašu', ['sq', 'sr', 'bs']],
      ['suhareke', 'Suharekë', 'Suvoj Reci', BASE],
    ],
  ],
  [
    'bc-peje',
    'Pejë',
    'Peći',
    'Peja',
    ['sq', 'sr', 'bs'],
    null,
    [
      ['istog', 'Istog', 'Istoku', ['sq', 'sr', 'bs']],
      ['kline', 'Klinë', 'Klini', BASE],
      ['decan', 'Deçan', 'Dečanima', BASE],
    ],
  ],
  [
    'bc-gjakove',
    'Gjakovë',
    'Đakovici',
    'Gjakova',
    BASE,
    null,
    [
      ['malisheve', 'Malishevë', 'Mališevu', BASE],
      ['rahovec', 'Rahovec', 'Orahovcu', BASE],
    ],
  ],
  [
    'bc-mitrovice',
    'Mitrovicë',
    'Mitrovici',
    'Mitrovica',
    ['sq', 'sr', 'tr'],
    'https://mitrovice.gjyqesori-rks.org',
    [
      ['leposaviq', 'Leposaviq', 'Leposaviću', BASE],
      ['vushtrri', 'Vushtrri', 'Vučitrnu', BASE],
      ['zubin-potok', 'Zubin Potok', 'Zubinom Potoku', BASE],
      ['skenderaj', 'Skenderaj', 'Srbici', BASE],
    ],
  ],
  [
    'bc-gjilan',
    'Gjilan',
    'Gnjilanu',
    'Gjilan',
    ['sq', 'sr', 'tr'],
    null,
    [
      ['kamenice', 'Kamenicë', 'Kamenici', BASE],
      ['viti', 'Viti', 'Vitini', ['sq', 'sr', 'tr']],
      ['novoberde', 'Novobërdë', 'Novom Brdu', BASE],
    ],
  ],
  [
    'bc-ferizaj',
    'Ferizaj',
    'Uroševcu',
    'Ferizaj',
    BASE,
    null,
    [
      ['kacanik', 'Kaçanik', 'Kačaniku', BASE],
      ['shterpce', 'Shtërpcë', 'Štrpcu', BASE],
    ],
  ],
];

export function seedInstitutionList(): SeedInstitution[] {
  const list = [...top];
  for (const [code, sqCity, srLoc, enCity, langs, website, branches] of basic) {
    const sq = `Gjykata Themelore në ${sqCity}`;
    list.push({
      code,
      kind: 'basic',
      sq,
      sr: `Osnovni sud u ${srLoc}`,
      en: `Basic Court of ${enCity}`,
      seat: sqCity,
      languages: langs,
      ...(website ? { contact: { website } } : {}),
    });
    for (const [bcode, bsq, bsrLoc, blangs] of branches) {
      list.push({
        code: `${code}-${bcode}`,
        kind: 'branch',
        parent: code,
        sq: `${sq} – Dega në ${bsq}`,
        sr: `Osnovni sud u ${srLoc} – Ogranak u ${bsrLoc}`,
        en: `Basic Court of ${enCity} – Branch in ${bsq}`,
        seat: bsq,
        languages: blangs,
      });
    }
  }
  return list;
}

/** Inserts the institutions that are missing (by code); never overwrites what an administrator edited. */
export async function seedInstitutions(db: DbOrTrx): Promise<number> {
  const existing = new Set((await db.selectFrom('institutions').select('code').execute()).map((r) => r.code));
  const list = seedInstitutionList();
  const idByCode = new Map<string, string>();
  for (const r of await db.selectFrom('institutions').select(['id', 'code']).execute()) idByCode.set(r.code, r.id);
  let added = 0;
  for (const [i, s] of list.entries()) {
    if (existing.has(s.code)) continue;
    const id = `inst-${s.code}`;
    idByCode.set(s.code, id);
    await db
      .insertInto('institutions')
      .values({
        id,
        code: s.code,
        kind: s.kind,
        parent_id: s.parent ? (idByCode.get(s.parent) ?? null) : null,
        name_sq: s.sq,
        name_sr_latn: s.sr,
        name_sr_cyrl: latinToCyrillic(s.sr),
        name_en: s.en,
        seat: s.seat,
        languages: JSON.stringify(s.languages),
        address: s.contact?.address ?? null,
        postal_code: null,
        phone: s.contact?.phone ?? null,
        email: s.contact?.email ?? null,
        website: s.contact?.website ?? null,
        sort_order: i,
        updated_at: nowIso(),
      })
      .execute();
    added++;
  }
  return added;
}
