import { z } from 'zod';
import type { WebhookEvent } from '@courtdesk/contracts';

/**
 * Meta's webhook deliveries (Facebook Pages object `page`, Instagram object `instagram`) translated
 * into our own `WebhookEvent`s, which then take the one existing path: stored once per event id
 * (`storeWebhookEvent`), ingested by the inbox worker (`processWebhookEvents`). Event ids are the
 * platform's own comment id / message mid, so a delivery Meta retries is stored once.
 * See platform-apis.md §2 (feed changes, messaging) and §3 (comments, messages).
 */

const Messaging = z
  .object({
    sender: z.object({ id: z.string().min(1).max(200) }),
    recipient: z.object({ id: z.string().min(1).max(200) }),
    timestamp: z.number().optional(),
    message: z
      .object({ mid: z.string().min(1).max(200), text: z.string().max(200_000).optional(), is_echo: z.boolean().optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

const Entry = z
  .object({
    id: z.string().min(1).max(200),
    time: z.number().optional(),
    changes: z
      .array(z.object({ field: z.string(), value: z.record(z.string(), z.unknown()) }).passthrough())
      .max(1000)
      .optional(),
    messaging: z.array(Messaging).max(1000).optional(),
  })
  .passthrough();

export const MetaDelivery = z.object({ object: z.enum(['page', 'instagram']), entry: z.array(Entry).max(1000) });
export type MetaDelivery = z.infer<typeof MetaDelivery>;

/** Unix seconds or milliseconds (Meta uses both) → ISO-8601. */
function when(t: unknown, fallback?: number): string {
  const n = typeof t === 'number' ? t : typeof t === 'string' && /^\d+$/.test(t) ? Number(t) : (fallback ?? Date.now());
  return new Date(n > 1e12 ? n : n * 1000).toISOString();
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** The events we ingest from one delivery, plus how many changes we deliberately ignore (edits, likes…). */
export function metaEvents(d: MetaDelivery): { platform: 'facebook' | 'instagram'; events: WebhookEvent[]; ignored: number } {
  const platform = d.object === 'page' ? 'facebook' : 'instagram';
  const events: WebhookEvent[] = [];
  let ignored = 0;
  for (const e of d.entry) {
    const sentAt = when(e.time);
    for (const ch of e.changes ?? []) {
      const v = ch.value;
      const from = obj(v.from);
      if (platform === 'facebook' && ch.field === 'feed' && v.item === 'comment' && v.verb === 'add' && str(v.comment_id)) {
        events.push({
          id: `facebook:comment:${str(v.comment_id)}`,
          type: 'comment.created',
          sentAt,
          accountExternalId: e.id,
          comment: {
            externalId: str(v.comment_id),
            postExternalId: str(v.post_id) || null,
            authorHandle: str(from.id),
            authorName: str(from.name),
            text: str(v.message),
            createdAt: when(v.created_time, e.time),
            fromAccount: str(from.id) === e.id,
          },
        });
      } else if (platform === 'instagram' && (ch.field === 'comments' || ch.field === 'live_comments') && str(v.id)) {
        const username = str(from.username);
        events.push({
          id: `instagram:comment:${str(v.id)}`,
          type: 'comment.created',
          sentAt,
          accountExternalId: e.id,
          comment: {
            externalId: str(v.id),
            postExternalId: str(obj(v.media).id) || null,
            authorHandle: username ? `@${username}` : str(from.id),
            authorName: username,
            text: str(v.text),
            createdAt: when(v.timestamp ?? e.time, e.time),
            fromAccount: str(from.id) === e.id,
          },
        });
      } else ignored++;
    }
    for (const m of e.messaging ?? []) {
      if (!m.message?.mid) {
        ignored++; // read receipts, postbacks, reactions
        continue;
      }
      const echo = m.message.is_echo === true;
      // The conversation is named by the person's page-scoped id (the connectors' listMessages does the same).
      const person = echo ? m.recipient.id : m.sender.id;
      events.push({
        id: `${platform}:message:${m.message.mid}`,
        type: 'message.created',
        sentAt,
        accountExternalId: e.id,
        message: {
          externalId: m.message.mid,
          conversationId: person,
          senderHandle: m.sender.id,
          senderName: '',
          text: m.message.text ?? '',
          createdAt: when(m.timestamp, e.time),
          fromAccount: echo,
        },
      });
    }
  }
  return { platform, events, ignored };
}
