export type NotificationKind = 'approval_requested' | 'approved' | 'published' | 'failed' | 'drift_found';

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  post_id: string | null;
  /** JSON, rendered by the web app in the reader's language. */
  data: string;
  read_at: string | null;
  created_at: string;
}

/** E-mail waiting to go (or, in demo mode without SMTP, captured locally and never sent). */
export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  status: 'queued' | 'sent' | 'failed' | 'captured';
  error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  mail_outbox: MailOutboxTable;
}
