/**
 * An account's connection to its platform's API: the connector's credential fields as one sealed JSON
 * object (SecretBox purpose `account-connection`). Write-only: the system opens it to call the
 * platform; no route ever returns it. Removing the connection deletes the row.
 */
export interface AccountConnectionsTable {
  account_id: string;
  institution_id: string;
  platform: string;
  sealed: string;
  /** JSON array of the field keys stored (shown as "fields set"). */
  field_keys: string;
  set_by: string;
  set_at: string;
}

export interface ConnectionTables {
  account_connections: AccountConnectionsTable;
}
