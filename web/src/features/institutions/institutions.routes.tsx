import type { AppRoute } from '../../app/route-types';
import { IconBuilding } from '../../app/icons';
import { InstitutionDetailPage } from './InstitutionDetailPage';
import { InstitutionsPage } from './InstitutionsPage';

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
