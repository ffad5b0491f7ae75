import type { AppRoute } from '../../app/route-types';
import { IconShield } from '../../app/icons';
import { lazyPage } from '../../app/lazy-page';

const SecurityPage = lazyPage(() => import('./SecurityPage'), 'SecurityPage');

/** Signed-in screens of the auth feature. */
export const authRoutes: AppRoute[] = [
  {
    path: '/security',
    element: <SecurityPage />,
    navLabelKey: 'auth:security.navLabel',
    icon: IconShield,
    section: 'account',
  },
];
