import type { AccountRef } from '../connector.js';
import { isoTime, type GraphClient, type GraphPage } from './graph-client.js';
import { nestedPage } from './nested-paging.js';

/**
 * Private messages through a Facebook Page — Messenger for the Page itself, Instagram Direct for the
 * Instagram account linked to it: the conversations of the Page, their messages with one cursor, and
 * answers through the Send API. Each connector turns the messages into its own `ExternalMessage`s.
 */

/** One message, with the person's id as its conversation (as in Meta's webhooks). */
export interface PageMessage {
  id: string;
  message?: string;
  created_time?: string;
  from?: { id: string; name?: string; username?: string };
  conversationId: string;
}

export interface PageMessagesOptions {
  /** The Page's path (its id, URI-encoded). */
  pagePath: string;
  platform: 'messenger' | 'instagram';
  /** Ids that are the court itself; the other participant names the conversation. */
  ours: Set<string>;
  /** How many messages one call tries to return, and how many conversations it reads at most. */
  want: number;
  maxConversations: number;
  since?: string;
  cursor?: string | null;
}

/** Messages of the newest conversations, paged across conversations by one opaque cursor. */
export async function listPageMessages(
  graph: GraphClient,
  a: AccountRef,
  o: PageMessagesOptions,
): Promise<{ items: PageMessage[]; cursor: string | null }> {
  const res = await nestedPage<Omit<PageMessage, 'conversationId'> & { conversationId?: string }>({
    cursor: o.cursor,
    want: o.want,
    maxParents: o.maxConversations,
    parents: (after) => conversations(graph, a, o.pagePath, o.platform, after, o.ours, o.since),
    children: async (parent, after, limit) => {
      const { convId, personId } = splitParent(parent);
      const r = await graph.get<GraphPage<Omit<PageMessage, 'conversationId'>>>(a, `${encodeURIComponent(convId)}/messages`, {
        fields: 'id,message,from,created_time',
        limit,
        after: after ?? undefined,
      });
      return { ...r, data: r.data.map((m) => ({ ...m, conversationId: personId })) };
    },
  });
  return { items: res.items.map((m) => ({ ...m, conversationId: m.conversationId! })), cursor: res.cursor };
}

/** An answer within the person's 24-hour window (`RESPONSE`); the conversation id is the person's scoped id. */
export async function sendPageMessage(
  graph: GraphClient,
  a: AccountRef,
  pagePath: string,
  conversationId: string,
  text: string,
): Promise<{ externalId: string }> {
  const r = await graph.post<{ message_id: string }>(a, `${pagePath}/messages`, {
    recipient: JSON.stringify({ id: conversationId }),
    messaging_type: 'RESPONSE',
    message: JSON.stringify({ text }),
  });
  return { externalId: r.message_id };
}

/**
 * A conversation as a parent for paging: `{conversation id}|{the person's id}`. Messenger threads with a
 * Page are one per person, so the person's id names the conversation (webhooks only carry that id).
 */
export async function conversations(
  graph: GraphClient,
  a: AccountRef,
  ownerPath: string,
  platform: 'messenger' | 'instagram',
  after: string | null,
  ours: Set<string>,
  since?: string,
): Promise<GraphPage<{ id: string }>> {
  const r = await graph.get<GraphPage<{ id: string; updated_time?: string; participants?: { data: Array<{ id: string }> } }>>(
    a,
    `${ownerPath}/conversations`,
    {
      platform,
      fields: 'id,updated_time,participants',
      limit: 25,
      after: after ?? undefined,
    },
  );
  // Conversations come newest first: once one is older than `since`, so are the rest (no further pages).
  const fresh = since ? r.data.filter((c) => !c.updated_time || isoTime(c.updated_time) > since) : r.data;
  return {
    ...(fresh.length < r.data.length ? { data: [] } : r),
    data: fresh.flatMap((c) => {
      const person = c.participants?.data.find((p) => !ours.has(p.id));
      return person ? [{ id: `${c.id}|${person.id}` }] : [];
    }),
  };
}

export function splitParent(parent: string): { convId: string; personId: string } {
  const i = parent.lastIndexOf('|');
  return { convId: parent.slice(0, i), personId: parent.slice(i + 1) };
}
