import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Db, Engine } from '../db/database.js';
import type { SessionsTable } from '../../features/auth/auth.tables.js';
import type { UsersTable } from '../../features/people/people.tables.js';

/** The Fastify instance with zod schemas as its type provider: what every feature's routes receive. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Shared services handed to every feature. */
export interface AppContext {
  db: Db;
  engine: Engine;
  config: Config;
  log: FastifyBaseLogger;
  /** Hooks other features register to run when the app stops (workers, timers). */
  onClose: Array<() => Promise<void> | void>;
}

/** The signed-in person behind a request. */
export interface Actor {
  user: UsersTable;
  session: SessionsTable;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
