import type { AppRoute } from './route-types';
import { authRoutes } from '../features/auth/auth.routes';
import { homeRoutes } from '../features/home/home.routes';
import { institutionsRoutes } from '../features/institutions/institutions.routes';
import { peopleRoutes } from '../features/people/people.routes';
import { inboxRoutes } from '../features/inbox/inbox.routes';
import { vaultRoutes } from '../features/vault/vault.routes';
import { policyRoutes } from '../features/policy/policy.routes';
import { postsRoutes } from '../features/posts/posts.routes';
import { decisionsRoutes } from '../features/decisions/decisions.routes';
import { accountsRoutes } from '../features/accounts/accounts.routes';
import { complianceRoutes } from '../features/compliance/compliance.routes';
import { offboardingRoutes } from '../features/offboarding/offboarding.routes';

export type { AppRoute, NavSection } from './route-types';

/**
 * Every screen of the signed-in app, in navigation order.
 *
 * Add your feature's routes here: create `features/<feature>/<feature>.routes.tsx` exporting an
 * `AppRoute[]` (path, element, and `navLabelKey` + `icon` + `section` if it belongs in the
 * navigation), put its strings in `locales/{sq,sr,en}/<feature>.json`, and spread the array below
 * — one line per feature, so parallel work does not conflict. The router and the navigation are
 * both built from this list; nothing else needs editing.
 */
export const appRoutes: AppRoute[] = [
  ...homeRoutes,
  ...institutionsRoutes,
  ...peopleRoutes,
  ...postsRoutes,
  ...inboxRoutes,
  ...policyRoutes,
  ...vaultRoutes,
  ...accountsRoutes,
  ...decisionsRoutes,
  ...complianceRoutes,
  ...offboardingRoutes,
  ...authRoutes,
];
