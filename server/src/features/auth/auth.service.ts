import type { SessionStage } from '@courtdesk/contracts';
import type { Config } from '../../platform/config.js';
import type { Db, DbOrTrx } from '../../platform/db/database.js';
import { AppError, ConflictError, ValidationError } from '../../platform/http/errors.js';
import { nowIso, randomToken, sha256 } from '../../platform/ids.js';
import { SecretBox } from '../../platform/crypto.js';
import { appendAudit } from '../audit/audit.service.js';
import type { UsersTable } from '../people/people.tables.js';
import type { SessionsTable } from './auth.tables.js';
import { canSignIn, twoFactorRequired } from './auth.policy.js';
import { holdsAnyGrant } from '../decisions/rights.js';
import { hashPassword, verifyPassword } from './password.js';
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpEnrolment } from './totp.js';

export interface AuthDeps {
  db: Db;
  config: Config;
}
interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The e-mail or password is wrong.');

function totpBox(config: Config) {
  return SecretBox.forConfig(config, 'totp-secret');
}

/** Checks e-mail and password; on success opens a session in the stage the person needs next. */
export async function login(deps: AuthDeps, email: string, password: string, client: ClientInfo) {
  const { db, config } = deps;
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  if (user?.locked_until && user.locked_until > nowIso()) throw lockedOut(user.locked_until);
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !ok || !canSignIn(user)) {
    if (user) await recordFailure(deps, user, 'password', client);
    else
      await db
        .transaction()
        .execute((trx) =>
          appendAudit(trx, { type: 'auth.login_failed', actorId: null, data: { email, reason: 'unknown_account' }, ip: client.ip }),
        );
    throw invalidCredentials();
  }
  // A court officer given editor access by decision must enrol too (art. 4.9, 5.6b).
  const byDecision = user.position === 'court_officer' && !user.totp_enabled && (await holdsAnyGrant(db, user.id));
  const stage: SessionStage = user.totp_enabled ? 'totp' : twoFactorRequired(user, byDecision) ? 'enrol' : 'full';
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    const created = await createSession(trx, config, user.id, stage, client);
    await appendAudit(trx, {
      type: 'auth.login_succeeded',
      actorId: user.id,
      institutionId: user.institution_id,
      subjectType: 'user',
      subjectId: user.id,
      data: { stage },
      ip: client.ip,
    });
    return { ...created, user: { ...user, failed_logins: 0, locked_until: null } };
  });
}

function lockedOut(until: string) {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - Date.now()) / 60_000));
  return new AppError(429, 'locked_out', `Too many failed attempts. Try again in ${minutes} minute(s).`, { until });
}

/** Counts a failed password or code; the Nth failure in a row locks the account for a while. */
async function recordFailure(deps: AuthDeps, user: UsersTable, what: 'password' | 'totp', client: ClientInfo) {
  const { db, config } = deps;
  const failures = user.failed_logins + 1;
  const lock = failures >= config.loginMaxFailures;
  const lockedUntil = lock ? nowIso(new Date(Date.now() + config.loginLockMinutes * 60_000)) : null;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: lock ? 0 : failures, locked_until: lockedUntil })
      .where('id', '=', user.id)
      .execute();
    const base = { actorId: user.id, institutionId: user.institution_id, subjectType: 'user', subjectId: user.id, ip: client.ip };
    await appendAudit(trx, { ...base, type: what === 'password' ? 'auth.login_failed' : 'auth.totp_failed', data: { failures } });
    if (lock) await appendAudit(trx, { ...base, type: 'auth.locked_out', data: { until: lockedUntil } });
  });
  if (lock && lockedUntil) throw lockedOut(lockedUntil);
}

async function createSession(db: DbOrTrx, config: Config, userId: string, stage: SessionStage, client: ClientInfo) {
  const token = randomToken();
  const now = new Date();
  const row: SessionsTable = {
    id: sha256(token),
    user_id: userId,
    stage,
    csrf_token: randomToken(24),
    pending_totp_secret: null,
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
    created_at: nowIso(now),
    last_seen_at: nowIso(now),
    expires_at: nowIso(new Date(now.getTime() + config.sessionTtlHours * 3_600_000)),
    revoked_at: null,
  };
  await db.insertInto('sessions').values(row).execute();
  return { token, session: row };
}

/** Second step of sign-in: a TOTP code (replays refused) or a single-use recovery code. */
export async function verifySecondFactor(deps: AuthDeps, user: UsersTable, session: SessionsTable, code: string, client: ClientInfo) {
  const { db, config } = deps;
  if (session.stage !== 'totp') throw new ConflictError('No two-factor code is expected for this session.', 'wrong_stage');
  if (user.locked_until && user.locked_until > nowIso()) throw lockedOut(user.locked_until);
  const secret = user.totp_secret ? totpBox(config).open(user.totp_secret) : null;
  const step = secret ? matchTotp(secret, code.replace(/\s/g, '')) : null;
  const replay = step !== null && user.totp_last_step !== null && step <= user.totp_last_step;
  const recoveryHashes: string[] = user.recovery_codes ? (JSON.parse(user.recovery_codes) as string[]) : [];
  const recoveryIdx = step === null ? recoveryHashes.indexOf(hashRecoveryCode(code)) : -1;
  if ((step === null || replay) && recoveryIdx < 0) {
    await recordFailure(deps, user, 'totp', client);
    throw new AppError(
      401,
      'invalid_code',
      replay ? 'This code was already used. Wait for the next one.' : 'The code is wrong or has expired.',
    );
  }
  await db.transaction().execute(async (trx) => {
    const set: Partial<UsersTable> = { failed_logins: 0 };
    if (step !== null) set.totp_last_step = step;
    if (recoveryIdx >= 0) set.recovery_codes = JSON.stringify(recoveryHashes.filter((_, i) => i !== recoveryIdx));
    await trx.updateTable('users').set(set).where('id', '=', user.id).execute();
    await trx.updateTable('sessions').set({ stage: 'full' }).where('id', '=', session.id).execute();
    await appendAudit(trx, {
      type: recoveryIdx >= 0 ? 'auth.recovery_code_used' : 'auth.totp_verified',
      actorId: user.id,
      institutionId: user.institution_id,
      subjectType: 'user',
      subjectId: user.id,
      data: recoveryIdx >= 0 ? { remaining: recoveryHashes.length - 1 } : {},
      ip: client.ip,
    });
  });
}

/** Starts enrolment: a new secret kept on the session until the person proves they scanned it. */
export async function startEnrolment(deps: AuthDeps, user: UsersTable, session: SessionsTable) {
  if (session.stage === 'totp') throw new ConflictError('Enter your current two-factor code first.', 'wrong_stage');
  const enrolment = await newTotpEnrolment(user.email);
  await deps.db
    .updateTable('sessions')
    .set({ pending_totp_secret: totpBox(deps.config).seal(enrolment.secret) })
    .where('id', '=', session.id)
    .execute();
  return enrolment;
}

/** Finishes enrolment with a code from the new secret; returns recovery codes, shown once. */
export async function confirmEnrolment(deps: AuthDeps, user: UsersTable, session: SessionsTable, code: string, client: ClientInfo) {
  const { db, config } = deps;
  const fresh = await db.selectFrom('sessions').selectAll().where('id', '=', session.id).executeTakeFirstOrThrow();
  if (!fresh.pending_totp_secret) throw new ConflictError('Start the set-up first: no secret is waiting to be confirmed.', 'no_enrolment');
  const secret = totpBox(config).open(fresh.pending_totp_secret);
  const step = matchTotp(secret, code.replace(/\s/g, ''));
  if (step === null) throw new AppError(400, 'invalid_code', 'The code is wrong or has expired. Check the time on your phone.');
  const { codes, hashes } = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        totp_secret: fresh.pending_totp_secret,
        totp_enabled: 1,
        totp_last_step: step,
        recovery_codes: JSON.stringify(hashes),
        updated_at: nowIso(),
      })
      .where('id', '=', user.id)
      .execute();
    await trx.updateTable('sessions').set({ pending_totp_secret: null, stage: 'full' }).where('id', '=', session.id).execute();
    // Other sessions of this person must pass the new second factor.
    await trx
      .updateTable('sessions')
      .set({ revoked_at: nowIso() })
      .where('user_id', '=', user.id)
      .where('id', '!=', session.id)
      .where('revoked_at', 'is', null)
      .execute();
    await appendAudit(trx, {
      type: 'auth.totp_enrolled',
      actorId: user.id,
      institutionId: user.institution_id,
      subjectType: 'user',
      subjectId: user.id,
      ip: client.ip,
    });
  });
  return { recoveryCodes: codes };
}

/** Ends one session, or all of a person's sessions ("sign out everywhere"). */
export async function logout(deps: AuthDeps, user: UsersTable, session: SessionsTable, everywhere: boolean, client: ClientInfo) {
  await deps.db.transaction().execute(async (trx) => {
    let q = trx.updateTable('sessions').set({ revoked_at: nowIso() }).where('user_id', '=', user.id).where('revoked_at', 'is', null);
    if (!everywhere) q = q.where('id', '=', session.id);
    const res = await q.executeTakeFirst();
    await appendAudit(trx, {
      type: everywhere ? 'auth.logged_out_everywhere' : 'auth.logged_out',
      actorId: user.id,
      institutionId: user.institution_id,
      subjectType: 'user',
      subjectId: user.id,
      data: { sessions: Number(res.numUpdatedRows) },
      ip: client.ip,
    });
  });
}

export async function changePassword(
  deps: AuthDeps,
  user: UsersTable,
  session: SessionsTable,
  current: string,
  next: string,
  client: ClientInfo,
) {
  if (!(await verifyPassword(user.password_hash, current)))
    throw new AppError(400, 'invalid_credentials', 'The current password is wrong.');
  if (current === next) throw new ValidationError('Choose a password different from the current one.');
  const hash = await hashPassword(next);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0, updated_at: nowIso() })
      .where('id', '=', user.id)
      .execute();
    await trx
      .updateTable('sessions')
      .set({ revoked_at: nowIso() })
      .where('user_id', '=', user.id)
      .where('id', '!=', session.id)
      .where('revoked_at', 'is', null)
      .execute();
    await appendAudit(trx, {
      type: 'auth.password_changed',
      actorId: user.id,
      institutionId: user.institution_id,
      subjectType: 'user',
      subjectId: user.id,
      ip: client.ip,
    });
  });
}

/** Revokes every session of a person (used when they leave or their rights change). */
export async function revokeAllSessions(trx: DbOrTrx, userId: string): Promise<number> {
  const res = await trx
    .updateTable('sessions')
    .set({ revoked_at: nowIso() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
