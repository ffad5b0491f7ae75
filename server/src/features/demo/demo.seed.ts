import type { Position, UiLocale } from '@courtdesk/contracts';
import type { Config } from '../../platform/config.js';
import type { Db, Trx } from '../../platform/db/database.js';
import { appendAudit } from '../audit/audit.service.js';
import { generateTemporaryPassword } from '../auth/password.js';
import { insertPerson } from '../people/people.service.js';
import { authorityDemoSeeder } from '../accounts/authority.demo.js';
import type { UsersTable } from '../people/people.tables.js';
import { inboxDemoSeeder } from '../inbox/inbox.demo.js';
import { publishingDemoSeeder } from '../publishing/publishing.demo.js';
import { vaultDemoSeeder } from '../vault/vault.demo.js';

/** One demo person per role. E-mail addresses use the reserved `.test` domain. */
export const DEMO_PEOPLE: Array<{ key: string; name: string; email: string; position: Position; institution: string; locale: UiLocale }> = [
  { key: 'admin', name: 'Arta Krasniqi', email: 'admin@courtdesk.test', position: 'sysadmin', institution: 'kjc', locale: 'en' },
  { key: 'kjcChair', name: 'Besnik Berisha', email: 'chair@kgjk.test', position: 'kjc_chair', institution: 'kjc', locale: 'sq' },
  { key: 'kjcPio', name: 'Drita Hoxha', email: 'pio@kgjk.test', position: 'pio', institution: 'kjc', locale: 'sq' },
  {
    key: 'president',
    name: 'Valbona Gashi',
    email: 'president@prishtine.test',
    position: 'president',
    institution: 'bc-prishtine',
    locale: 'sq',
  },
  { key: 'pio', name: 'Luan Morina', email: 'pio@prishtine.test', position: 'pio', institution: 'bc-prishtine', locale: 'sq' },
  {
    key: 'officer',
    name: 'Jelena Petrović',
    email: 'officer@prishtine.test',
    position: 'court_officer',
    institution: 'bc-prishtine',
    locale: 'sr',
  },
  {
    key: 'officer2',
    name: 'Arben Shala',
    email: 'officer2@prishtine.test',
    position: 'court_officer',
    institution: 'bc-prishtine',
    locale: 'sq',
  },
  {
    key: 'presidentPrizren',
    name: 'Ajten Dursun',
    email: 'president@prizren.test',
    position: 'president',
    institution: 'bc-prizren',
    locale: 'en',
  },
  { key: 'pioPrizren', name: 'Milica Jovanović', email: 'pio@prizren.test', position: 'pio', institution: 'bc-prizren', locale: 'sr' },
];

export interface DemoContext {
  trx: Trx;
  config: Config;
  people: Record<string, UsersTable>;
  institutionId: (code: string) => string;
}

/**
 * Other features add their demo data here (accounts on the sandbox platform, decisions, posts,
 * inbox traffic). Each runs once, in the seeding transaction, in list order.
 */
export type DemoSeeder = (ctx: DemoContext) => Promise<void>;
export const demoSeeders: DemoSeeder[] = [];
// Accounts and decisions first: the inbox and publishing seeders use the accounts they find.
demoSeeders.push(authorityDemoSeeder);
demoSeeders.push(inboxDemoSeeder);
demoSeeders.push(publishingDemoSeeder);
demoSeeders.push(vaultDemoSeeder);

/** Seeds the demo data set when the database has no people yet; returns the sign-in details to print once. */
export async function seedDemo(
  db: Db,
  config: Config,
): Promise<Array<{ email: string; password: string; position: Position; institution: string }> | null> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const shared = process.env.DEMO_PASSWORD;
  const credentials: Array<{ email: string; password: string; position: Position; institution: string }> = [];
  await db.transaction().execute(async (trx) => {
    const people: Record<string, UsersTable> = {};
    for (const p of DEMO_PEOPLE) {
      const password = shared ?? generateTemporaryPassword();
      people[p.key] = await insertPerson(trx, { ...p, institutionId: `inst-${p.institution}`, password, isDemo: true });
      credentials.push({ email: p.email, password, position: p.position, institution: p.institution });
    }
    const ctx: DemoContext = { trx, config, people, institutionId: (code) => `inst-${code}` };
    for (const seed of demoSeeders) await seed(ctx);
    await appendAudit(trx, { type: 'system.seeded', actorId: null, data: { demo: true, people: DEMO_PEOPLE.length } });
  });
  return credentials;
}
