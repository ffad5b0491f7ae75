export type VaultSecretKind = 'password' | 'totp_seed' | 'recovery_codes' | 'api_token' | 'other';

/**
 * One version of one secret of an official account. The value is sealed with `SecretBox` (purpose
 * `vault`); a new version retires the old one, whose sealed value is overwritten so no old password lingers.
 */
export interface VaultSecretsTable {
  id: string;
  account_id: string;
  institution_id: string;
  kind: VaultSecretKind;
  label: string;
  sealed: string;
  version: number;
  set_by: string;
  set_at: string;
  /** Set when the secret must be changed (someone with access left, art. 5.7). */
  rotation_due_at: string | null;
  rotation_reason: string | null;
  retired_at: string | null;
}

export interface VaultTables {
  vault_secrets: VaultSecretsTable;
}
