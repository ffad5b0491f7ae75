import { z } from 'zod';
import { ErrorBody, Notification, Ok } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { requireActor } from '../auth/session.plugin.js';
import { listNotifications, markRead } from './notifications.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

export async function notificationsRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    { schema: { tags, response: { 200: z.object({ items: z.array(Notification), unread: z.number().int() }), ...errors } } },
    async (req) => {
      const a = requireActor(req);
      const rows = await listNotifications(db, a.user.id);
      const items = rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        postId: r.post_id,
        data: JSON.parse(r.data) as Record<string, unknown>,
        readAt: r.read_at,
        createdAt: r.created_at,
      }));
      return { items, unread: items.filter((i) => !i.readAt).length };
    },
  );
  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags,
        body: z.object({ ids: z.union([z.array(z.string().max(64)).max(200), z.literal('all')]) }),
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      const a = requireActor(req);
      await markRead(db, a.user.id, req.body.ids);
      return { ok: true as const };
    },
  );
}
