import type { FastifyRequest } from 'fastify';
import { requireActor } from '../auth/session.plugin.js';

/** `onRequest` hook for the authority routes: everything but `/public/…` needs a full session. */
export async function signedInFirst(req: FastifyRequest): Promise<void> {
  if (req.url.startsWith('/public/')) return;
  requireActor(req);
}
