/**
 * The register of official accounts (art. 3.3–3.6) and what the presentation checks compare against.
 * `platform` is one of the known platforms or any other lower-case name ("including but not limited to").
 */
export type AccountStatus = 'active' | 'requested' | 'closed';

export interface AccountsTable {
  id: string;
  institution_id: string;
  /** 'facebook' | 'x' | 'youtube' | 'linkedin' | 'instagram' | 'mastodon' | 'bluesky' | 'sandbox' | other text. */
  platform: string;
  /** Without the leading @. For a requested account: the proposed handle. */
  handle: string;
  display_name: string;
  url: string | null;
  /** The platform's own id of the page/channel/profile; for sandbox accounts it equals the handle. */
  external_id: string | null;
  opened_with_email: string | null;
  opened_at: string | null;
  /** 1 when the account existed before the manual was adopted and needs a retroactive decision (art. 3.4). */
  opened_before_manual: number;
  authorising_decision_id: string | null;
  status: AccountStatus;
  /** JSON object: content language → description text (art. 3.10–3.11). */
  description: string;
  address: string | null;
  postal_code: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** Perceptual hash (dHash, 16 hex digits) of the profile picture. */
  picture_hash: string | null;
  auto_reply_configured: number;
  /** For Facebook (art. 5.1): 1 when at least one admin uses an official e-mail, 0 when not, null when unknown. */
  facebook_admin_official_email: number | null;
  requested_by: string | null;
  requested_at: string | null;
  request_note: string | null;
  closed_at: string | null;
  closed_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** Per institution: the unified handle (art. 5.2) and the approved logo (art. 5.3–5.4). */
export interface BrandKitsTable {
  institution_id: string;
  handle: string | null;
  logo_hash: string | null;
  logo_sha256: string | null;
  logo_mime: string | null;
  logo: Buffer | null;
  updated_by: string | null;
  updated_at: string;
}

/** A snapshot of who holds a role on the platform, compared with the decisions (drift). */
export interface AccountRoleChecksTable {
  id: string;
  account_id: string;
  checked_at: string;
  /** JSON array of ExternalRole. */
  roles: string;
  /** JSON array of drift findings. */
  findings: string;
  error: string | null;
  checked_by: string | null;
}

export interface AccountsTables {
  accounts: AccountsTable;
  brand_kits: BrandKitsTable;
  account_role_checks: AccountRoleChecksTable;
}
