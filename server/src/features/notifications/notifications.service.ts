import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Config } from '../../platform/config.js';
import type { Db, DbOrTrx, Trx } from '../../platform/db/database.js';
import { newId, nowIso } from '../../platform/ids.js';
import { defineJob, enqueueJob } from '../../platform/jobs/jobs.js';
import type { NotificationKind } from './notifications.tables.js';

const SUBJECTS: Record<NotificationKind, Record<'sq' | 'sr' | 'en', string>> = {
  approval_requested: {
    sq: 'Kërkohet miratim për një postim',
    sr: 'Potrebno je odobrenje objave',
    en: 'A post is waiting for your approval',
  },
  approved: { sq: 'Postimi juaj u miratua', sr: 'Vaša objava je odobrena', en: 'Your post was approved' },
  published: { sq: 'Postimi u publikua', sr: 'Objava je objavljena', en: 'The post was published' },
  failed: { sq: 'Publikimi dështoi', sr: 'Objavljivanje nije uspelo', en: 'Publishing failed' },
  drift_found: {
    sq: 'Rolet në platformë nuk përputhen me vendimet',
    sr: 'Uloge na platformi se ne poklapaju sa odlukama',
    en: 'Roles on the platform differ from the decisions',
  },
};

/**
 * In-app notifications plus an e-mail per recipient, written in the caller's transaction. The e-mail
 * is sent by a job after commit when SMTP is configured; otherwise it is captured locally (demo mode)
 * and visible in `mail_outbox`, never sent.
 */
export async function notify(
  trx: Trx,
  config: Config,
  input: { userIds: string[]; kind: NotificationKind; postId: string | null; data: Record<string, unknown> },
): Promise<void> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return;
  const users = await trx
    .selectFrom('users')
    .select(['id', 'email', 'locale', 'status'])
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .execute();
  const now = nowIso();
  for (const u of users) {
    await trx
      .insertInto('notifications')
      .values({
        id: newId(),
        user_id: u.id,
        kind: input.kind,
        post_id: input.postId,
        data: JSON.stringify(input.data),
        read_at: null,
        created_at: now,
      })
      .execute();
    const lang = (['sq', 'sr', 'en'] as const).includes(u.locale) ? u.locale : 'sq';
    const subject = `Courtdesk: ${SUBJECTS[input.kind][lang]}`;
    const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
    const link = input.postId
      ? `${base}/posts/${input.postId}`
      : typeof input.data.accountId === 'string'
        ? `${base}/accounts/${input.data.accountId}`
        : '';
    const body = [
      SUBJECTS[input.kind][lang],
      typeof input.data.excerpt === 'string' ? `\n«${input.data.excerpt}»` : '',
      link ? `\n${link}` : '',
    ].join('');
    const mailId = newId();
    await trx
      .insertInto('mail_outbox')
      .values({
        id: mailId,
        to_address: u.email,
        subject,
        body,
        status: config.smtpUrl ? 'queued' : 'captured',
        error: null,
        created_at: now,
        sent_at: null,
      })
      .execute();
    if (config.smtpUrl) await enqueueJob(trx, 'mail.send', { mailId }, { dedupeKey: `mail:${mailId}`, maxAttempts: 8 });
  }
}

let transport: { url: string; t: nodemailer.Transporter } | null = null;

defineJob({
  name: 'mail.send',
  payload: z.object({ mailId: z.string() }),
  maxAttempts: 8,
  async handler({ mailId }, ctx) {
    const mail = await ctx.db.selectFrom('mail_outbox').selectAll().where('id', '=', mailId).executeTakeFirst();
    if (!mail || mail.status !== 'queued' || !ctx.config.smtpUrl) return;
    if (!transport || transport.url !== ctx.config.smtpUrl)
      transport = {
        url: ctx.config.smtpUrl,
        t: nodemailer.createTransport(ctx.config.smtpUrl, { connectionTimeout: 10_000, socketTimeout: 20_000 }),
      };
    try {
      await transport.t.sendMail({ from: ctx.config.mailFrom, to: mail.to_address, subject: mail.subject, text: mail.body });
      await ctx.db.updateTable('mail_outbox').set({ status: 'sent', sent_at: nowIso(), error: null }).where('id', '=', mailId).execute();
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      await ctx.db
        .updateTable('mail_outbox')
        .set({ error: msg.slice(0, 500) })
        .where('id', '=', mailId)
        .execute();
      if (ctx.attempt >= 8) await ctx.db.updateTable('mail_outbox').set({ status: 'failed' }).where('id', '=', mailId).execute();
      throw err;
    }
  },
});

export async function listNotifications(db: DbOrTrx, userId: string, limit = 50) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markRead(db: Db, userId: string, ids: string[] | 'all'): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: nowIso() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return;
    q = q.where('id', 'in', ids);
  }
  await q.execute();
}
