import { z } from 'zod';
import { CalendarEntry, CalendarQuery, ErrorBody } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { ValidationError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { accountsWhereUserHas } from '../decisions/rights.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import { listPosts } from '../posts/posts.queries.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const MAX_RANGE_MS = 62 * 24 * 3600_000;

/**
 * The calendar: scheduled and published posts in a range, for one institution or (for the KJC and
 * administrators) the whole judiciary. Times are UTC on the wire; the web app shows Europe/Belgrade.
 */
export async function calendarRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  app.get(
    '/api/calendar',
    {
      schema: {
        tags: ['calendar'],
        querystring: CalendarQuery,
        response: { 200: z.object({ items: z.array(CalendarEntry), timeZone: z.string() }), ...errors },
      },
    },
    async (req) => {
      const pa = await toPolicyActor(db, requireActor(req));
      const from = new Date(req.query.from).toISOString();
      const to = new Date(req.query.to).toISOString();
      if (to <= from || Date.parse(to) - Date.parse(from) > MAX_RANGE_MS) throw new ValidationError('Choose a range of up to two months.');
      const posts = await listPosts(db, pa, {
        institutionId: req.query.institutionId,
        statuses: ['scheduled', 'publishing', 'published', 'failed'],
        from,
        to,
        limit: 500,
      });
      const mine = new Set(await accountsWhereUserHas(db, pa.id, 'publish'));
      return {
        timeZone: 'Europe/Belgrade',
        items: posts.map((p) => ({
          postId: p.id,
          institutionId: p.institutionId,
          status: p.status,
          at: p.scheduledAt!,
          excerpt: p.excerpt,
          platforms: [...new Set(p.targets.map((t) => t.platform))],
          canReschedule: p.status === 'scheduled' && p.targets.length > 0 && p.targets.every((t) => mine.has(t.accountId)),
        })),
      };
    },
  );
}
