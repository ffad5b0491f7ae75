import type { ContentLang } from '@courtdesk/contracts';
import { forUpdate, type DbOrTrx } from '../../platform/db/database.js';
import type { AccountsTable } from '../accounts/accounts.tables.js';
import type { MediaTable } from '../media/media.tables.js';
import type { PostsTable, PostTargetsTable, PostVariantsTable } from './posts.tables.js';

export interface TargetRow extends PostTargetsTable {
  platform: string;
  handle: string;
  display_name: string;
  account_external_id: string | null;
  account_institution_id: string;
  account_status: AccountsTable['status'];
}

export type MediaRow = Omit<MediaTable, 'content' | 'thumbnail'>;

/** A post with everything that hangs off it. */
export interface LoadedPost {
  post: PostsTable;
  variants: PostVariantsTable[];
  targets: TargetRow[];
  media: MediaRow[];
  requiredLanguages: ContentLang[];
}

const MEDIA_COLUMNS = [
  'media.id',
  'media.institution_id',
  'media.kind',
  'media.mime',
  'media.size',
  'media.width',
  'media.height',
  'media.sha256',
  'media.original_name',
  'media.alt_text',
  'media.author',
  'media.source',
  'media.licence',
  'media.own_work',
  'media.identifiable_people',
  'media.consent',
  'media.consent_note',
  'media.uploaded_by',
  'media.created_at',
  'media.updated_at',
] as const;

/** The languages the institution must publish in (art. 3.11), from its register entry. */
export async function requiredLanguagesOf(db: DbOrTrx, institutionId: string): Promise<ContentLang[]> {
  const inst = await db.selectFrom('institutions').select('languages').where('id', '=', institutionId).executeTakeFirst();
  if (!inst) return [];
  try {
    return JSON.parse(inst.languages) as ContentLang[];
  } catch {
    return ['sq', 'sr'];
  }
}

export async function loadTargets(db: DbOrTrx, postIds: string[]): Promise<TargetRow[]> {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('post_targets as t')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .selectAll('t')
    .select([
      'a.platform',
      'a.handle',
      'a.display_name',
      'a.external_id as account_external_id',
      'a.institution_id as account_institution_id',
      'a.status as account_status',
    ])
    .where('t.post_id', 'in', postIds)
    .orderBy('a.platform')
    .orderBy('a.handle')
    .execute();
}

/** Loads a post (locked for update when `lock`), or undefined. */
export async function loadPost(db: DbOrTrx, id: string, lock = false): Promise<LoadedPost | undefined> {
  const q = db.selectFrom('posts').selectAll().where('id', '=', id);
  const post = await (lock ? forUpdate(db, q) : q).executeTakeFirst();
  if (!post) return undefined;
  const [variants, targets, media, requiredLanguages] = await Promise.all([
    db.selectFrom('post_variants').selectAll().where('post_id', '=', id).execute(),
    loadTargets(db, [id]),
    db
      .selectFrom('post_media')
      .innerJoin('media', 'media.id', 'post_media.media_id')
      .select(MEDIA_COLUMNS)
      .where('post_media.post_id', '=', id)
      .orderBy('post_media.position')
      .execute(),
    requiredLanguagesOf(db, post.institution_id),
  ]);
  return { post, variants: sortVariants(variants, requiredLanguages), targets, media, requiredLanguages };
}

/** Required languages first, in the institution's order; the rest after. */
export function sortVariants<V extends { lang: string }>(variants: V[], required: readonly string[]): V[] {
  const rank = (l: string) => {
    const i = required.indexOf(l);
    return i === -1 ? 100 + ['sq', 'sr', 'en', 'tr', 'bs'].indexOf(l) : i;
  };
  return [...variants].sort((a, b) => rank(a.lang) - rank(b.lang));
}

export async function userNames(db: DbOrTrx, ids: Array<string | null>): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
