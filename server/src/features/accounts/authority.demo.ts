import sharp from 'sharp';
import type { ContentLang } from '@courtdesk/contracts';
import { sandbox } from '../../connectors/sandbox/index.js';
import type { Trx } from '../../platform/db/database.js';
import { newId, nowIso, sha256 } from '../../platform/ids.js';
import type { DemoSeeder } from '../demo/demo.seed.js';
import type { AuthorityActor } from '../decisions/decisions.policy.js';
import { issueInTransaction } from '../decisions/decisions.service.js';
import type { AccountsTable } from './accounts.tables.js';
import { compareRoles } from './drift.js';
import { suggestHandle } from './handles.js';
import { dHash } from './perceptual-hash.js';
import { decidedPeople } from './platform.service.js';
import { accountRow } from './accounts.rows.js';

/**
 * Demo data for the register: one sandbox account per court and the KJC, with a brand-kit logo that
 * matches the profile picture, descriptions in the seat's languages and the automatic response on.
 * Prishtina, Prizren and the KJC (which have demo people) get their decisions: a retroactive decision
 * on the account and a Responsible Officer. Other courts' accounts show as opened before the manual and
 * lacking their retroactive decision (art. 3.4). One profile check fails on purpose (Prizren's
 * description lacks Turkish and Bosnian, art. 3.11) and Prishtina's page has one drift case.
 */
const DESCRIPTIONS: Record<ContentLang, (name: string) => string> = {
  sq: (n) => `Faqja zyrtare e institucionit ${n}. Nuk zhvillojmë komunikim zyrtar në rrjete sociale.`,
  sr: (n) => `Zvanična stranica institucije ${n}. Ne vodimo zvaničnu komunikaciju putem društvenih mreža.`,
  en: (n) => `Official page of ${n}. We conduct no official communication on social media.`,
  tr: (n) => `${n} resmi sayfası. Sosyal medyada resmi yazışma yapılmamaktadır.`,
  bs: (n) => `Zvanična stranica institucije ${n}. Ne vodimo zvaničnu komunikaciju putem društvenih mreža.`,
};
const AUTO_REPLY =
  'Kjo është përgjigje automatike. Gjykatat nuk zhvillojnë komunikim zyrtar në rrjetet sociale. Për çdo kërkesë, parashtresë apo ankesë, ju lutemi t’i drejtoheni gjykatës përmes kanaleve ligjore.';
const POSTAL: Record<string, string> = {
  Prishtinë: '10000',
  Prizren: '20000',
  Pejë: '30000',
  Mitrovicë: '40000',
  Gjakovë: '50000',
  Gjilan: '60000',
  Ferizaj: '70000',
};

/** A simple generated emblem per institution (no fonts needed), distinct enough for the perceptual hash. */
async function emblem(i: number): Promise<Buffer> {
  const x = 20 + ((i * 17) % 55);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 100 100"><rect width="100" height="100" fill="#ffffff"/>
    <circle cx="50" cy="42" r="28" fill="#16306b"/><rect x="${x}" y="20" width="8" height="44" fill="#d4af37"/><rect x="14" y="80" width="72" height="8" fill="#16306b"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const DEMO_INSTITUTIONS = [
  'kjc',
  'supreme',
  'appeals',
  'commercial',
  'bc-prishtine',
  'bc-prizren',
  'bc-peje',
  'bc-gjakove',
  'bc-mitrovice',
  'bc-gjilan',
  'bc-ferizaj',
];

export const authorityDemoSeeder: DemoSeeder = async ({ trx, people, institutionId }) => {
  // The demo courts' official domain matches the demo people's addresses (filled only where empty).
  for (const [code, email] of [
    ['bc-prishtine', 'info@prishtine.test'],
    ['bc-prizren', 'info@prizren.test'],
  ] as const) {
    await trx.updateTable('institutions').set({ email }).where('id', '=', institutionId(code)).where('email', 'is', null).execute();
  }
  const accounts = new Map<string, AccountsTable>();
  for (const [i, code] of DEMO_INSTITUTIONS.entries()) accounts.set(code, await seedAccount(trx, institutionId(code), i, code));

  const acting = (key: string, code: string): AuthorityActor => {
    const u = people[key]!;
    return {
      id: u.id,
      institutionId: u.institution_id,
      position: u.position,
      homeIds: [u.institution_id],
      leads: [institutionId(code)],
      roOf: [],
    };
  };
  const seeded: Array<[string, string, string, string]> = [
    ['bc-prishtine', 'president', 'pio', 'GJTHP'],
    ['bc-prizren', 'presidentPrizren', 'pioPrizren', 'GJTHPZ'],
    ['kjc', 'kjcChair', 'kjcPio', 'KGJK'],
  ];
  for (const [code, leader, ro, prefix] of seeded) {
    const acc = accounts.get(code)!;
    const aa = acting(leader, code);
    const base = { institutionId: institutionId(code), personIds: [] as string[], accountIds: [acc.id], coversAllAccounts: false };
    await issueInTransaction(
      trx,
      aa,
      {
        ...base,
        number: `${prefix}-2024/01`,
        decidedOn: '2024-02-01',
        kind: 'retroactive',
        summary: 'Retroactive decision on the account opened before the manual (art. 3.4).',
      },
      null,
    );
    await issueInTransaction(
      trx,
      aa,
      {
        ...base,
        accountIds: [],
        coversAllAccounts: true,
        personIds: [people[ro]!.id],
        number: `${prefix}-2024/02`,
        decidedOn: '2024-02-01',
        kind: 'ro_appointment',
        level: 'admin',
        summary: 'Appointment of the Responsible Officer for the official accounts (art. 3.1, 5.5).',
      },
      null,
    );
  }

  // Drift: the Prishtina page still lists a former volunteer as admin, without any decision.
  const pr = accounts.get('bc-prishtine')!;
  const roles = [
    { externalUserId: 'fb-1001', name: people.pio!.name, email: people.pio!.email, role: 'admin' as const },
    { externalUserId: 'fb-1002', name: 'Dardan Kelmendi', email: 'dardan.k@gmail.com', role: 'admin' as const },
  ];
  await sandbox.setRoles(trx, pr.external_id!, roles);
  const { decided, former } = await decidedPeople(trx, pr);
  const findings = compareRoles(roles, decided, former);
  await trx
    .insertInto('account_role_checks')
    .values({
      id: newId(),
      account_id: pr.id,
      checked_at: nowIso(),
      roles: JSON.stringify(roles),
      findings: JSON.stringify(findings),
      error: null,
      checked_by: null,
    })
    .execute();
  for (const code of DEMO_INSTITUTIONS.filter((c) => c !== 'bc-prishtine')) {
    const a = accounts.get(code)!;
    const admin = code === 'kjc' ? people.kjcPio! : code === 'bc-prizren' ? people.pioPrizren! : null;
    if (admin)
      await sandbox.setRoles(trx, a.external_id!, [
        { externalUserId: `sb-${admin.id.slice(0, 8)}`, name: admin.name, email: admin.email, role: 'admin' },
      ]);
  }
};

async function seedAccount(trx: Trx, instId: string, i: number, code: string): Promise<AccountsTable> {
  const inst = await trx.selectFrom('institutions').selectAll().where('id', '=', instId).executeTakeFirstOrThrow();
  const handle = suggestHandle(inst);
  const logo = await emblem(i);
  const hash = await dHash(logo);
  const now = nowIso();
  await trx
    .insertInto('brand_kits')
    .values({
      institution_id: instId,
      handle,
      logo_hash: hash,
      logo_sha256: sha256(logo),
      logo_mime: 'image/png',
      logo,
      updated_by: null,
      updated_at: now,
    })
    .execute();
  const langs = JSON.parse(inst.languages) as ContentLang[];
  // The deliberate failing check: Prizren's description only in Albanian and Serbian (art. 3.10–3.11).
  const described = code === 'bc-prizren' ? langs.filter((l) => l === 'sq' || l === 'sr') : langs;
  const description = Object.fromEntries(
    described.map((l) => [l, DESCRIPTIONS[l](l === 'sq' ? inst.name_sq : l === 'en' ? inst.name_en : inst.name_sr_latn)]),
  );
  const fresh = await trx
    .selectFrom('institutions')
    .select(['email', 'website', 'address', 'phone', 'postal_code'])
    .where('id', '=', instId)
    .executeTakeFirstOrThrow();
  const row: AccountsTable = accountRow({
    id: newId(),
    institution_id: instId,
    platform: 'sandbox',
    handle,
    display_name: inst.name_sq,
    external_id: handle,
    opened_with_email: fresh.email ?? `pio.${handle}@gjyqesori-rks.org`,
    opened_at: '2019-05-14T00:00:00.000Z',
    opened_before_manual: 1,
    description: JSON.stringify(description),
    address: fresh.address ?? `Sheshi i Drejtësisë p.n., ${inst.seat}`,
    postal_code: fresh.postal_code ?? POSTAL[inst.seat] ?? '10000',
    phone: fresh.phone ?? '+383 38 200 18 000',
    email: fresh.email ?? `info.${handle}@gjyqesori-rks.org`,
    website: fresh.website ?? 'https://www.gjyqesori-rks.org',
    picture_hash: hash,
    auto_reply_configured: 1,
    created_at: now,
    updated_at: now,
  });
  await trx.insertInto('accounts').values(row).execute();
  await sandbox.ensureAccount(trx, handle, {
    handle,
    displayName: row.display_name,
    description: description.sq ?? '',
    website: row.website,
    email: row.email,
    phone: row.phone,
    address: row.address,
    autoReplyText: AUTO_REPLY,
  });
  await sandbox.setProfile(trx, handle, { picture: logo });
  return row;
}
