import { z } from 'zod';
import {
  Account,
  AccountDetail,
  AccountList,
  AccountListQuery,
  AccountRegisterBody,
  AccountRequestBody,
  AccountUpdateBody,
  ApproveAccountBody,
  BrandKit,
  BrandKitBody,
  CloseAccountBody,
  ComplianceQuery,
  ComplianceReport,
  DriftReport,
  ErrorBody,
  PublicRegister,
} from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { requireActor } from '../auth/session.plugin.js';
import { signedInFirst } from '../decisions/signed-in.js';
import { toAuthorityActor } from '../decisions/authority-actor.js';
import {
  canApproveAccount,
  canCheckPlatform,
  canCloseAccount,
  canEditAccount,
  canRequestAccount,
  canViewAuthority,
  type AuthorityActor,
} from '../decisions/decisions.policy.js';
import { rightsOnAccount } from '../decisions/rights.js';
import type { Db } from '../../platform/db/database.js';
import { checksFor, holdersOf, latestDrift, loadCheckContext, presentAccounts } from './accounts.repository.js';
import { approveAccount, closeAccount, findVisibleAccount, registerAccount, requestAccount, updateAccount } from './accounts.service.js';
import type { AccountsTable } from './accounts.tables.js';
import { getBrandKit, updateBrandKit } from './brand-kit.service.js';
import { complianceReport, publicRegister } from './compliance.service.js';
import { checkDrift, refreshProfile } from './platform.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody };
const Params = z.object({ id: z.string().min(1).max(64) });
const InstParams = z.object({ institutionId: z.string().min(1).max(64) });

async function detail(db: Db, aa: AuthorityActor, a: AccountsTable): Promise<AccountDetail> {
  const ctx = await loadCheckContext(db, [a]);
  const [base] = await presentAccounts(db, [a], ctx);
  const my = await rightsOnAccount(db, aa.id, a.id);
  const requestedByMe = a.status === 'requested' && a.requested_by === aa.id;
  const open = a.status !== 'closed';
  return {
    ...base!,
    checks: checksFor(a, ctx),
    holders: await holdersOf(db, a, ctx),
    drift: latestDrift(ctx, a.id),
    my: {
      level: my.level,
      publish: my.publish,
      moderate: my.moderate,
      vault: my.vault,
      manageAccess: my.manageAccess,
      approve: my.approve,
    },
    can: {
      edit: open && canEditAccount(aa, a.institution_id, my.manageAccess || requestedByMe),
      approve: a.status === 'requested' && canApproveAccount(aa, a.institution_id),
      close: open && canCloseAccount(aa, a.institution_id),
      checkDrift: a.status === 'active' && canCheckPlatform(aa, a.institution_id),
      refreshProfile: a.status === 'active' && canCheckPlatform(aa, a.institution_id),
    },
  };
}

/** The register of official accounts, its checks, drift, the brand kit, compliance, and the public register. */
export async function accountsRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['accounts'];
  // Coarse check first: an anonymous call is refused (401) before its body is even validated.
  app.addHook('onRequest', signedInFirst);

  app.get('/api/accounts', { schema: { tags, querystring: AccountListQuery, response: { 200: AccountList, ...errors } } }, async (req) => {
    const aa = await toAuthorityActor(db, requireActor(req));
    const { institutionId, status, platform, q, limit, offset } = req.query;
    const all = await db.selectFrom('institutions').select('id').execute();
    const ids = all.map((i) => i.id).filter((id) => canViewAuthority(aa, id) && (!institutionId || id === institutionId));
    const canRequest = institutionId ? canRequestAccount(aa, institutionId) : ids.some((id) => canRequestAccount(aa, id));
    if (ids.length === 0) return { items: [], total: 0, canRequest: false };
    let query = db.selectFrom('accounts').where('institution_id', 'in', ids);
    if (status) query = query.where('status', '=', status);
    if (platform) query = query.where('platform', '=', platform);
    if (q) query = query.where((eb) => eb.or([eb('handle', 'like', `%${q}%`), eb('display_name', 'like', `%${q}%`)]));
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy('institution_id')
      .orderBy('platform')
      .orderBy('handle')
      .limit(limit)
      .offset(offset)
      .execute();
    return { items: await presentAccounts(db, rows), total: Number(total.n), canRequest };
  });

  app.get('/api/accounts/:id', { schema: { tags, params: Params, response: { 200: AccountDetail, ...errors } } }, async (req) => {
    const aa = await toAuthorityActor(db, requireActor(req));
    return detail(db, aa, await findVisibleAccount(db, aa, req.params.id));
  });

  app.post('/api/accounts/requests', { schema: { tags, body: AccountRequestBody, response: { 200: Account, ...errors } } }, async (req) => {
    const aa = await toAuthorityActor(db, requireActor(req));
    const row = await requestAccount(db, aa, req.body);
    return (await presentAccounts(db, [row]))[0]!;
  });

  app.post('/api/accounts', { schema: { tags, body: AccountRegisterBody, response: { 200: Account, ...errors } } }, async (req) => {
    const aa = await toAuthorityActor(db, requireActor(req));
    const row = await registerAccount(db, aa, req.body);
    return (await presentAccounts(db, [row]))[0]!;
  });

  app.patch(
    '/api/accounts/:id',
    { schema: { tags, params: Params, body: AccountUpdateBody, response: { 200: AccountDetail, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      return detail(db, aa, await updateAccount(db, aa, req.params.id, req.body));
    },
  );

  app.post(
    '/api/accounts/:id/approve',
    {
      bodyLimit: 15 * 1024 * 1024,
      schema: { tags, params: Params, body: ApproveAccountBody, response: { 200: AccountDetail, ...errors } },
    },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      const { account } = await approveAccount(db, aa, req.params.id, req.body);
      return detail(db, aa, account);
    },
  );

  app.post(
    '/api/accounts/:id/close',
    { schema: { tags, params: Params, body: CloseAccountBody, response: { 200: AccountDetail, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      return detail(db, aa, await closeAccount(db, aa, req.params.id, req.body.reason));
    },
  );

  app.post(
    '/api/accounts/:id/profile/refresh',
    { schema: { tags, params: Params, response: { 200: AccountDetail, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      return detail(db, aa, await refreshProfile(db, aa, req.params.id));
    },
  );

  app.post('/api/accounts/:id/drift', { schema: { tags, params: Params, response: { 200: DriftReport, ...errors } } }, async (req) => {
    const aa = await toAuthorityActor(db, requireActor(req));
    return (await checkDrift(db, aa, req.params.id))!;
  });

  app.get(
    '/api/brand-kits/:institutionId',
    { schema: { tags, params: InstParams, response: { 200: BrandKit, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      return getBrandKit(db, aa, req.params.institutionId);
    },
  );

  app.put(
    '/api/brand-kits/:institutionId',
    { bodyLimit: 4 * 1024 * 1024, schema: { tags, params: InstParams, body: BrandKitBody, response: { 200: BrandKit, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      return updateBrandKit(db, aa, req.params.institutionId, req.body);
    },
  );

  app.get(
    '/api/compliance',
    { schema: { tags: ['compliance'], querystring: ComplianceQuery, response: { 200: ComplianceReport, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      return complianceReport(db, aa, req.query.institutionId);
    },
  );

  // Public: no session needed; only public fields; cacheable for a few minutes.
  app.get(
    '/public/accounts.json',
    { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags: ['public'], response: { 200: PublicRegister } } },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publicRegister(db);
    },
  );
}
