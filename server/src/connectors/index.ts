import type { Connector, PlatformName } from './connector.js';
import type { Db } from '../platform/db/database.js';
import { createSandboxConnector } from './sandbox/index.js';
import { createFacebookConnector } from './facebook/index.js';
import { createInstagramConnector } from './instagram/index.js';
import { dbPublishLedger } from './meta/publish-ledger.db.js';
import { publicMediaHost } from './meta/media-link.js';
import { createXConnector } from './x/index.js';
import { createMastodonConnector } from './mastodon/index.js';
import { createBlueskyConnector } from './bluesky/index.js';

/**
 * Every connector Courtdesk knows, listed explicitly. A platform without a connector yet can still be
 * registered (the account register covers it), but nothing can be published or read through it.
 *
 * Connectors that keep state in the database (the sandbox) are bound to one database: they are
 * registered per `Db`, so two apps in one process (tests on both engines, two instances) never share
 * one by accident. `getConnector(platform, db)` prefers the one bound to `db`.
 */
const registry = new Map<PlatformName, Connector>();
const perDb = new WeakMap<Db, Map<PlatformName, Connector>>();

export function registerConnector(connector: Connector, db?: Db): void {
  registry.set(connector.manifest.name, connector);
  if (db) {
    const m = perDb.get(db) ?? new Map<PlatformName, Connector>();
    m.set(connector.manifest.name, connector);
    perDb.set(db, m);
  }
}

/** The connector for `platform` (bound to `db` when given and registered for it); null if none. */
export function getConnector(platform: PlatformName, db?: Db): Connector | null {
  return (db ? perDb.get(db)?.get(platform) : undefined) ?? registry.get(platform) ?? null;
}

export function listConnectors(db?: Db): Connector[] {
  const merged = new Map(registry);
  if (db) for (const [k, v] of perDb.get(db) ?? []) merged.set(k, v);
  return [...merged.values()];
}

/** Registers the connectors that ship with Courtdesk; called once per app when it is built. */
export function registerBuiltInConnectors(ctx: { db: Db; config?: { secretKey: string; publicUrl: string | null } }): void {
  registerConnector(createSandboxConnector(ctx.db), ctx.db);
  // Meta: Graph base URL from COURTDESK_META_GRAPH_URL (default the pinned graph.facebook.com version);
  // the publishing ledger lives in this database. Nothing is called until an account is connected.
  const ledger = dbPublishLedger(ctx.db);
  registerConnector(createFacebookConnector({ ledger }), ctx.db);
  // Instagram fetches photos from Courtdesk's public address (PUBLIC_URL); without one it refuses to publish.
  registerConnector(createInstagramConnector({ ledger, mediaHost: ctx.config && publicMediaHost(ctx.config) }), ctx.db);
  // X (API v2; base URL from COURTDESK_X_API_URL for a proxy or tests) reconciles through the same ledger.
  registerConnector(
    createXConnector({ ledger, ...(process.env.COURTDESK_X_API_URL ? { baseUrl: process.env.COURTDESK_X_API_URL } : {}) }),
    ctx.db,
  );
  // Mastodon and Bluesky: the instance / service address is part of each account's connection, typed in
  // by an officer, so only public https addresses are ever called (platform/outbound.ts).
  registerConnector(createMastodonConnector({ ledger }), ctx.db);
  registerConnector(createBlueskyConnector(), ctx.db);
}
