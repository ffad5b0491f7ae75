/**
 * Decisions of the judiciary's leadership (art. 3.1–3.4, 5.5–5.6): append-only. A decision is never
 * edited after issue; revocation, supersession and a person's departure are rows in `decision_endings`.
 */
export type DecisionKind = 'ro_appointment' | 'substitute_appointment' | 'editor_grant' | 'account_opening' | 'retroactive' | 'revocation';

export type AccessLevel = 'admin' | 'editor';
export type DecisionRole = 'responsible_officer' | 'substitute' | 'editor';

export interface DecisionsTable {
  id: string;
  institution_id: string;
  number: string;
  /** Date of the act, YYYY-MM-DD. */
  decided_on: string;
  kind: DecisionKind;
  /** The leader who signed it (art. 3.1): the court's president, or the KJC Chair/Deputy Chair/Director. */
  issued_by: string;
  /** Who entered it into Courtdesk (the issuer, or a system administrator recording a paper act). */
  recorded_by: string;
  level: AccessLevel | null;
  /** 1: covers every account of the institution, including ones opened later. */
  covers_all_accounts: number;
  effect_from: string;
  effect_until: string | null;
  /** For a revocation: the decision it revokes. */
  target_decision_id: string | null;
  supersedes_decision_id: string | null;
  editor_request_id: string | null;
  summary: string | null;
  file_id: string | null;
  created_at: string;
}

export interface DecisionPeopleTable {
  decision_id: string;
  user_id: string;
  role: DecisionRole;
}

export interface DecisionAccountsTable {
  decision_id: string;
  account_id: string;
}

export type EndingCause = 'revoked' | 'superseded' | 'person_left';

/** Ends a decision (user_id null) or one person's part in it, from `at`. */
export interface DecisionEndingsTable {
  id: string;
  decision_id: string;
  user_id: string | null;
  at: string;
  cause: EndingCause;
  by_decision_id: string | null;
  actor_id: string | null;
  reason: string | null;
  created_at: string;
}

/** The signed act, a PDF kept with its SHA-256. */
export interface DecisionFilesTable {
  id: string;
  sha256: string;
  size: number;
  file_name: string;
  content: Buffer;
  uploaded_by: string | null;
  created_at: string;
}

export type EditorRequestStatus = 'recommended' | 'granted' | 'refused' | 'withdrawn';

/** Art. 5.6b: the Responsible Officer recommends, the president consents, the grant is issued. */
export interface EditorRequestsTable {
  id: string;
  institution_id: string;
  candidate_id: string;
  /** JSON array of account ids. */
  account_ids: string;
  covers_all_accounts: number;
  recommended_by: string;
  recommended_at: string;
  note: string | null;
  status: EditorRequestStatus;
  decided_by: string | null;
  decided_at: string | null;
  decision_id: string | null;
  refusal_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface DecisionTables {
  decisions: DecisionsTable;
  decision_people: DecisionPeopleTable;
  decision_accounts: DecisionAccountsTable;
  decision_endings: DecisionEndingsTable;
  decision_files: DecisionFilesTable;
  editor_requests: EditorRequestsTable;
}
