import type { z } from 'zod';
import type { AccountRegisterBody, AccountRequestBody, AccountUpdateBody, ApproveAccountBody } from '@courtdesk/contracts';
import type { Db, DbOrTrx, Trx } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '../../platform/http/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import {
  canApproveAccount,
  canCloseAccount,
  canEditAccount,
  canRegisterAccount,
  canRequestAccount,
  canViewAuthority,
  type AuthorityActor,
} from '../decisions/decisions.policy.js';
import { issueInTransaction } from '../decisions/decisions.service.js';
import { rightsOnAccount } from '../decisions/rights.js';
import { readSignedAct } from '../decisions/signed-act.js';
import type { AccountsTable } from './accounts.tables.js';
import { checkHandle } from './handles.js';
import { accountRow } from './accounts.rows.js';

type RequestInput = z.output<typeof AccountRequestBody>;
type RegisterInput = z.output<typeof AccountRegisterBody>;
type UpdateInput = z.output<typeof AccountUpdateBody>;
type ApproveInput = z.output<typeof ApproveAccountBody>;

/** Loads an account the actor may see; another institution's answers 404. */
export async function findVisibleAccount(db: DbOrTrx, aa: AuthorityActor, id: string): Promise<AccountsTable> {
  const a = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a || !canViewAuthority(aa, a.institution_id)) throw new NotFoundError('The account');
  return a;
}

async function checkInstitution(db: DbOrTrx, aa: AuthorityActor, id: string): Promise<void> {
  const inst = await db.selectFrom('institutions').select('id').where('id', '=', id).executeTakeFirst();
  if (!inst || !canViewAuthority(aa, id)) throw new NotFoundError('The institution');
}

async function checkUnique(db: DbOrTrx, platform: string, handle: string, exceptId?: string): Promise<void> {
  let q = db
    .selectFrom('accounts')
    .select('id')
    .where('platform', '=', platform)
    .where('status', '!=', 'closed')
    .where((eb) => eb(eb.fn('lower', ['handle']), '=', handle.toLowerCase()));
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new ConflictError(`@${handle} on ${platform} is already in the register.`, 'handle_taken');
}

function newRow(
  institutionId: string,
  platform: string,
  handle: string,
  displayName: string,
  status: AccountsTable['status'],
): AccountsTable {
  const now = nowIso();
  return accountRow({
    id: newId(),
    institution_id: institutionId,
    platform,
    handle,
    display_name: displayName,
    external_id: platform === 'sandbox' ? handle : null,
    status,
    created_at: now,
    updated_at: now,
  });
}

/** Art. 3.3: asks the head of the institution for permission to open a new official account. */
export async function requestAccount(db: Db, aa: AuthorityActor, body: RequestInput): Promise<AccountsTable> {
  return db.transaction().execute(async (trx) => {
    await checkInstitution(trx, aa, body.institutionId);
    if (!canRequestAccount(aa, body.institutionId))
      throw new ForbiddenError(
        'Only the Responsible Officer, the information officer or the head of the institution may ask to open an account (art. 3.3).',
      );
    const handle = checkHandle(body.platform, body.handle);
    await checkUnique(trx, body.platform, handle);
    const row = {
      ...newRow(body.institutionId, body.platform, handle, body.displayName, 'requested'),
      requested_by: aa.id,
      requested_at: nowIso(),
      request_note: body.note ?? null,
    };
    await trx.insertInto('accounts').values(row).execute();
    await appendAudit(trx, {
      type: 'account.requested',
      actorId: aa.id,
      institutionId: row.institution_id,
      subjectType: 'account',
      subjectId: row.id,
      reason: row.request_note,
      data: { platform: row.platform, handle },
    });
    return row;
  });
}

/** Registers an account that existed before the manual; it shows as lacking a retroactive decision until one is issued (art. 3.4). */
export async function registerAccount(db: Db, aa: AuthorityActor, body: RegisterInput): Promise<AccountsTable> {
  return db.transaction().execute(async (trx) => {
    await checkInstitution(trx, aa, body.institutionId);
    if (!canRegisterAccount(aa, body.institutionId))
      throw new ForbiddenError(
        'Only the head of the institution, its Responsible Officer or an administrator may register an existing account.',
      );
    const handle = checkHandle(body.platform, body.handle);
    await checkUnique(trx, body.platform, handle);
    const row: AccountsTable = {
      ...newRow(body.institutionId, body.platform, handle, body.displayName, 'active'),
      url: body.url ?? null,
      external_id: body.externalId ?? (body.platform === 'sandbox' ? handle : null),
      opened_with_email: body.openedWithEmail ?? null,
      opened_at: body.openedAt ? `${body.openedAt}T00:00:00.000Z` : null,
      opened_before_manual: 1,
    };
    await trx.insertInto('accounts').values(row).execute();
    await appendAudit(trx, {
      type: 'account.registered',
      actorId: aa.id,
      institutionId: row.institution_id,
      subjectType: 'account',
      subjectId: row.id,
      data: { platform: row.platform, handle, openedBeforeManual: true },
    });
    return row;
  });
}

/** Art. 3.3: the head of the institution permits opening the account, by a decision. */
export async function approveAccount(db: Db, aa: AuthorityActor, id: string, body: ApproveInput) {
  const act = body.attachment ? readSignedAct(body.attachment) : null;
  return db.transaction().execute(async (trx) => {
    const a = await findVisibleAccount(trx, aa, id);
    if (!canApproveAccount(aa, a.institution_id))
      throw new ForbiddenError('Permission to open an official account is given by the head of the institution (art. 3.3).', 'not_head');
    if (a.status !== 'requested') throw new ConflictError('This account is not waiting for permission.', 'not_requested');
    const decision = await issueInTransaction(
      trx,
      aa,
      {
        institutionId: a.institution_id,
        number: body.number,
        decidedOn: body.decidedOn,
        kind: 'account_opening',
        personIds: [],
        accountIds: [a.id],
        coversAllAccounts: false,
      },
      act,
    );
    return { account: { ...a, status: 'active' as const, authorising_decision_id: decision.id }, decision };
  });
}

/** Refuses a request or closes an account; both are the head's and both keep the row and the reason. */
export async function closeAccount(db: Db, aa: AuthorityActor, id: string, reason: string): Promise<AccountsTable> {
  return db.transaction().execute(async (trx) => {
    const a = await findVisibleAccount(trx, aa, id);
    if (!canCloseAccount(aa, a.institution_id))
      throw new ForbiddenError('Closing an account or refusing a request is for the head of the institution (art. 3.3).', 'not_head');
    if (a.status === 'closed') throw new ConflictError('The account is already closed.', 'already_closed');
    const now = nowIso();
    await trx
      .updateTable('accounts')
      .set({ status: 'closed', closed_at: now, closed_reason: reason, updated_at: now })
      .where('id', '=', a.id)
      .execute();
    await appendAudit(trx, {
      type: a.status === 'requested' ? 'account.request_refused' : 'account.closed',
      actorId: aa.id,
      institutionId: a.institution_id,
      subjectType: 'account',
      subjectId: a.id,
      reason,
      data: { handle: a.handle, platform: a.platform },
    });
    return { ...a, status: 'closed' as const, closed_at: now, closed_reason: reason, updated_at: now };
  });
}

const FIELDS = {
  handle: 'handle',
  displayName: 'display_name',
  url: 'url',
  externalId: 'external_id',
  openedWithEmail: 'opened_with_email',
  address: 'address',
  postalCode: 'postal_code',
  phone: 'phone',
  email: 'email',
  website: 'website',
} as const;

/** Keeps the register's copy of an account's details; every change is audited with its old and new value. */
export async function updateAccount(db: Db, aa: AuthorityActor, id: string, body: UpdateInput): Promise<AccountsTable> {
  return db.transaction().execute(async (trx) => {
    const a = await findVisibleAccount(trx, aa, id);
    const rights = await rightsOnAccount(trx, aa.id, a.id);
    const requestedByMe = a.status === 'requested' && a.requested_by === aa.id;
    if (!canEditAccount(aa, a.institution_id, rights.manageAccess || requestedByMe))
      throw new ForbiddenError('Only those who manage access to this account (admin level, art. 5.6a) may change its details.');
    if (a.status === 'closed') throw new ConflictError('A closed account cannot be changed.', 'closed');
    const set: Partial<AccountsTable> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const put = <K extends keyof AccountsTable>(key: string, col: K, value: AccountsTable[K]) => {
      if (value !== a[col]) {
        set[col] = value;
        changes[key] = { from: a[col], to: value };
      }
    };
    for (const [key, col] of Object.entries(FIELDS) as Array<[keyof typeof FIELDS, (typeof FIELDS)[keyof typeof FIELDS]]>) {
      const v = body[key];
      if (v === undefined) continue;
      if (key === 'handle') {
        const h = checkHandle(a.platform, v as string);
        if (h !== a.handle) await checkUnique(trx, a.platform, h, a.id);
        put(key, 'handle', h);
      } else put(key, col, v as never);
    }
    if (body.openedAt !== undefined) put('openedAt', 'opened_at', body.openedAt ? `${body.openedAt}T00:00:00.000Z` : null);
    if (body.description !== undefined) put('description', 'description', JSON.stringify(body.description));
    if (body.autoReplyConfigured !== undefined) put('autoReplyConfigured', 'auto_reply_configured', body.autoReplyConfigured ? 1 : 0);
    if (body.facebookAdminOfficialEmail !== undefined)
      put(
        'facebookAdminOfficialEmail',
        'facebook_admin_official_email',
        body.facebookAdminOfficialEmail === null ? null : body.facebookAdminOfficialEmail ? 1 : 0,
      );
    if (Object.keys(set).length === 0) return a;
    set.updated_at = nowIso();
    await trx.updateTable('accounts').set(set).where('id', '=', a.id).execute();
    await appendAudit(trx, {
      type: 'account.updated',
      actorId: aa.id,
      institutionId: a.institution_id,
      subjectType: 'account',
      subjectId: a.id,
      data: { changes },
    });
    return { ...a, ...set };
  });
}

/** Used by use cases that only need to be sure the actor manages the account. */
export async function requireManage(trx: Trx, aa: AuthorityActor, a: AccountsTable): Promise<void> {
  const rights = await rightsOnAccount(trx, aa.id, a.id);
  if (!rights.manageAccess)
    throw new RuleViolationError('Only the Responsible Officer or the president manages this account (art. 5.6a).', '5.6a', 'not_admin');
}
