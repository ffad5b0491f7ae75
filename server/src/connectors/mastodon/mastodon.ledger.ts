/**
 * What the connector writes down around a publish so a later `findByIdempotencyKey` (after a timeout or
 * a restart) reconciles instead of re-publishing: one ledger shape for every connector whose platform
 * has no idempotency key of its own (connectors/meta/publish-ledger.ts). Pass `dbPublishLedger(db)`
 * to survive restarts; without one, the in-memory ledger forgets intents when the process ends.
 */
export { memoryPublishLedger as memoryLedger, type LedgerEntry, type PublishLedger } from '../meta/publish-ledger.js';
