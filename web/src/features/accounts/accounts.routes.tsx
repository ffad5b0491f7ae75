import type { AppRoute } from '../../app/route-types';
import { IconBuilding } from '../../app/icons';
import { AccountDetailPage } from './AccountDetailPage';
import { AccountsPage } from './AccountsPage';

/** The register of official accounts. */
export const accountsRoutes: AppRoute[] = [
  { path: '/accounts', element: <AccountsPage />, navLabelKey: 'accounts:nav.title', icon: IconBuilding, section: 'organisation' },
  { path: '/accounts/:id', element: <AccountDetailPage /> },
];
