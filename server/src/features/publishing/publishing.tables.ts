/** One row (id 1): the judiciary-wide pause switch. */
export interface PublishingSettingsTable {
  id: number;
  paused: number;
  reason: string | null;
  changed_by: string | null;
  changed_at: string | null;
}

export interface PublishingTables {
  publishing_settings: PublishingSettingsTable;
}
