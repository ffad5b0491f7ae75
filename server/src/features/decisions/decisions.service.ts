import type { DecisionKind, AccessLevel, PdfUpload } from '@courtdesk/contracts';
import type { Db, Trx } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/http/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { isSysadmin } from '../institutions/institutions.policy.js';
import { canIssueDecision, canViewAuthority, type AuthorityActor } from './decisions.policy.js';
import { grantPeriods } from './decisions.repository.js';
import {
  checkAppointee,
  checkPeopleCount,
  findConflict,
  isGrantKind,
  levelFor,
  periodFor,
  roleForKind,
  toMoment,
} from './decisions.rules.js';
import type { DecisionsTable } from './decisions.tables.js';
import { leadsInstitution } from './leadership.js';
import { readSignedAct, type SignedAct } from './signed-act.js';

/** What a use case hands to `issueInTransaction` (the route body, already parsed). */
export interface IssueInput {
  institutionId: string;
  number: string;
  decidedOn: string;
  kind: DecisionKind;
  issuedById?: string | undefined;
  level?: AccessLevel | undefined;
  personIds: string[];
  accountIds: string[];
  coversAllAccounts: boolean;
  effectFrom?: string | undefined;
  effectUntil?: string | null | undefined;
  targetDecisionId?: string | undefined;
  supersedesDecisionId?: string | undefined;
  summary?: string | undefined;
  attachment?: PdfUpload | undefined;
  /** Set only by the consent step of an editor request (art. 5.6b). */
  editorRequestId?: string;
}

/** Issues a decision: validates every rule of the manual, then writes it, its links and its audit record at once. */
export async function issueDecision(db: Db, aa: AuthorityActor, input: IssueInput): Promise<DecisionsTable> {
  const act = input.attachment ? readSignedAct(input.attachment) : null;
  return db.transaction().execute((trx) => issueInTransaction(trx, aa, input, act));
}

/** The body of `issueDecision`, for use cases that issue a decision as part of a larger change. */
export async function issueInTransaction(trx: Trx, aa: AuthorityActor, input: IssueInput, act: SignedAct | null): Promise<DecisionsTable> {
  const inst = await trx
    .selectFrom('institutions')
    .select(['id', 'kind', 'parent_id'])
    .where('id', '=', input.institutionId)
    .executeTakeFirst();
  if (!inst || !canViewAuthority(aa, inst.id)) throw new NotFoundError('The institution');
  if (!canIssueDecision(aa, inst.id)) {
    throw new ForbiddenError(
      'Only the leadership of the institution — its president, or for the KJC its Chair, Deputy Chair or Secretariat Director — may issue decisions (art. 3.1).',
      'not_leadership',
    );
  }
  const issuerId = input.issuedById ?? aa.id;
  if (issuerId !== aa.id && !isSysadmin(aa))
    throw new ForbiddenError('You can record only decisions you signed yourself (art. 3.1).', 'not_issuer');
  const issuer = await trx
    .selectFrom('users')
    .select(['id', 'name', 'position', 'institution_id', 'status'])
    .where('id', '=', issuerId)
    .executeTakeFirst();
  if (!issuer || !leadsInstitution(issuer, inst)) {
    throw new RuleViolationError(
      `${issuer?.name ?? 'This person'} is not part of the leadership of this institution; only its president (for the KJC: the Chair, Deputy Chair or Secretariat Director) may issue decisions (art. 3.1).`,
      '3.1',
      'issuer_not_leadership',
    );
  }
  const clash = await trx
    .selectFrom('decisions')
    .select('id')
    .where('institution_id', '=', inst.id)
    .where('number', '=', input.number)
    .executeTakeFirst();
  if (clash) throw new ConflictError(`A decision numbered “${input.number}” is already recorded for this institution.`, 'number_taken');

  const today = nowIso().slice(0, 10);
  const level = levelFor(input.kind, input.level, Boolean(input.editorRequestId));
  checkPeopleCount(input.kind, input.personIds.length);
  const people = await checkPeople(trx, inst, input.personIds);
  const accountIds = [...new Set(input.accountIds)];
  const accounts = await loadAccounts(trx, inst.id, accountIds);

  let period: { from: string; until: string | null };
  let target: DecisionsTable | null = null;
  if (input.kind === 'revocation') {
    target = await checkRevocationTarget(trx, inst.id, input.targetDecisionId);
    period = revocationPeriod(input, target, today);
  } else {
    if (input.targetDecisionId) throw new ValidationError('Only a revocation names a decision to revoke.');
    period = periodFor(input.kind, input.decidedOn, input.effectFrom ?? defaultFrom(input.kind, accounts), input.effectUntil, today);
  }

  if (isGrantKind(input.kind)) {
    if (!input.coversAllAccounts && accountIds.length === 0)
      throw new ValidationError('Name the accounts the decision covers, or make it cover all accounts of the institution (art. 5.5).');
    const notOpen = accounts.find((a) => a.status !== 'active');
    if (notOpen)
      throw new RuleViolationError(
        `@${notOpen.handle} is not an open account yet; access can be given once its opening is approved (art. 3.3).`,
        '3.3',
        'account_not_open',
      );
  } else if (input.kind === 'account_opening' || input.kind === 'retroactive') {
    checkAccountDecision(input.kind, accounts, accountIds.length);
  } else if (accountIds.length > 0 || input.coversAllAccounts) {
    throw new ValidationError('A revocation covers what the revoked decision covered; leave the accounts empty.');
  }

  const superseded = input.supersedesDecisionId
    ? await checkSuperseded(trx, inst.id, input.supersedesDecisionId, input.kind, period.from)
    : null;
  if (level) {
    const existing = (await grantPeriods(trx, inst.id, input.personIds)).filter((g) => g.decisionId !== superseded?.id);
    for (const userId of input.personIds) {
      const conflict = findConflict(
        { userId, level, from: period.from, end: period.until, coversAll: input.coversAllAccounts, accountIds },
        existing,
      );
      if (conflict) {
        const name = people.find((p) => p.id === userId)?.name ?? 'This person';
        throw new RuleViolationError(
          `${name} already has ${conflict.level} access to these accounts by decision ${conflict.number} over an overlapping period; revoke or supersede that decision instead of issuing a contradicting one (art. 5.5).`,
          '5.5',
          'overlapping_decision',
        );
      }
    }
  }

  return write(trx, aa, { input, issuerId, level, period, accountIds, target, superseded, act, people });
}

function defaultFrom(kind: DecisionKind, accounts: Array<{ opened_at: string | null }>): string | undefined {
  // A retroactive decision takes effect from the day the account was opened (art. 3.4).
  if (kind !== 'retroactive') return undefined;
  return accounts
    .map((a) => a.opened_at)
    .filter((x): x is string => x !== null)
    .sort()[0];
}

async function checkPeople(trx: Trx, inst: { id: string; parent_id: string | null }, ids: string[]) {
  if (new Set(ids).size !== ids.length) throw new ValidationError('A person is named twice.');
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'name', 'position', 'status', 'institution_id'])
    .where('id', 'in', ids)
    .execute();
  if (rows.length !== ids.length) throw new ValidationError('One of the people named does not exist.');
  const family = new Set([inst.id, ...(inst.parent_id ? [inst.parent_id] : [])]);
  const children = await trx.selectFrom('institutions').select('id').where('parent_id', '=', inst.id).execute();
  for (const c of children) family.add(c.id);
  for (const p of rows) checkAppointee({ ...p, sameInstitution: family.has(p.institution_id) });
  return rows;
}

async function loadAccounts(trx: Trx, institutionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await trx.selectFrom('accounts').selectAll().where('id', 'in', ids).execute();
  // Another institution's account is refused as if it did not exist.
  if (rows.length !== ids.length || rows.some((r) => r.institution_id !== institutionId)) throw new NotFoundError('One of the accounts');
  return rows;
}

function checkAccountDecision(
  kind: 'account_opening' | 'retroactive',
  accounts: Array<{ handle: string; status: string; opened_before_manual: number; authorising_decision_id: string | null }>,
  count: number,
): void {
  if (count === 0) throw new ValidationError('Name the account the decision is about.');
  for (const a of accounts) {
    if (kind === 'account_opening' && a.status !== 'requested') {
      throw new RuleViolationError(`@${a.handle} is not awaiting permission to open (art. 3.3).`, '3.3', 'not_requested');
    }
    if (kind === 'retroactive' && a.opened_before_manual !== 1) {
      throw new RuleViolationError(
        `@${a.handle} was not opened before the manual; a retroactive decision is only for such accounts (art. 3.4). New accounts need permission to open (art. 3.3).`,
        '3.4',
        'not_pre_manual',
      );
    }
    if (kind === 'retroactive' && a.authorising_decision_id) {
      throw new ConflictError(`@${a.handle} already has its authorising decision; revoke it first to replace it.`, 'already_authorised');
    }
  }
}

async function checkRevocationTarget(trx: Trx, institutionId: string, targetId: string | undefined): Promise<DecisionsTable> {
  if (!targetId) throw new ValidationError('Name the decision to revoke.');
  const target = await trx.selectFrom('decisions').selectAll().where('id', '=', targetId).executeTakeFirst();
  if (!target || target.institution_id !== institutionId) throw new NotFoundError('The decision to revoke');
  if (target.kind === 'revocation') throw new ValidationError('A revocation cannot itself be revoked; issue a new decision instead.');
  const ended = await trx
    .selectFrom('decision_endings')
    .select('id')
    .where('decision_id', '=', target.id)
    .where('user_id', 'is', null)
    .executeTakeFirst();
  if (ended) throw new ConflictError('This decision has already been revoked or superseded.', 'already_ended');
  return target;
}

function revocationPeriod(input: IssueInput, target: DecisionsTable, today: string): { from: string; until: null } {
  if (input.decidedOn > today) throw new ValidationError('The decision date is in the future; record a decision once it is signed.');
  const from = input.effectFrom ? toMoment(input.effectFrom) : nowIso();
  // Rights already exercised cannot be taken back in the past: a revocation takes effect from its own date.
  if (from < toMoment(input.decidedOn) || from < toMoment(today)) {
    throw new RuleViolationError(
      'A revocation takes effect from the day it is issued or later; it cannot be back-dated (art. 3.1).',
      '3.1',
      'back_dated',
    );
  }
  if (input.effectUntil) throw new ValidationError('A revocation has no end date.');
  return { from: from < target.effect_from ? target.effect_from : from, until: null };
}

async function checkSuperseded(trx: Trx, institutionId: string, id: string, kind: DecisionKind, from: string): Promise<DecisionsTable> {
  const old = await trx.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!old || old.institution_id !== institutionId) throw new NotFoundError('The decision to supersede');
  if (!isGrantKind(old.kind) || !isGrantKind(kind))
    throw new ValidationError('Only an appointment or access grant can supersede another appointment or grant.');
  const ended = await trx
    .selectFrom('decision_endings')
    .select('id')
    .where('decision_id', '=', old.id)
    .where('user_id', 'is', null)
    .executeTakeFirst();
  if (ended) throw new ConflictError('This decision has already been revoked or superseded.', 'already_ended');
  if (from < old.effect_from)
    throw new RuleViolationError('A new decision cannot take effect before the one it supersedes (art. 5.5).', '5.5', 'back_dated');
  return old;
}

interface WritePlan {
  input: IssueInput;
  issuerId: string;
  level: AccessLevel | null;
  period: { from: string; until: string | null };
  accountIds: string[];
  target: DecisionsTable | null;
  superseded: DecisionsTable | null;
  act: SignedAct | null;
  people: Array<{ id: string; name: string }>;
}

async function write(trx: Trx, aa: AuthorityActor, p: WritePlan): Promise<DecisionsTable> {
  const now = nowIso();
  const { input } = p;
  let fileId: string | null = null;
  if (p.act) {
    fileId = newId();
    await trx
      .insertInto('decision_files')
      .values({
        id: fileId,
        sha256: p.act.sha256,
        size: p.act.bytes.length,
        file_name: p.act.fileName,
        content: p.act.bytes,
        uploaded_by: aa.id,
        created_at: now,
      })
      .execute();
  }
  const row: DecisionsTable = {
    id: newId(),
    institution_id: input.institutionId,
    number: input.number,
    decided_on: input.decidedOn,
    kind: input.kind,
    issued_by: p.issuerId,
    recorded_by: aa.id,
    level: p.level,
    covers_all_accounts: input.coversAllAccounts && isGrantKind(input.kind) ? 1 : 0,
    effect_from: p.period.from,
    effect_until: p.period.until,
    target_decision_id: p.target?.id ?? null,
    supersedes_decision_id: p.superseded?.id ?? null,
    editor_request_id: input.editorRequestId ?? null,
    summary: input.summary ?? null,
    file_id: fileId,
    created_at: now,
  };
  await trx.insertInto('decisions').values(row).execute();
  const role = roleForKind(input.kind);
  if (role)
    for (const userId of input.personIds)
      await trx.insertInto('decision_people').values({ decision_id: row.id, user_id: userId, role }).execute();
  if (role && input.personIds.length) {
    // Access to an account requires two-factor sign-in (art. 4.9): anyone without it must enrol before going on.
    const without = await trx.selectFrom('users').select('id').where('id', 'in', input.personIds).where('totp_enabled', '=', 0).execute();
    for (const u of without) {
      await trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', u.id).where('revoked_at', 'is', null).execute();
      await appendAudit(trx, {
        type: 'person.sessions_revoked',
        actorId: aa.id,
        institutionId: input.institutionId,
        subjectType: 'user',
        subjectId: u.id,
        reason: 'two-factor authentication required after a grant of access',
        data: { decisionId: row.id },
      });
    }
  }
  for (const accountId of p.accountIds)
    await trx.insertInto('decision_accounts').values({ decision_id: row.id, account_id: accountId }).execute();

  const audit = { actorId: aa.id, institutionId: row.institution_id, subjectType: 'decision', subjectId: row.id };
  await appendAudit(trx, {
    ...audit,
    type: 'decision.issued',
    reason: input.summary ?? null,
    data: {
      number: row.number,
      kind: row.kind,
      decidedOn: row.decided_on,
      issuedBy: row.issued_by,
      level: row.level,
      people: input.personIds,
      accounts: p.accountIds,
      coversAllAccounts: row.covers_all_accounts === 1,
      effectFrom: row.effect_from,
      effectUntil: row.effect_until,
      fileSha256: p.act?.sha256 ?? null,
    },
  });
  for (const person of p.people) {
    await appendAudit(trx, { ...audit, type: 'access.granted', data: { decisionId: row.id, personId: person.id, level: row.level, role } });
  }
  const ended = p.target ?? p.superseded;
  if (ended) {
    const cause = p.target ? 'revoked' : 'superseded';
    await trx
      .insertInto('decision_endings')
      .values({
        id: newId(),
        decision_id: ended.id,
        user_id: null,
        at: row.effect_from,
        cause,
        by_decision_id: row.id,
        actor_id: aa.id,
        reason: input.summary ?? null,
        created_at: now,
      })
      .execute();
    await appendAudit(trx, {
      ...audit,
      subjectId: ended.id,
      type: p.target ? 'decision.revoked' : 'decision.superseded',
      reason: input.summary ?? null,
      data: { byDecisionId: row.id, number: row.number, at: row.effect_from },
    });
    const lost = await trx.selectFrom('decision_people').select('user_id').where('decision_id', '=', ended.id).execute();
    for (const l of lost) {
      await appendAudit(trx, {
        ...audit,
        subjectId: ended.id,
        type: 'access.revoked',
        data: { decisionId: ended.id, personId: l.user_id, byDecisionId: row.id, at: row.effect_from, cause },
      });
    }
    if (p.target && (p.target.kind === 'account_opening' || p.target.kind === 'retroactive')) {
      await trx
        .updateTable('accounts')
        .set({ authorising_decision_id: null, updated_at: now })
        .where('authorising_decision_id', '=', p.target.id)
        .execute();
    }
  }
  if (input.kind === 'account_opening' || input.kind === 'retroactive') {
    await trx
      .updateTable('accounts')
      .set({ authorising_decision_id: row.id, ...(input.kind === 'account_opening' ? { status: 'active' as const } : {}), updated_at: now })
      .where('id', 'in', p.accountIds)
      .execute();
    for (const accountId of p.accountIds) {
      await appendAudit(trx, {
        ...audit,
        type: input.kind === 'account_opening' ? 'account.approved' : 'account.authorised_retroactively',
        subjectType: 'account',
        subjectId: accountId,
        data: { decisionId: row.id, number: row.number },
      });
    }
  }
  return row;
}
