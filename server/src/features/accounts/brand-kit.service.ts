import type { z } from 'zod';
import sharp from 'sharp';
import type { BrandKit, BrandKitBody } from '@courtdesk/contracts';
import type { Db, DbOrTrx } from '../../platform/db/database.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { nowIso, sha256 } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { canEditBrandKit, canViewAuthority, type AuthorityActor } from '../decisions/decisions.policy.js';
import type { BrandKitsTable } from './accounts.tables.js';
import { normaliseHandle, suggestHandle } from './handles.js';
import { dHash } from './perceptual-hash.js';

type BrandKitInput = z.output<typeof BrandKitBody>;
const LOGO_MAX_BYTES = 2 * 1024 * 1024;

async function loadInstitution(db: DbOrTrx, aa: AuthorityActor, id: string) {
  const inst = await db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!inst || !canViewAuthority(aa, id)) throw new NotFoundError('The institution');
  return inst;
}

export async function getBrandKit(db: DbOrTrx, aa: AuthorityActor, institutionId: string): Promise<BrandKit> {
  const inst = await loadInstitution(db, aa, institutionId);
  const kit = await db
    .selectFrom('brand_kits')
    .select(['handle', 'logo_hash', 'updated_at'])
    .where('institution_id', '=', institutionId)
    .executeTakeFirst();
  return {
    institutionId,
    handle: kit?.handle ?? null,
    suggestedHandle: suggestHandle(inst),
    logoHash: kit?.logo_hash ?? null,
    hasLogo: Boolean(kit?.logo_hash),
    updatedAt: kit?.updated_at ?? null,
    canEdit: canEditBrandKit(aa, institutionId),
  };
}

/** Reads an uploaded logo: a real image (PNG, JPEG, WebP, GIF), at most 2 MB. */
export async function readLogo(contentBase64: string): Promise<{ bytes: Buffer; mime: string; hash: string; sha: string }> {
  const bytes = Buffer.from(contentBase64.replace(/^data:image\/[a-z]+;base64,/, ''), 'base64');
  if (bytes.length === 0 || bytes.length > LOGO_MAX_BYTES)
    throw new ValidationError('The logo must be an image of at most 2 MB (art. 5.3).');
  let format: string | undefined;
  try {
    format = (await sharp(bytes).metadata()).format;
  } catch {
    format = undefined;
  }
  const mime =
    format === 'png'
      ? 'image/png'
      : format === 'jpeg'
        ? 'image/jpeg'
        : format === 'webp'
          ? 'image/webp'
          : format === 'gif'
            ? 'image/gif'
            : null;
  if (!mime) throw new ValidationError('The logo must be a PNG, JPEG, WebP or GIF image (art. 5.3).');
  return { bytes, mime, hash: await dHash(bytes), sha: sha256(bytes) };
}

/** Sets the unified handle (art. 5.2) and/or the approved logo (art. 5.3–5.4) of an institution. */
export async function updateBrandKit(db: Db, aa: AuthorityActor, institutionId: string, body: BrandKitInput): Promise<BrandKit> {
  const logo = body.logo ? await readLogo(body.logo.contentBase64) : null;
  await db.transaction().execute(async (trx) => {
    await loadInstitution(trx, aa, institutionId);
    if (!canEditBrandKit(aa, institutionId))
      throw new ForbiddenError(
        'The brand kit is kept by the institution’s president, its information officer, its Responsible Officers or an administrator.',
      );
    const current = await trx.selectFrom('brand_kits').selectAll().where('institution_id', '=', institutionId).executeTakeFirst();
    const next: BrandKitsTable = {
      institution_id: institutionId,
      handle:
        body.handle === undefined ? (current?.handle ?? null) : body.handle === null ? null : normaliseHandle(body.handle).toLowerCase(),
      logo_hash: logo?.hash ?? current?.logo_hash ?? null,
      logo_sha256: logo?.sha ?? current?.logo_sha256 ?? null,
      logo_mime: logo?.mime ?? current?.logo_mime ?? null,
      logo: logo?.bytes ?? current?.logo ?? null,
      updated_by: aa.id,
      updated_at: nowIso(),
    };
    if (current) await trx.updateTable('brand_kits').set(next).where('institution_id', '=', institutionId).execute();
    else await trx.insertInto('brand_kits').values(next).execute();
    await appendAudit(trx, {
      type: 'brand_kit.updated',
      actorId: aa.id,
      institutionId,
      subjectType: 'institution',
      subjectId: institutionId,
      data: { handle: { from: current?.handle ?? null, to: next.handle }, logoSha256: logo?.sha ?? null },
    });
  });
  return getBrandKit(db, aa, institutionId);
}
