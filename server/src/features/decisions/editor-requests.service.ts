import type { z } from 'zod';
import type { ConsentBody, EditorRequest, EditorRequestBody, PersonRef } from '@courtdesk/contracts';
import type { Db, DbOrTrx } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/http/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { canConsentEditor, canRecommendEditor, canViewAuthority, type AuthorityActor } from './decisions.policy.js';
import { peopleRefs } from './decisions.repository.js';
import { checkAppointee } from './decisions.rules.js';
import { issueInTransaction } from './decisions.service.js';
import type { DecisionsTable, EditorRequestsTable } from './decisions.tables.js';
import { readSignedAct } from './signed-act.js';

type RecommendInput = z.output<typeof EditorRequestBody>;

/** Step 1 of art. 5.6b: the Responsible Officer recommends a court officer for the editor level. */
export async function recommendEditor(db: Db, aa: AuthorityActor, body: RecommendInput): Promise<EditorRequestsTable> {
  return db.transaction().execute(async (trx) => {
    const inst = await trx.selectFrom('institutions').select(['id', 'parent_id']).where('id', '=', body.institutionId).executeTakeFirst();
    if (!inst || !canViewAuthority(aa, inst.id)) throw new NotFoundError('The institution');
    if (!canRecommendEditor(aa, inst.id)) {
      throw new ForbiddenError(
        'Only a Responsible Officer appointed by decision may recommend an editor (art. 5.6b).',
        'not_responsible_officer',
      );
    }
    if (body.candidateId === aa.id) throw new ForbiddenError('You cannot recommend yourself.', 'self_recommendation');
    const candidate = await trx
      .selectFrom('users')
      .select(['id', 'name', 'position', 'status', 'institution_id'])
      .where('id', '=', body.candidateId)
      .executeTakeFirst();
    if (!candidate) throw new NotFoundError('The person');
    const family = new Set([
      inst.id,
      ...(inst.parent_id ? [inst.parent_id] : []),
      ...(await trx.selectFrom('institutions').select('id').where('parent_id', '=', inst.id).execute()).map((c) => c.id),
    ]);
    checkAppointee({ ...candidate, sameInstitution: family.has(candidate.institution_id) });
    if (candidate.position !== 'court_officer' && candidate.position !== 'pio') {
      throw new RuleViolationError(
        'The editor level is for a court officer (art. 5.6b); the leadership holds admin by position (art. 5.6a).',
        '5.6b',
        'editor_for_officers',
      );
    }
    const accountIds = [...new Set(body.accountIds ?? [])];
    if (!body.coversAllAccounts && accountIds.length === 0) throw new ValidationError('Name the accounts the editor should work on.');
    if (accountIds.length) {
      const accounts = await trx.selectFrom('accounts').select(['id', 'institution_id', 'status']).where('id', 'in', accountIds).execute();
      if (accounts.length !== accountIds.length || accounts.some((a) => a.institution_id !== inst.id))
        throw new NotFoundError('One of the accounts');
    }
    const pending = await trx
      .selectFrom('editor_requests')
      .select('id')
      .where('candidate_id', '=', candidate.id)
      .where('institution_id', '=', inst.id)
      .where('status', '=', 'recommended')
      .executeTakeFirst();
    if (pending)
      throw new ConflictError(`${candidate.name} already has a recommendation waiting for the president’s consent.`, 'request_pending');
    const now = nowIso();
    const row: EditorRequestsTable = {
      id: newId(),
      institution_id: inst.id,
      candidate_id: candidate.id,
      account_ids: JSON.stringify(accountIds),
      covers_all_accounts: body.coversAllAccounts ? 1 : 0,
      recommended_by: aa.id,
      recommended_at: now,
      note: body.note ?? null,
      status: 'recommended',
      decided_by: null,
      decided_at: null,
      decision_id: null,
      refusal_reason: null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('editor_requests').values(row).execute();
    await appendAudit(trx, {
      type: 'editor_request.recommended',
      actorId: aa.id,
      institutionId: inst.id,
      subjectType: 'editor_request',
      subjectId: row.id,
      reason: row.note,
      data: { candidateId: candidate.id, accountIds, coversAllAccounts: body.coversAllAccounts },
    });
    return row;
  });
}

async function loadForDecision(db: DbOrTrx, aa: AuthorityActor, id: string): Promise<EditorRequestsTable> {
  const req = await db.selectFrom('editor_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!req || !canViewAuthority(aa, req.institution_id)) throw new NotFoundError('The editor request');
  if (!canConsentEditor(aa, req.institution_id))
    throw new ForbiddenError('Consent to an editor is the court president’s (art. 5.6b).', 'not_president');
  if (req.status !== 'recommended') throw new ConflictError('This request has already been decided.', 'already_decided');
  if (req.recommended_by === aa.id)
    throw new ForbiddenError('You recommended this person; someone else must consent (no self-approval).', 'self_approval');
  return req;
}

/** Step 2 of art. 5.6b: the president consents, which issues the editor-grant decision. */
export async function consentEditor(
  db: Db,
  aa: AuthorityActor,
  id: string,
  body: ConsentBody,
): Promise<{ request: EditorRequestsTable; decision: DecisionsTable }> {
  const act = body.attachment ? readSignedAct(body.attachment) : null;
  return db.transaction().execute(async (trx) => {
    const req = await loadForDecision(trx, aa, id);
    const decision = await issueInTransaction(
      trx,
      aa,
      {
        institutionId: req.institution_id,
        number: body.number,
        decidedOn: body.decidedOn,
        kind: 'editor_grant',
        level: 'editor',
        personIds: [req.candidate_id],
        accountIds: JSON.parse(req.account_ids) as string[],
        coversAllAccounts: req.covers_all_accounts === 1,
        effectFrom: body.effectFrom,
        effectUntil: body.effectUntil,
        summary: req.note ?? undefined,
        editorRequestId: req.id,
      },
      act,
    );
    const now = nowIso();
    await trx
      .updateTable('editor_requests')
      .set({ status: 'granted', decided_by: aa.id, decided_at: now, decision_id: decision.id, updated_at: now })
      .where('id', '=', req.id)
      .execute();
    await appendAudit(trx, {
      type: 'editor_request.consented',
      actorId: aa.id,
      institutionId: req.institution_id,
      subjectType: 'editor_request',
      subjectId: req.id,
      data: { decisionId: decision.id, candidateId: req.candidate_id },
    });
    return {
      request: { ...req, status: 'granted' as const, decided_by: aa.id, decided_at: now, decision_id: decision.id, updated_at: now },
      decision,
    };
  });
}

/** The president declines to consent; the reason is kept. */
export async function refuseEditor(db: Db, aa: AuthorityActor, id: string, reason: string): Promise<EditorRequestsTable> {
  return db.transaction().execute(async (trx) => {
    const req = await loadForDecision(trx, aa, id);
    const now = nowIso();
    await trx
      .updateTable('editor_requests')
      .set({ status: 'refused', decided_by: aa.id, decided_at: now, refusal_reason: reason, updated_at: now })
      .where('id', '=', req.id)
      .execute();
    await appendAudit(trx, {
      type: 'editor_request.refused',
      actorId: aa.id,
      institutionId: req.institution_id,
      subjectType: 'editor_request',
      subjectId: req.id,
      reason,
      data: { candidateId: req.candidate_id },
    });
    return { ...req, status: 'refused' as const, decided_by: aa.id, decided_at: now, refusal_reason: reason, updated_at: now };
  });
}

/** Presents requests with the people and accounts they name, and what the actor may do with each. */
export async function presentEditorRequests(db: DbOrTrx, aa: AuthorityActor, rows: EditorRequestsTable[]): Promise<EditorRequest[]> {
  if (rows.length === 0) return [];
  const accIds = [...new Set(rows.flatMap((r) => JSON.parse(r.account_ids) as string[]))];
  const accounts = accIds.length
    ? await db.selectFrom('accounts').select(['id', 'platform', 'handle', 'display_name']).where('id', 'in', accIds).execute()
    : [];
  const refs = await peopleRefs(
    db,
    rows.flatMap((r) => [r.candidate_id, r.recommended_by, ...(r.decided_by ? [r.decided_by] : [])]),
  );
  const ref = (id: string): PersonRef => refs.get(id) ?? { id, name: '—', position: 'court_officer' };
  return rows.map((r) => {
    const open = r.status === 'recommended' && canConsentEditor(aa, r.institution_id) && r.recommended_by !== aa.id;
    return {
      id: r.id,
      institutionId: r.institution_id,
      candidate: ref(r.candidate_id),
      accounts: (JSON.parse(r.account_ids) as string[]).flatMap((id) => {
        const a = accounts.find((x) => x.id === id);
        return a ? [{ id: a.id, platform: a.platform, handle: a.handle, displayName: a.display_name }] : [];
      }),
      coversAllAccounts: r.covers_all_accounts === 1,
      recommendedBy: ref(r.recommended_by),
      recommendedAt: r.recommended_at,
      note: r.note,
      status: r.status,
      decidedBy: r.decided_by ? ref(r.decided_by) : null,
      decidedAt: r.decided_at,
      decisionId: r.decision_id,
      refusalReason: r.refusal_reason,
      can: { consent: open, refuse: open },
    };
  });
}
