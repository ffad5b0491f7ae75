import type { AppRoute } from '../../app/route-types';
import { IconBuilding } from '../../app/icons';
import { lazyPage } from '../../app/lazy-page';

const AccountDetailPage = lazyPage(() => import('./AccountDetailPage'), 'AccountDetailPage');
const AccountsPage = lazyPage(() => import('./AccountsPage'), 'AccountsPage');

/** The register of official accounts. */
export const accountsRoutes: AppRoute[] = [
  { path: '/accounts', element: <AccountsPage />, navLabelKey: 'accounts:nav.title', icon: IconBuilding, section: 'organisation' },
  { path: '/accounts/:id', element: <AccountDetailPage /> },
];
