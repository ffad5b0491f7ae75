import type { InstitutionKind } from '@courtdesk/contracts';

export interface InstitutionsTable {
  id: string;
  code: string;
  kind: InstitutionKind;
  parent_id: string | null;
  name_sq: string;
  name_sr_latn: string;
  name_sr_cyrl: string;
  name_en: string;
  seat: string;
  /** JSON array of content languages in official use at the seat and branches. */
  languages: string;
  address: string | null;
  postal_code: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  sort_order: number;
  updated_at: string;
}

export interface InstitutionTables {
  institutions: InstitutionsTable;
}
