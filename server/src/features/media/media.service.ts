import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { MEDIA_LIMITS, type Media, type MediaProvenanceBody } from '@courtdesk/contracts';
import type { Db, DbOrTrx } from '../../platform/db/database.js';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { newId, nowIso, sha256 } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { canViewInstitution, worksAt, type PolicyActor } from '../institutions/institutions.policy.js';
import { provenanceMissing } from './media.provenance.js';
import type { MediaTable } from './media.tables.js';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const VIDEO_TYPES = new Set(['video/mp4', 'video/quicktime', 'video/webm']);

export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super(413, 'payload_too_large', message);
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** What the stored image looks like after processing: re-encoded without EXIF/GPS, plus a thumbnail. */
export interface ProcessedMedia {
  kind: 'image' | 'video';
  mime: string;
  content: Buffer;
  thumbnail: Buffer | null;
  width: number | null;
  height: number | null;
}

/**
 * Checks the file by its content (never its name or the browser's claim), enforces the size limits and,
 * for images, re-encodes with sharp: orientation applied, every metadata block (EXIF, GPS, XMP, IPTC)
 * dropped (art. 4.8: a photo must not reveal where it was taken), and a 480 px thumbnail made.
 */
export async function processUpload(bytes: Buffer): Promise<ProcessedMedia> {
  const type = await fileTypeFromBuffer(bytes);
  if (!type || (!IMAGE_TYPES.has(type.mime) && !VIDEO_TYPES.has(type.mime))) {
    throw new ValidationError('This file is not a photo (JPEG, PNG, WebP) or a video (MP4, MOV, WebM), whatever its name says.');
  }
  if (VIDEO_TYPES.has(type.mime)) {
    if (bytes.length > MEDIA_LIMITS.maxVideoBytes)
      throw new PayloadTooLargeError(`The video is ${mb(bytes.length)}; videos may be at most ${mb(MEDIA_LIMITS.maxVideoBytes)}.`);
    return { kind: 'video', mime: type.mime, content: bytes, thumbnail: null, width: null, height: null };
  }
  if (bytes.length > MEDIA_LIMITS.maxImageBytes)
    throw new PayloadTooLargeError(
      `The photo is ${mb(bytes.length)}; photos may be at most ${mb(MEDIA_LIMITS.maxImageBytes)}. Export it smaller and try again.`,
    );
  try {
    const img = sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 }).rotate();
    const format = type.mime === 'image/png' ? 'png' : type.mime === 'image/webp' ? 'webp' : 'jpeg';
    const { data, info } = await img
      .toFormat(format, format === 'jpeg' ? { quality: 90, mozjpeg: true } : {})
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data).resize(480, 480, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
    return { kind: 'image', mime: type.mime, content: data, thumbnail, width: info.width, height: info.height };
  } catch {
    throw new ValidationError('The photo could not be read; the file is damaged or not really an image.');
  }
}

export async function uploadMedia(
  db: Db,
  actor: PolicyActor,
  institutionId: string,
  file: { bytes: Buffer; filename: string },
): Promise<MediaTable> {
  if (!worksAt(actor, institutionId)) throw new ForbiddenError('Only staff of the institution may add to its media library.');
  const p = await processUpload(file.bytes);
  const now = nowIso();
  const row: MediaTable = {
    id: newId(),
    institution_id: institutionId,
    kind: p.kind,
    mime: p.mime,
    size: p.content.length,
    width: p.width,
    height: p.height,
    sha256: sha256(p.content),
    content: p.content,
    thumbnail: p.thumbnail,
    original_name: file.filename.slice(0, 200),
    alt_text: null,
    author: null,
    source: null,
    licence: null,
    own_work: 0,
    identifiable_people: null,
    consent: null,
    consent_note: null,
    uploaded_by: actor.id,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('media').values(row).execute();
    await appendAudit(trx, {
      type: 'media.uploaded',
      actorId: actor.id,
      institutionId,
      subjectType: 'media',
      subjectId: row.id,
      data: { mime: row.mime, size: row.size, sha256: row.sha256, originalSize: file.bytes.length, metadataStripped: p.kind === 'image' },
    });
  });
  return row;
}

export async function updateProvenance(db: Db, actor: PolicyActor, id: string, body: MediaProvenanceBody): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const m = await trx.selectFrom('media').select(['id', 'institution_id']).where('id', '=', id).executeTakeFirst();
    if (!m || !canViewInstitution(actor, m.institution_id)) throw new NotFoundError('The photo or video');
    if (!worksAt(actor, m.institution_id)) throw new ForbiddenError('Only staff of the institution may record provenance.');
    if (body.identifiablePeople === true && !body.consent) throw new ValidationError('Say whether the people shown consented.');
    await trx
      .updateTable('media')
      .set({
        author: body.author || null,
        source: body.source || null,
        licence: body.licence || null,
        own_work: body.ownWork ? 1 : 0,
        identifiable_people: body.identifiablePeople === null ? null : body.identifiablePeople ? 1 : 0,
        consent: body.identifiablePeople === false ? 'not_needed' : body.consent,
        consent_note: body.consentNote ?? null,
        alt_text: body.altText ?? null,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      type: 'media.provenance_recorded',
      actorId: actor.id,
      institutionId: m.institution_id,
      subjectType: 'media',
      subjectId: id,
      data: { ...body },
    });
  });
}

export type MediaMeta = Omit<MediaTable, 'content' | 'thumbnail'>;

export function presentMedia(m: MediaMeta, actor: PolicyActor): Media {
  return {
    id: m.id,
    institutionId: m.institution_id,
    kind: m.kind,
    mime: m.mime,
    size: m.size,
    width: m.width,
    height: m.height,
    sha256: m.sha256,
    originalName: m.original_name,
    altText: m.alt_text,
    author: m.author,
    source: m.source,
    licence: m.licence,
    ownWork: m.own_work === 1,
    identifiablePeople: m.identifiable_people === null ? null : m.identifiable_people === 1,
    consent: (m.consent as Media['consent']) ?? null,
    consentNote: m.consent_note,
    provenanceMissing: provenanceMissing(m),
    uploadedBy: m.uploaded_by,
    createdAt: m.created_at,
    canEdit: worksAt(actor, m.institution_id),
  };
}

export const MEDIA_META_COLUMNS = [
  'id',
  'institution_id',
  'kind',
  'mime',
  'size',
  'width',
  'height',
  'sha256',
  'original_name',
  'alt_text',
  'author',
  'source',
  'licence',
  'own_work',
  'identifiable_people',
  'consent',
  'consent_note',
  'uploaded_by',
  'created_at',
  'updated_at',
] as const;

export async function findMediaMeta(db: DbOrTrx, id: string): Promise<MediaMeta | undefined> {
  return db.selectFrom('media').select(MEDIA_META_COLUMNS).where('id', '=', id).executeTakeFirst();
}
