import type { ComplianceReport, PublicRegister } from '@courtdesk/contracts';
import type { DbOrTrx } from '../../platform/db/database.js';
import { nowIso } from '../../platform/ids.js';
import { canViewAuthority, type AuthorityActor } from '../decisions/decisions.policy.js';
import { checksFor, loadCheckContext, authorisationOf } from './accounts.repository.js';

/**
 * The compliance view: every failing check of every account, with its article and how to fix it,
 * per institution — one's own, or the whole judiciary for KJC leadership and administrators.
 */
export async function complianceReport(db: DbOrTrx, aa: AuthorityActor, institutionId?: string): Promise<ComplianceReport> {
  const insts = (await db.selectFrom('institutions').select(['id', 'sort_order']).orderBy('sort_order').execute()).filter(
    (i) => canViewAuthority(aa, i.id) && (!institutionId || i.id === institutionId),
  );
  const ids = insts.map((i) => i.id);
  if (ids.length === 0) return { institutions: [], rows: [] };
  const accounts = await db
    .selectFrom('accounts')
    .selectAll()
    .where('institution_id', 'in', ids)
    .where('status', '!=', 'closed')
    .orderBy('platform')
    .orderBy('handle')
    .execute();
  const ctx = await loadCheckContext(db, accounts);
  const offboarding = await db
    .selectFrom('offboarding_items')
    .select(['institution_id'])
    .where('institution_id', 'in', ids)
    .where('status', '=', 'open')
    .execute();
  const editorRequests = await db
    .selectFrom('editor_requests')
    .select(['institution_id'])
    .where('institution_id', 'in', ids)
    .where('status', '=', 'recommended')
    .execute();
  const rows: ComplianceReport['rows'] = [];
  for (const a of accounts) {
    for (const check of checksFor(a, ctx)) {
      if (check.status !== 'fail') continue;
      rows.push({
        institutionId: a.institution_id,
        account: { id: a.id, platform: a.platform, handle: a.handle, displayName: a.display_name, status: a.status },
        check,
      });
    }
  }
  const count = (list: Array<{ institution_id: string }>, id: string) => list.filter((x) => x.institution_id === id).length;
  return {
    institutions: ids.map((id) => ({
      institutionId: id,
      accounts: accounts.filter((a) => a.institution_id === id).length,
      failing: rows.filter((r) => r.institutionId === id).length,
      openOffboarding: count(offboarding, id),
      pendingRequests: count(editorRequests, id) + accounts.filter((a) => a.institution_id === id && a.status === 'requested').length,
    })),
    rows,
  };
}

/** The public register of official accounts: only what is public, only open accounts. */
export async function publicRegister(db: DbOrTrx): Promise<PublicRegister> {
  const insts = await db.selectFrom('institutions').selectAll().orderBy('sort_order').execute();
  const accounts = await db
    .selectFrom('accounts')
    .selectAll()
    .where('status', '=', 'active')
    .orderBy('platform')
    .orderBy('handle')
    .execute();
  const ctx = await loadCheckContext(db, accounts);
  return {
    generatedAt: nowIso(),
    institutions: insts
      .map((i) => ({
        code: i.code,
        nameSq: i.name_sq,
        nameSrLatn: i.name_sr_latn,
        nameSrCyrl: i.name_sr_cyrl,
        nameEn: i.name_en,
        website: i.website,
        accounts: accounts
          .filter((a) => a.institution_id === i.id)
          .map((a) => ({
            platform: a.platform,
            handle: a.handle,
            displayName: a.display_name,
            url: a.url,
            openedAt: a.opened_at ? a.opened_at.slice(0, 10) : null,
            verifiedByDecision: authorisationOf(a, ctx) === 'authorised',
          })),
      }))
      .filter((i) => i.accounts.length > 0),
  };
}
