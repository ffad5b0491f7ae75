import type { OffboardingItem, PersonRef } from '@courtdesk/contracts';
import type { Db, DbOrTrx, Trx } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { canCompleteOffboarding, canViewOffboarding, type AuthorityActor } from '../decisions/decisions.policy.js';
import { peopleRefs } from '../decisions/decisions.repository.js';
import { leadsInstitution } from '../decisions/leadership.js';
import { grantsInForce } from '../decisions/rights.js';
import type { PersonLeftHook } from '../people/people.service.js';
import type { OffboardingItemsTable, OffboardingStep } from './offboarding.tables.js';

const ACCOUNT_STEPS: OffboardingStep[] = ['remove_platform_role', 'rotate_password', 'rotate_2fa'];

/** The head who answers for the checklist (art. 5.7: "the president of the court is obliged to remove…"). */
async function ownerOf(trx: DbOrTrx, institutionId: string, except: string): Promise<string | null> {
  const inst = await trx.selectFrom('institutions').select(['id', 'kind', 'parent_id']).where('id', '=', institutionId).executeTakeFirst();
  if (!inst) return null;
  const leaders = await trx
    .selectFrom('users')
    .select(['id', 'position', 'institution_id', 'status'])
    .where('status', '=', 'active')
    .where('id', '!=', except)
    .execute();
  return (
    leaders.find((u) => u.position === 'president' && leadsInstitution(u, inst))?.id ??
    leaders.find((u) => leadsInstitution(u, inst))?.id ??
    null
  );
}

/**
 * Art. 5.7, run by `recordLeaving` in its transaction (sessions are already ended there): ends the
 * person's part in every decision at once, withdraws their open editor requests, and opens a checklist
 * per account they could act on — remove the platform role, rotate password and 2FA secret — plus one
 * item to reassign their drafts and scheduled posts. The president owns every item.
 */
export const offboardOnLeaving: PersonLeftHook = async (trx, { person, actorId, status, at }) => {
  const now = nowIso();
  const grants = [
    ...(await grantsInForce(trx, { userId: person.id })),
    ...(at < now ? await grantsInForce(trx, { userId: person.id }, at) : []),
  ];
  const decisionIds = [...new Set(grants.map((g) => g.decisionId))];
  for (const decisionId of decisionIds) {
    await trx
      .insertInto('decision_endings')
      .values({
        id: newId(),
        decision_id: decisionId,
        user_id: person.id,
        at: at < now ? at : now,
        cause: 'person_left',
        by_decision_id: null,
        actor_id: actorId,
        reason: status,
        created_at: now,
      })
      .execute();
    const inst = grants.find((g) => g.decisionId === decisionId)!.institutionId;
    await appendAudit(trx, {
      type: 'access.revoked',
      actorId,
      institutionId: inst,
      subjectType: 'decision',
      subjectId: decisionId,
      reason: status,
      data: { decisionId, personId: person.id, cause: 'person_left', at },
    });
  }
  const pending = await trx
    .selectFrom('editor_requests')
    .select(['id', 'institution_id'])
    .where('status', '=', 'recommended')
    .where((eb) => eb.or([eb('candidate_id', '=', person.id), eb('recommended_by', '=', person.id)]))
    .execute();
  for (const r of pending) {
    await trx.updateTable('editor_requests').set({ status: 'withdrawn', updated_at: now }).where('id', '=', r.id).execute();
    await appendAudit(trx, {
      type: 'editor_request.withdrawn',
      actorId,
      institutionId: r.institution_id,
      subjectType: 'editor_request',
      subjectId: r.id,
      reason: `person ${status}`,
      data: { personId: person.id },
    });
  }

  // Accounts the person could act on: by decision, or every account of the institutions they headed.
  const institutions = await trx.selectFrom('institutions').select(['id', 'kind', 'parent_id']).execute();
  const headed = new Set(institutions.filter((i) => leadsInstitution({ ...person, status: 'active' }, i)).map((i) => i.id));
  const accounts = await trx.selectFrom('accounts').select(['id', 'institution_id']).where('status', '=', 'active').execute();
  const reached = accounts.filter(
    (a) =>
      headed.has(a.institution_id) ||
      grants.some((g) => g.institutionId === a.institution_id && (g.coversAll || g.accountIds.includes(a.id))),
  );
  if (reached.length === 0) return;
  const items: OffboardingItemsTable[] = [];
  const owners = new Map<string, string | null>();
  for (const a of reached) {
    if (!owners.has(a.institution_id)) owners.set(a.institution_id, await ownerOf(trx, a.institution_id, person.id));
    for (const step of ACCOUNT_STEPS) items.push(item(a.institution_id, person.id, a.id, step, owners.get(a.institution_id) ?? null, now));
  }
  const home = reached[0]!.institution_id;
  items.push(item(home, person.id, null, 'reassign_posts', owners.get(home) ?? null, now));
  for (const it of items) await trx.insertInto('offboarding_items').values(it).execute();
  for (const [inst, owner] of owners) {
    await appendAudit(trx, {
      type: 'offboarding.opened',
      actorId,
      institutionId: inst,
      subjectType: 'user',
      subjectId: person.id,
      reason: status,
      data: { ownerId: owner, items: items.filter((i) => i.institution_id === inst).length },
    });
  }
};

function item(
  institutionId: string,
  personId: string,
  accountId: string | null,
  step: OffboardingStep,
  owner: string | null,
  now: string,
): OffboardingItemsTable {
  return {
    id: newId(),
    institution_id: institutionId,
    person_id: personId,
    account_id: accountId,
    step,
    owner_id: owner,
    status: 'open',
    opened_at: now,
    done_at: null,
    done_by: null,
    note: null,
  };
}

/** Ticks one step off; who did it, when and with what note goes to the audit trail. */
export async function completeStep(db: Db, aa: AuthorityActor, id: string, note: string | null): Promise<OffboardingItemsTable> {
  return db.transaction().execute(async (trx: Trx) => {
    const it = await trx.selectFrom('offboarding_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!it || !canViewOffboarding(aa, it.institution_id)) throw new NotFoundError('The checklist item');
    if (!canCompleteOffboarding(aa, it.institution_id))
      throw new ForbiddenError('Steps are ticked off by the president who owns the checklist or a Responsible Officer (art. 5.7).');
    if (it.status === 'done') throw new ConflictError('This step is already done.', 'already_done');
    const now = nowIso();
    await trx.updateTable('offboarding_items').set({ status: 'done', done_at: now, done_by: aa.id, note }).where('id', '=', id).execute();
    await appendAudit(trx, {
      type: 'offboarding.step_completed',
      actorId: aa.id,
      institutionId: it.institution_id,
      subjectType: 'offboarding_item',
      subjectId: id,
      reason: note,
      data: { step: it.step, personId: it.person_id, accountId: it.account_id },
    });
    return { ...it, status: 'done' as const, done_at: now, done_by: aa.id, note };
  });
}

/** Presents items with the people and account they name and their age in days. */
export async function presentItems(db: DbOrTrx, aa: AuthorityActor, rows: OffboardingItemsTable[]): Promise<OffboardingItem[]> {
  if (rows.length === 0) return [];
  const users = await db
    .selectFrom('users')
    .select(['id', 'name', 'position', 'status', 'left_at'])
    .where('id', 'in', [...new Set(rows.map((r) => r.person_id))])
    .execute();
  const refs = await peopleRefs(
    db,
    rows.flatMap((r) => [r.owner_id, r.done_by]).filter((x): x is string => x !== null),
  );
  const accIds = rows.map((r) => r.account_id).filter((x): x is string => x !== null);
  const accounts = accIds.length
    ? await db.selectFrom('accounts').select(['id', 'platform', 'handle', 'display_name']).where('id', 'in', accIds).execute()
    : [];
  const ref = (id: string | null): PersonRef | null => (id ? (refs.get(id) ?? null) : null);
  const now = Date.now();
  return rows.map((r) => {
    const u = users.find((x) => x.id === r.person_id);
    const a = accounts.find((x) => x.id === r.account_id);
    const until = r.done_at ? Date.parse(r.done_at) : now;
    return {
      id: r.id,
      institutionId: r.institution_id,
      person: {
        id: r.person_id,
        name: u?.name ?? '—',
        position: u?.position ?? 'court_officer',
        status: u?.status ?? 'active',
        leftAt: u?.left_at ?? null,
      },
      account: a ? { id: a.id, platform: a.platform, handle: a.handle, displayName: a.display_name } : null,
      step: r.step,
      owner: ref(r.owner_id),
      status: r.status,
      openedAt: r.opened_at,
      ageDays: Math.max(0, Math.floor((until - Date.parse(r.opened_at)) / 86_400_000)),
      doneAt: r.done_at,
      doneBy: ref(r.done_by),
      note: r.note,
      canComplete: r.status === 'open' && canCompleteOffboarding(aa, r.institution_id),
    };
  });
}
