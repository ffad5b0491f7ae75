export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** One unit of background work, stored so it survives crashes; claimed with a lease. */
export interface JobsTable {
  id: string;
  name: string;
  /** JSON. */
  payload: string;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  /** While running: the lease; a job whose lease has passed is claimable again (its worker died). */
  locked_until: string | null;
  locked_by: string | null;
  /** At most one job per key (e.g. `post.publish:<target id>`). */
  dedupe_key: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobTables {
  jobs: JobsTable;
}
