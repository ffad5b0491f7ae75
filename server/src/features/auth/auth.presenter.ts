import type { MeResponse, SessionUser } from '@courtdesk/contracts';
import type { Actor } from '../../platform/http/types.js';
import type { UsersTable } from '../people/people.tables.js';
import type { SessionsTable } from './auth.tables.js';
import { twoFactorRequired } from './auth.policy.js';

export function presentSessionUser(user: UsersTable): SessionUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    institutionId: user.institution_id,
    position: user.position,
    status: user.status,
    locale: user.locale,
    totpEnabled: user.totp_enabled === 1,
    twoFactorRequired: twoFactorRequired(user),
    mustChangePassword: user.must_change_password === 1,
  };
}

export function presentMe(actor: { user: UsersTable; session: SessionsTable } | Actor | null): MeResponse {
  if (!actor) return { user: null, stage: null, csrfToken: null };
  return { user: presentSessionUser(actor.user), stage: actor.session.stage, csrfToken: actor.session.csrf_token };
}
