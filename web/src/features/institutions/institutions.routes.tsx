import type { AppRoute } from '../../app/route-types';
import { IconBuilding } from '../../app/icons';
import { lazyPage } from '../../app/lazy-page';

const InstitutionDetailPage = lazyPage(() => import('./InstitutionDetailPage'), 'InstitutionDetailPage');
const InstitutionsPage = lazyPage(() => import('./InstitutionsPage'), 'InstitutionsPage');

/** Screens of the institutions feature. */
export const institutionsRoutes: AppRoute[] = [
  {
    path: '/institutions',
    element: <InstitutionsPage />,
    navLabelKey: 'institutions:nav.title',
    icon: IconBuilding,
    section: 'organisation',
  },
  { path: '/institutions/:id', element: <InstitutionDetailPage /> },
];
