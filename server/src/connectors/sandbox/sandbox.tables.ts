/**
 * The sandbox platform's own state. It lives in Courtdesk's database (not in memory) so it survives
 * restarts and a SIGKILL exactly like a real platform would: what it "published" stays published.
 */
export interface SandboxAccountsTable {
  external_id: string;
  handle: string;
  display_name: string;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  /** Profile picture bytes as base64, or null. */
  picture_b64: string | null;
  auto_reply_text: string | null;
  /** JSON array of ExternalRole. */
  roles: string;
  /** Calls allowed per window (the account's rate-limit budget). */
  rate_budget: number;
  rate_window_ms: number;
  rate_used: number;
  rate_window_started_at: string;
  created_at: string;
}

export interface SandboxPostsTable {
  external_id: string;
  account_external_id: string;
  idempotency_key: string;
  text: string;
  title: string | null;
  link: string | null;
  /** JSON array of {kind, mime, bytes, sha256, altText}. */
  media: string;
  url: string;
  created_at: string;
  deleted_at: string | null;
}

export interface SandboxCommentsTable {
  external_id: string;
  account_external_id: string;
  post_external_id: string | null;
  parent_external_id: string | null;
  author_handle: string;
  author_name: string;
  text: string;
  hidden: number;
  from_account: number;
  created_at: string;
  deleted_at: string | null;
}

export interface SandboxMessagesTable {
  external_id: string;
  account_external_id: string;
  conversation_id: string;
  sender_handle: string;
  sender_name: string;
  text: string;
  from_account: number;
  created_at: string;
}

/** Faults waiting to be applied to the next matching calls (consumed in insertion order). */
export interface SandboxFaultsTable {
  id: string;
  account_external_id: string;
  /** rate_limited | server_error | outage | timeout_after_write | permanent | delay_after_write */
  kind: string;
  /** The operation it applies to (publish, deletePost, listComments…) or 'any'. */
  op: string;
  /** How many more calls it applies to; null = until `until`. */
  remaining: number | null;
  until: string | null;
  retry_after_ms: number | null;
  delay_ms: number | null;
  message: string | null;
  created_at: string;
}

export interface SandboxTables {
  sandbox_accounts: SandboxAccountsTable;
  sandbox_posts: SandboxPostsTable;
  sandbox_comments: SandboxCommentsTable;
  sandbox_messages: SandboxMessagesTable;
  sandbox_faults: SandboxFaultsTable;
}
