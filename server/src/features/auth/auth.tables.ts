export interface SessionsTable {
  id: string;
  user_id: string;
  stage: 'totp' | 'enrol' | 'full';
  csrf_token: string;
  pending_totp_secret: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface AuthTables {
  sessions: SessionsTable;
}
