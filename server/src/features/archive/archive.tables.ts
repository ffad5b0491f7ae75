export type ArchiveKind = 'published' | 'edited' | 'deleted';

/** Append-only record of what went out, per account: never updated, never deleted. */
export interface ArchiveEntriesTable {
  id: string;
  institution_id: string;
  post_id: string;
  target_id: string | null;
  account_id: string | null;
  platform: string | null;
  kind: ArchiveKind;
  external_id: string | null;
  url: string | null;
  /** JSON snapshot: variants, text sent, link, media hashes. */
  content: string;
  /** SHA-256 of `content`. */
  content_hash: string;
  actor_id: string | null;
  at: string;
}

export interface ArchiveTables {
  archive_entries: ArchiveEntriesTable;
}
