export { createXConnector, X_MANIFEST } from './x.connector.js';
export type { XConnectorOptions } from './x.http.js';
export { memoryLedger, type PublishLedger } from './x.ledger.js';
export { weightedLength } from './x.text.js';
