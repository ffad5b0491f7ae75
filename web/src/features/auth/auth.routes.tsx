import type { AppRoute } from '../../app/route-types';
import { IconShield } from '../../app/icons';
import { SecurityPage } from './SecurityPage';

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
