import type { InviteBody, LeaveBody, Position, UiLocale } from '@courtdesk/contracts';
import type { Db, DbOrTrx, Trx } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { generateTemporaryPassword, hashPassword } from '../auth/password.js';
import { revokeAllSessions } from '../auth/auth.service.js';
import { canAssignPosition, canManagePeople, type PolicyActor } from '../institutions/institutions.policy.js';
import type { UsersTable } from './people.tables.js';

export interface NewPerson {
  institutionId: string;
  name: string;
  email: string;
  position: Position;
  locale?: UiLocale;
  password: string;
  mustChangePassword?: boolean;
  isDemo?: boolean;
}

/** Inserts a person with a hashed password (used by invitations, the CLI and the demo seed). */
export async function insertPerson(trx: DbOrTrx, p: NewPerson): Promise<UsersTable> {
  const clash = await trx.selectFrom('users').select('id').where('email', '=', p.email.toLowerCase()).executeTakeFirst();
  if (clash) throw new ConflictError('Someone with this e-mail address already exists.', 'email_taken');
  const inst = await trx.selectFrom('institutions').select('id').where('id', '=', p.institutionId).executeTakeFirst();
  if (!inst) throw new ValidationError('The institution does not exist.');
  const now = nowIso();
  const row: UsersTable = {
    id: newId(),
    institution_id: p.institutionId,
    name: p.name,
    email: p.email.toLowerCase(),
    position: p.position,
    status: 'active',
    left_at: null,
    left_reason: null,
    locale: p.locale ?? 'sq',
    password_hash: await hashPassword(p.password),
    must_change_password: p.mustChangePassword ? 1 : 0,
    totp_secret: null,
    totp_enabled: 0,
    totp_last_step: null,
    recovery_codes: null,
    failed_logins: 0,
    locked_until: null,
    is_demo: p.isDemo ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('users').values(row).execute();
  return row;
}

/** Invites a person into an institution with a one-time password that the inviter hands over. */
export async function invitePerson(db: Db, pa: PolicyActor, body: InviteBody) {
  if (!canManagePeople(pa, body.institutionId))
    throw new ForbiddenError('Only the institution’s leadership or an administrator may add people.');
  if (!canAssignPosition(pa, body.position)) throw new ForbiddenError('Only a system administrator may create this position.');
  const temporaryPassword = generateTemporaryPassword();
  const person = await db.transaction().execute(async (trx) => {
    const row = await insertPerson(trx, { ...body, password: temporaryPassword, mustChangePassword: true });
    await appendAudit(trx, {
      type: 'person.invited',
      actorId: pa.id,
      institutionId: body.institutionId,
      subjectType: 'user',
      subjectId: row.id,
      data: { name: row.name, email: row.email, position: row.position },
    });
    return row;
  });
  return { person, temporaryPassword };
}

/**
 * Things other features do, in the same transaction, when someone leaves: the authority feature
 * revokes rights and opens the off-boarding checklist (art. 5.7). Register with `onPersonLeft`.
 */
export type PersonLeftHook = (
  trx: Trx,
  ctx: { person: UsersTable; actorId: string; status: 'resigned' | 'dismissed'; at: string },
) => Promise<void>;
const personLeftHooks: PersonLeftHook[] = [];
export function onPersonLeft(hook: PersonLeftHook): void {
  if (!personLeftHooks.includes(hook)) personLeftHooks.push(hook);
}

/** Records that a person resigned or was dismissed: their sessions end at once; history stays. */
export async function recordLeaving(db: Db, pa: PolicyActor, personId: string, body: LeaveBody) {
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('users').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!person) throw new NotFoundError('The person');
    if (!canManagePeople(pa, person.institution_id))
      throw new ForbiddenError('Only the institution’s leadership or an administrator may record that someone left.');
    if (person.status !== 'active') throw new ConflictError('This person has already left.', 'already_left');
    if (person.id === pa.id) throw new ForbiddenError('You cannot record your own departure; another leader or an administrator must.');
    const at = body.date ? new Date(`${body.date}T00:00:00Z`).toISOString() : nowIso();
    await trx
      .updateTable('users')
      .set({ status: body.status, left_at: at, left_reason: body.reason ?? null, updated_at: nowIso() })
      .where('id', '=', person.id)
      .execute();
    const sessions = await revokeAllSessions(trx, person.id);
    await appendAudit(trx, {
      type: 'person.left',
      actorId: pa.id,
      institutionId: person.institution_id,
      subjectType: 'user',
      subjectId: person.id,
      reason: body.reason ?? null,
      data: { status: body.status, at, sessionsRevoked: sessions },
    });
    const left = { ...person, status: body.status, left_at: at, left_reason: body.reason ?? null };
    for (const hook of personLeftHooks) await hook(trx, { person: left, actorId: pa.id, status: body.status, at });
    return left;
  });
}
