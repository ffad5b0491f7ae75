import { AutoReplyTexts, type AutoReplyUpdateBody } from '@courtdesk/contracts';
import type { Db, DbOrTrx, Trx } from '../../platform/db/database.js';
import { nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { DEFAULT_AUTO_REPLY, DEFAULT_PERIOD_HOURS } from './autoreply.texts.js';

export interface AutoReplyConfig {
  institutionId: string;
  enabled: boolean;
  periodHours: number;
  texts: AutoReplyTexts;
  isDefault: boolean;
  updatedAt: string | null;
}

/** The institution's automatic reply; without a row, the glossary's defaults (the KJC's text, art. 3.9), on, 24 h. */
export async function loadAutoReply(db: DbOrTrx, institutionId: string): Promise<AutoReplyConfig> {
  const row = await db.selectFrom('autoreply_settings').selectAll().where('institution_id', '=', institutionId).executeTakeFirst();
  if (!row)
    return {
      institutionId,
      enabled: true,
      periodHours: DEFAULT_PERIOD_HOURS,
      texts: { ...DEFAULT_AUTO_REPLY },
      isDefault: true,
      updatedAt: null,
    };
  const parsed = AutoReplyTexts.safeParse(JSON.parse(row.texts));
  const texts = parsed.success ? parsed.data : { ...DEFAULT_AUTO_REPLY };
  return {
    institutionId,
    enabled: row.enabled === 1,
    periodHours: row.period_hours,
    texts,
    isDefault: JSON.stringify(texts) === JSON.stringify(DEFAULT_AUTO_REPLY),
    updatedAt: row.updated_at,
  };
}

/** Saves the automatic reply of an institution and audits what changed (authorisation is the caller's). */
export async function saveAutoReply(db: Db, actorId: string, body: AutoReplyUpdateBody): Promise<AutoReplyConfig> {
  return db.transaction().execute(async (trx) => {
    const before = await loadAutoReply(trx, body.institutionId);
    const texts = { ...body.texts, tr: body.texts.tr || null, bs: body.texts.bs || null };
    const values = {
      institution_id: body.institutionId,
      enabled: body.enabled ? 1 : 0,
      period_hours: body.periodHours,
      texts: JSON.stringify(texts),
      updated_at: nowIso(),
      updated_by: actorId,
    };
    await trx
      .insertInto('autoreply_settings')
      .values(values)
      .onConflict((oc) =>
        oc.column('institution_id').doUpdateSet({
          enabled: values.enabled,
          period_hours: values.period_hours,
          texts: values.texts,
          updated_at: values.updated_at,
          updated_by: actorId,
        }),
      )
      .execute();
    const changedLangs = (Object.keys(texts) as (keyof AutoReplyTexts)[]).filter((k) => texts[k] !== before.texts[k]);
    await appendAudit(trx, {
      type: 'inbox.autoreply_changed',
      actorId,
      institutionId: body.institutionId,
      subjectType: 'institution',
      subjectId: body.institutionId,
      data: {
        enabled: { from: before.enabled, to: body.enabled },
        periodHours: { from: before.periodHours, to: body.periodHours },
        changedLanguages: changedLangs,
      },
    });
    return loadAutoReply(trx, body.institutionId);
  });
}

/**
 * Claims the conversation's reply slot: true when no automatic reply went to this conversation within
 * the period. Atomic on both engines (insert-or-nothing, then a conditional update), so two deliveries
 * of messages in one conversation racing each other send one reply.
 */
export async function claimReplySlot(
  trx: Trx,
  accountId: string,
  conversationId: string,
  periodHours: number,
  now = new Date(),
): Promise<boolean> {
  const at = nowIso(now);
  const inserted = await trx
    .insertInto('autoreply_conversations')
    .values({ account_id: accountId, conversation_id: conversationId, last_sent_at: at })
    .onConflict((oc) => oc.columns(['account_id', 'conversation_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return true;
  const cutoff = nowIso(new Date(now.getTime() - periodHours * 3_600_000));
  const updated = await trx
    .updateTable('autoreply_conversations')
    .set({ last_sent_at: at })
    .where('account_id', '=', accountId)
    .where('conversation_id', '=', conversationId)
    .where((eb) => eb.or([eb('last_sent_at', 'is', null), eb('last_sent_at', '<=', cutoff)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}
