import type { App } from './types.js';
import { authRoutes } from '../../features/auth/auth.routes.js';
import { auditRoutes } from '../../features/audit/audit.routes.js';
import { institutionsRoutes } from '../../features/institutions/institutions.routes.js';
import { peopleRoutes } from '../../features/people/people.routes.js';
import { postsRoutes } from '../../features/posts/posts.routes.js';
import { publishingRoutes } from '../../features/publishing/publishing.routes.js';
import { mediaRoutes } from '../../features/media/media.routes.js';
import { calendarRoutes } from '../../features/calendar/calendar.routes.js';
import { archiveRoutes } from '../../features/archive/archive.routes.js';
import { notificationsRoutes } from '../../features/notifications/notifications.routes.js';
import { inboxRoutes } from '../../features/inbox/inbox.routes.js';
import { decisionsRoutes } from '../../features/decisions/decisions.routes.js';
import { accountsRoutes } from '../../features/accounts/accounts.routes.js';
import { connectionRoutes } from '../../features/accounts/connection.routes.js';
import { mediaLinkRoutes } from '../../features/publishing/publishing.media-link.routes.js';
import { offboardingRoutes } from '../../features/offboarding/offboarding.routes.js';
import { vaultRoutes } from '../../features/vault/vault.routes.js';
import { inboxSimulateRoutes } from '../../features/inbox/inbox.simulate.routes.js';
import { policyRoutes } from '../../features/policy/policy.routes.js';

/**
 * Every feature's routes, listed explicitly. Add one line per feature; keep routes thin
 * (validate → authorize → call the use case → present).
 */
export const featureRoutes: Array<(app: App) => Promise<void>> = [
  authRoutes,
  auditRoutes,
  institutionsRoutes,
  peopleRoutes,
  decisionsRoutes,
  accountsRoutes,
  connectionRoutes,
  offboardingRoutes,
  inboxRoutes,
  vaultRoutes,
  inboxSimulateRoutes,
  policyRoutes,
  postsRoutes,
  publishingRoutes,
  mediaLinkRoutes,
  mediaRoutes,
  calendarRoutes,
  archiveRoutes,
  notificationsRoutes,
];
