import { z } from 'zod';
import { AccountConnection, ConnectionCheck, ErrorBody, SetConnectionBody } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { requireActor } from '../auth/session.plugin.js';
import { toAuthorityActor } from '../decisions/authority-actor.js';
import { signedInFirst } from '../decisions/signed-in.js';
import { checkConnection, connectionStatus, registerConnectionKey, removeConnection, setConnection } from './connection.service.js';

const Params = z.object({ id: z.string().min(1).max(64) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/**
 * `GET|PUT|DELETE /api/accounts/:id/connection` — the account's API credentials. PUT and DELETE
 * answer with the status only; no route ever returns a stored value.
 */
export async function connectionRoutes(app: App): Promise<void> {
  const { db, config } = app.ctx;
  registerConnectionKey(db, config);
  const tags = ['accounts'];
  app.addHook('onRequest', signedInFirst);

  app.get(
    '/api/accounts/:id/connection',
    { schema: { tags, params: Params, response: { 200: AccountConnection, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      return connectionStatus(db, aa, req.params.id);
    },
  );

  app.put(
    '/api/accounts/:id/connection',
    { schema: { tags, params: Params, body: SetConnectionBody, response: { 200: AccountConnection, ...errors } } },
    async (req, reply) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      await setConnection(db, aa, req.params.id, req.body.values);
      void reply.header('cache-control', 'no-store');
      return connectionStatus(db, aa, req.params.id);
    },
  );

  app.post(
    '/api/accounts/:id/connection/check',
    { schema: { tags, params: Params, response: { 200: ConnectionCheck, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      return checkConnection(db, aa, req.params.id);
    },
  );

  app.delete(
    '/api/accounts/:id/connection',
    { schema: { tags, params: Params, response: { 200: AccountConnection, ...errors } } },
    async (req) => {
      const aa = await toAuthorityActor(db, requireActor(req));
      await removeConnection(db, aa, req.params.id);
      return connectionStatus(db, aa, req.params.id);
    },
  );
}
