export { createMastodonConnector, MASTODON_MANIFEST } from './mastodon.connector.js';
export type { MastodonConnectorOptions } from './mastodon.http.js';
export { memoryLedger, type PublishLedger } from './mastodon.ledger.js';
