import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../../platform/http/errors.js';
import type { Actor, App } from '../../platform/http/types.js';
import { nowIso, safeEqual, sha256 } from '../../platform/ids.js';

export const SESSION_COOKIE = 'courtdesk_session';

/** Paths whose POSTs are exempt from the CSRF header: they carry no session or verify a signature. */
const CSRF_EXEMPT = [/^\/api\/auth\/login$/, /^\/api\/webhooks\//, /^\/public\//];

/**
 * Loads the session named by the cookie into `req.actor` and enforces CSRF on every state-changing
 * request: the `x-csrf-token` header must equal the session's token (synchroniser token pattern).
 */
export const sessionPlugin = fp(async (app: App) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.actor = await loadActor(app, token);
    const method = req.method.toUpperCase();
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
    const path = req.url.split('?')[0] ?? '';
    if (CSRF_EXEMPT.some((re) => re.test(path))) return;
    if (!req.actor) return; // the route will answer 401 if it needs a session
    const header = req.headers['x-csrf-token'];
    if (typeof header !== 'string' || !safeEqual(header, req.actor.session.csrf_token)) {
      throw new ForbiddenError('The security token of this request is missing or wrong. Reload the page and try again.', 'csrf_invalid');
    }
  });
});

async function loadActor(app: App, token: string): Promise<Actor | null> {
  const { db } = app.ctx;
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', sha256(token)).executeTakeFirst();
  if (!session || session.revoked_at || session.expires_at <= nowIso()) return null;
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user || user.status !== 'active') return null;
  // Touch at most once a minute to keep writes low.
  if (Date.parse(session.last_seen_at) < Date.now() - 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: nowIso() }).where('id', '=', session.id).execute();
  }
  return { user, session };
}

/** The signed-in person who passed 2FA; throws 401 otherwise. */
export function requireActor(req: FastifyRequest): Actor {
  const actor = req.actor;
  if (!actor) throw new UnauthenticatedError();
  if (actor.session.stage !== 'full') {
    throw new UnauthenticatedError(
      actor.session.stage === 'totp' ? 'Enter your two-factor code first.' : 'Set up two-factor authentication first.',
    );
  }
  if (actor.user.must_change_password === 1) {
    throw new ForbiddenError('Choose a new password first: you signed in with a one-time password.', 'password_change_required');
  }
  return actor;
}

/** A fully signed-in person who may still have to replace a one-time password (for that change itself). */
export function requireActorAllowingPasswordChange(req: FastifyRequest): Actor {
  const actor = req.actor;
  if (!actor) throw new UnauthenticatedError();
  if (actor.session.stage !== 'full') throw new UnauthenticatedError('Finish signing in first.');
  return actor;
}

/** A session in any stage (for the 2FA steps themselves). */
export function requireSession(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
