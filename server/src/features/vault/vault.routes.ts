import { z } from 'zod';
import {
  ErrorBody,
  RevealedSecret,
  RevealSecretBody,
  StoreSecretBody,
  VaultAccount,
  VaultOverview,
  VaultSecret,
} from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { canViewInstitution } from '../institutions/institutions.policy.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import { accountsWhereUserHas, rightsOnAccount } from '../decisions/rights.js';
import { canOpenVault } from './vault.policy.js';
import { listSecrets, openingsOf, revealSecret, rotateOnLeave, storeSecret } from './vault.service.js';
import { onPersonLeft } from '../people/people.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const AccountParams = z.object({ accountId: z.string().min(1).max(64) });

/** The credential vault: accounts' passwords and 2FA seeds, open only to the RO and the president. */
export async function vaultRoutes(app: App): Promise<void> {
  const { db, config } = app.ctx;
  const tags = ['vault'];
  onPersonLeft(rotateOnLeave);

  /** Loads the account and answers 404 for another institution's account, 403 without the vault right. */
  async function guard(userId: string, accountId: string, pa: Awaited<ReturnType<typeof toPolicyActor>>) {
    const account = await db.selectFrom('accounts').select(['id', 'institution_id']).where('id', '=', accountId).executeTakeFirst();
    if (!account || !canViewInstitution(pa, account.institution_id)) throw new NotFoundError('The account');
    if (!canOpenVault(await rightsOnAccount(db, userId, accountId))) {
      throw new ForbiddenError(
        'Only the Responsible Officer and the court president may open this account’s secrets (art. 5.10, 5.13, 5.16).',
        'vault_forbidden',
      );
    }
    return account;
  }

  app.get('/api/vault', { schema: { tags, response: { 200: z.object({ items: z.array(VaultAccount) }), ...errors } } }, async (req) => {
    const actor = requireActor(req);
    const ids = await accountsWhereUserHas(db, actor.user.id, 'vault');
    if (ids.length === 0) return { items: [] };
    const accounts = await db
      .selectFrom('accounts')
      .select(['id', 'institution_id', 'platform', 'handle', 'display_name'])
      .where('id', 'in', ids)
      .where('status', '!=', 'closed')
      .orderBy('platform')
      .execute();
    const counts = await db
      .selectFrom('vault_secrets')
      .select(['account_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('rotation_due_at').as('due')])
      .where('account_id', 'in', ids)
      .where('retired_at', 'is', null)
      .groupBy('account_id')
      .execute();
    const byId = new Map(counts.map((c) => [c.account_id, c]));
    return {
      items: accounts.map((a) => ({
        accountId: a.id,
        institutionId: a.institution_id,
        platform: a.platform,
        handle: a.handle,
        displayName: a.display_name,
        secrets: Number(byId.get(a.id)?.n ?? 0),
        rotationDue: Number(byId.get(a.id)?.due ?? 0),
      })),
    };
  });

  app.get(
    '/api/vault/:accountId',
    { schema: { tags, params: AccountParams, response: { 200: VaultOverview, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      await guard(actor.user.id, req.params.accountId, await toPolicyActor(db, actor));
      const secrets = await listSecrets(db, req.params.accountId);
      const openings = await openingsOf(db, req.params.accountId);
      return {
        accountId: req.params.accountId,
        secrets: secrets.map((s) =>
          VaultSecret.parse({
            id: s.id,
            kind: s.kind,
            label: s.label,
            version: s.version,
            setAt: s.set_at,
            setByName: s.set_by_name ?? null,
            rotationDueAt: s.rotation_due_at,
            rotationReason: s.rotation_reason,
          }),
        ),
        openings: openings.map((o) => ({
          seq: o.seq,
          at: o.at,
          type: o.type,
          actorName: o.actor_name ?? null,
          reason: o.reason,
          label: (JSON.parse(o.data) as { label?: string }).label ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/vault/:accountId/secrets',
    { schema: { tags, params: AccountParams, body: StoreSecretBody, response: { 200: VaultSecret, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      await guard(actor.user.id, req.params.accountId, await toPolicyActor(db, actor));
      const row = await storeSecret({ db, config }, actor.user, req.params.accountId, req.body);
      return {
        id: row.id,
        kind: row.kind,
        label: row.label,
        version: row.version,
        setAt: row.set_at,
        setByName: actor.user.name,
        rotationDueAt: null,
        rotationReason: null,
      };
    },
  );

  app.post(
    '/api/vault/secrets/:secretId/reveal',
    {
      schema: {
        tags,
        params: z.object({ secretId: z.string().min(1).max(64) }),
        body: RevealSecretBody,
        response: { 200: RevealedSecret, ...errors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const secret = await db.selectFrom('vault_secrets').select(['account_id']).where('id', '=', req.params.secretId).executeTakeFirst();
      if (!secret) throw new NotFoundError('The secret');
      await guard(actor.user.id, secret.account_id, await toPolicyActor(db, actor));
      reply.header('cache-control', 'no-store');
      return revealSecret({ db, config }, actor.user, req.params.secretId, req.body, req.ip);
    },
  );
}
