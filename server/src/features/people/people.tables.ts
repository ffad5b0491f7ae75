import type { Position, PersonStatus, UiLocale } from '@courtdesk/contracts';

export interface UsersTable {
  id: string;
  institution_id: string;
  name: string;
  email: string;
  position: Position;
  status: PersonStatus;
  left_at: string | null;
  left_reason: string | null;
  locale: UiLocale;
  password_hash: string | null;
  must_change_password: number;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  recovery_codes: string | null;
  failed_logins: number;
  locked_until: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface PeopleTables {
  users: UsersTable;
}
