import type { AppRoute } from '../../app/route-types';
import { IconUsers } from '../../app/icons';
import { lazyPage } from '../../app/lazy-page';

const OffboardingPage = lazyPage(() => import('./OffboardingPage'), 'OffboardingPage');

/** Off-boarding checklists (art. 5.7). */
export const offboardingRoutes: AppRoute[] = [
  { path: '/offboarding', element: <OffboardingPage />, navLabelKey: 'offboarding:nav.title', icon: IconUsers, section: 'organisation' },
];
