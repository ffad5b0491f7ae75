import type { Generated } from 'kysely';

export interface AuditEventsTable {
  seq: number;
  id: string;
  at: string;
  type: string;
  actor_id: string | null;
  institution_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  reason: string | null;
  data: string;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: Generated<number>;
  last_seq: number;
  last_hash: string;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
}
