export interface MediaTable {
  id: string;
  institution_id: string;
  kind: 'image' | 'video';
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  sha256: string;
  /** The stored file: for images, re-encoded without EXIF/GPS metadata. */
  content: Buffer;
  thumbnail: Buffer | null;
  original_name: string;
  alt_text: string | null;
  author: string | null;
  source: string | null;
  licence: string | null;
  own_work: number;
  /** 1 yes, 0 no, null not yet answered. */
  identifiable_people: number | null;
  /** 'obtained' | 'not_needed' | 'missing' | null */
  consent: string | null;
  consent_note: string | null;
  uploaded_by: string;
  created_at: string;
  updated_at: string;
}

export interface MediaTables {
  media: MediaTable;
}
