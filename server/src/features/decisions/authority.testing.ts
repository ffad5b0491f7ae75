import { build, signIn, type Client, type TestContext } from '../../../test/app.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { AccountsTable } from '../accounts/accounts.tables.js';
import { accountRow } from '../accounts/accounts.rows.js';

/** Test helpers for the authority features: accounts straight into the register, PDFs, counts. */

let n = 0;
export async function insertAccount(ctx: TestContext, o: Partial<AccountsTable> & { institution?: string } = {}): Promise<AccountsTable> {
  const now = nowIso();
  const id = newId();
  const { institution, ...rest } = o;
  const row: AccountsTable = accountRow({
    id,
    institution_id: `inst-${institution ?? 'bc-prishtine'}`,
    platform: 'sandbox',
    handle: `acct${++n}${id.slice(0, 6)}`,
    display_name: 'Gjykata Themelore në Prishtinë',
    external_id: null,
    opened_at: '2023-01-10T00:00:00.000Z',
    created_at: now,
    updated_at: now,
    ...rest,
  });
  if (row.external_id === null) row.external_id = row.handle;
  await ctx.database.db.insertInto('accounts').values(row).execute();
  return row;
}

/** A tiny but real PDF, as the API expects it. */
export function pdfUpload(name = 'decision.pdf', extra = ''): { fileName: string; contentBase64: string } {
  const body = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${extra}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return { fileName: name, contentBase64: Buffer.from(body, 'latin1').toString('base64') };
}

/** Row counts of every table a refused request must leave untouched. */
export async function authorityCounts(ctx: TestContext): Promise<Record<string, number>> {
  const db = ctx.database.db;
  const tables = [
    'decisions',
    'decision_people',
    'decision_accounts',
    'decision_endings',
    'decision_files',
    'editor_requests',
    'accounts',
    'offboarding_items',
    'audit_events',
  ] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

export const today = () => nowIso().slice(0, 10);
export const daysFromToday = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
let num = 0;
/** A decision number unique within the test run. */
export const decisionNo = (prefix = 'D') => `${prefix}-${++num}-${newId().slice(0, 4)}`;

/** A court's cast for authority tests: president (signed in), PIO, two substitutes, an officer and an account. */
export async function buildCourt(ctx: TestContext) {
  const president = await build.user(ctx, { position: 'president' });
  const pio = await build.user(ctx, { position: 'pio' });
  const sub1 = await build.user(ctx, { position: 'court_officer' });
  const sub2 = await build.user(ctx, { position: 'court_officer' });
  const officer = await build.user(ctx, { position: 'court_officer' });
  const account = await insertAccount(ctx);
  return { president, pio, sub1, sub2, officer, account, pc: await signIn(ctx, president) };
}

/** Issues a decision for the Basic Court of Prishtina through the API (an RO appointment by default). */
export function appointVia(c: Client, o: { people: string[]; accounts: string[]; kind?: string; extra?: Record<string, unknown> }) {
  return c.post('/api/decisions', {
    institutionId: 'inst-bc-prishtine',
    number: decisionNo(),
    decidedOn: today(),
    kind: o.kind ?? 'ro_appointment',
    personIds: o.people,
    accountIds: o.accounts,
    ...o.extra,
  });
}
