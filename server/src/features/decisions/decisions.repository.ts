import type { Decision, DecisionState, PersonRef } from '@courtdesk/contracts';
import type { DbOrTrx } from '../../platform/db/database.js';
import { nowIso } from '../../platform/ids.js';
import type { DecisionEndingsTable, DecisionsTable } from './decisions.tables.js';
import { isGrantKind, type GrantPeriod } from './decisions.rules.js';
import { GRANT_KINDS } from './rights.js';

/** Derived state of a decision at `at`: a decision row never changes, its endings do the talking. */
export function decisionState(
  d: Pick<DecisionsTable, 'kind' | 'effect_from' | 'effect_until'>,
  endings: Pick<DecisionEndingsTable, 'user_id' | 'at' | 'cause'>[],
  peopleCount: number,
  at: string = nowIso(),
): DecisionState {
  const whole = endings.filter((e) => e.user_id === null && e.at <= at).sort((a, b) => a.at.localeCompare(b.at))[0];
  if (whole) return whole.cause === 'superseded' ? 'superseded' : 'revoked';
  if (d.effect_from > at) return 'pending';
  if (d.effect_until !== null && d.effect_until <= at) return 'expired';
  if (isGrantKind(d.kind) && peopleCount > 0) {
    const ended = new Set(endings.filter((e) => e.user_id !== null && e.at <= at).map((e) => e.user_id));
    if (ended.size >= peopleCount) return 'expired';
  }
  return 'in_force';
}

export async function peopleRefs(db: DbOrTrx, ids: string[]): Promise<Map<string, PersonRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'position'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, position: r.position }]));
}

/** Loads decisions with their people, accounts, endings and file, presented for the API. */
export async function presentDecisions(db: DbOrTrx, rows: DecisionsTable[], at: string = nowIso()): Promise<Decision[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const people = await db.selectFrom('decision_people').selectAll().where('decision_id', 'in', ids).execute();
  const accounts = await db
    .selectFrom('decision_accounts')
    .innerJoin('accounts', 'accounts.id', 'decision_accounts.account_id')
    .select(['decision_accounts.decision_id', 'accounts.id', 'accounts.platform', 'accounts.handle', 'accounts.display_name'])
    .where('decision_accounts.decision_id', 'in', ids)
    .execute();
  const endings = await db.selectFrom('decision_endings').selectAll().where('decision_id', 'in', ids).execute();
  const fileIds = rows.map((r) => r.file_id).filter((x): x is string => x !== null);
  const files = fileIds.length
    ? await db.selectFrom('decision_files').select(['id', 'sha256', 'size', 'file_name']).where('id', 'in', fileIds).execute()
    : [];
  const refs = await peopleRefs(db, [...people.map((p) => p.user_id), ...rows.map((r) => r.issued_by)]);
  const unknown = (id: string): PersonRef => ({ id, name: '—', position: 'court_officer' });
  return rows.map((r) => {
    const mine = people.filter((p) => p.decision_id === r.id);
    const ends = endings.filter((e) => e.decision_id === r.id);
    const file = files.find((f) => f.id === r.file_id);
    return {
      id: r.id,
      institutionId: r.institution_id,
      number: r.number,
      decidedOn: r.decided_on,
      kind: r.kind,
      issuedBy: refs.get(r.issued_by) ?? unknown(r.issued_by),
      recordedById: r.recorded_by,
      level: r.level,
      coversAllAccounts: r.covers_all_accounts === 1,
      effectFrom: r.effect_from,
      effectUntil: r.effect_until,
      targetDecisionId: r.target_decision_id,
      supersedesDecisionId: r.supersedes_decision_id,
      editorRequestId: r.editor_request_id,
      summary: r.summary,
      state: decisionState(r, ends, mine.length, at),
      people: mine.map((p) => {
        const ended =
          ends
            .filter((e) => (e.user_id === null || e.user_id === p.user_id) && e.at <= at)
            .map((e) => e.at)
            .sort()[0] ?? null;
        return { ...(refs.get(p.user_id) ?? unknown(p.user_id)), role: p.role, endedAt: ended };
      }),
      accounts: accounts
        .filter((a) => a.decision_id === r.id)
        .map((a) => ({ id: a.id, platform: a.platform, handle: a.handle, displayName: a.display_name })),
      file: file ? { sha256: file.sha256, size: file.size, fileName: file.file_name } : null,
      createdAt: r.created_at,
    };
  });
}

/**
 * Every grant period (any time, past or future) of these people in this institution, each ending at
 * its `effect_until` or its first ending — what a new grant must not overlap.
 */
export async function grantPeriods(db: DbOrTrx, institutionId: string, userIds: string[]): Promise<GrantPeriod[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('decisions as d')
    .innerJoin('decision_people as dp', 'dp.decision_id', 'd.id')
    .select(['d.id', 'd.number', 'd.level', 'd.effect_from', 'd.effect_until', 'd.covers_all_accounts', 'dp.user_id'])
    .where('d.institution_id', '=', institutionId)
    .where('d.kind', 'in', GRANT_KINDS)
    .where('dp.user_id', 'in', userIds)
    .execute();
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.id))];
  const endings = await db
    .selectFrom('decision_endings')
    .select(['decision_id', 'user_id', 'at'])
    .where('decision_id', 'in', ids)
    .execute();
  const links = await db.selectFrom('decision_accounts').select(['decision_id', 'account_id']).where('decision_id', 'in', ids).execute();
  return rows.map((r) => {
    const firstEnd =
      endings
        .filter((e) => e.decision_id === r.id && (e.user_id === null || e.user_id === r.user_id))
        .map((e) => e.at)
        .sort()[0] ?? null;
    const end = [r.effect_until, firstEnd].filter((x): x is string => x !== null).sort()[0] ?? null;
    return {
      decisionId: r.id,
      number: r.number,
      userId: r.user_id,
      level: r.level ?? 'editor',
      from: r.effect_from,
      end,
      coversAll: r.covers_all_accounts === 1,
      accountIds: links.filter((l) => l.decision_id === r.id).map((l) => l.account_id),
    };
  });
}
