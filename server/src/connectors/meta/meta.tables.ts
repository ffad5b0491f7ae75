/**
 * What the Meta connectors wrote down before a publishing write (the Graph API has no idempotency
 * key): the key, the exact text (public once posted), when, and the platform id once known.
 */
export interface ConnectorPublishLedgerTable {
  account_id: string;
  idempotency_key: string;
  text: string;
  started_at: string;
  external_id: string | null;
  url: string | null;
  published_at: string | null;
}

export interface MetaTables {
  connector_publish_ledger: ConnectorPublishLedgerTable;
}
