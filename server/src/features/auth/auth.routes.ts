import { z } from 'zod';
import {
  ChangePasswordBody,
  EnrolConfirmResponse,
  EnrolStartResponse,
  ErrorBody,
  LoginBody,
  MeResponse,
  Ok,
  PreferencesBody,
  TotpBody,
} from '@courtdesk/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/types.js';
import { nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { presentMe } from './auth.presenter.js';
import * as auth from './auth.service.js';
import { clearSessionCookie, requireActorAllowingPasswordChange, requireSession, setSessionCookie } from './session.plugin.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null });

/** Sign-in, two-factor authentication, sessions and the person's own preferences. */
export async function authRoutes(app: App): Promise<void> {
  const deps = { db: app.ctx.db, config: app.ctx.config };
  const maxAge = app.ctx.config.sessionTtlHours * 3600;
  const tags = ['auth'];

  app.get('/api/auth/me', { schema: { tags, response: { 200: MeResponse } } }, async (req) => presentMe(req.actor));

  app.post(
    '/api/auth/login',
    {
      schema: { tags, body: LoginBody, response: { 200: MeResponse, ...errors } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, session, user } = await auth.login(deps, req.body.email, req.body.password, client(req));
      setSessionCookie(reply, token, app.ctx.config.secureCookies, maxAge);
      return presentMe({ user, session });
    },
  );

  app.post(
    '/api/auth/totp',
    {
      schema: { tags, body: TotpBody, response: { 200: MeResponse, ...errors } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => {
      const actor = requireSession(req);
      await auth.verifySecondFactor(deps, actor.user, actor.session, req.body.code, client(req));
      return presentMe({ user: actor.user, session: { ...actor.session, stage: 'full' } });
    },
  );

  app.post('/api/auth/totp/enrol/start', { schema: { tags, response: { 200: EnrolStartResponse, ...errors } } }, async (req) => {
    const actor = requireSession(req);
    return auth.startEnrolment(deps, actor.user, actor.session);
  });

  app.post(
    '/api/auth/totp/enrol/confirm',
    { schema: { tags, body: TotpBody, response: { 200: EnrolConfirmResponse, ...errors } } },
    async (req) => {
      const actor = requireSession(req);
      return auth.confirmEnrolment(deps, actor.user, actor.session, req.body.code, client(req));
    },
  );

  app.post('/api/auth/logout', { schema: { tags, response: { 200: Ok, ...errors } } }, async (req, reply) => {
    const actor = requireSession(req);
    await auth.logout(deps, actor.user, actor.session, false, client(req));
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.post('/api/auth/logout-all', { schema: { tags, response: { 200: Ok, ...errors } } }, async (req, reply) => {
    const actor = requireSession(req);
    await auth.logout(deps, actor.user, actor.session, true, client(req));
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.post('/api/auth/password', { schema: { tags, body: ChangePasswordBody, response: { 200: Ok, ...errors } } }, async (req) => {
    const actor = requireActorAllowingPasswordChange(req);
    await auth.changePassword(deps, actor.user, actor.session, req.body.currentPassword, req.body.newPassword, client(req));
    return { ok: true as const };
  });

  app.put(
    '/api/me/preferences',
    { schema: { tags, body: PreferencesBody, response: { 200: z.object({ locale: z.string() }), ...errors } } },
    async (req) => {
      const actor = requireSession(req);
      await app.ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ locale: req.body.locale, updated_at: nowIso() }).where('id', '=', actor.user.id).execute();
        await appendAudit(trx, {
          type: 'auth.preferences_changed',
          actorId: actor.user.id,
          institutionId: actor.user.institution_id,
          subjectType: 'user',
          subjectId: actor.user.id,
          data: { locale: req.body.locale },
        });
      });
      return { locale: req.body.locale };
    },
  );
}
