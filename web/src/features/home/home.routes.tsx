import type { AppRoute } from '../../app/route-types';
import { IconHome } from '../../app/icons';
import { HomePage } from './HomePage';

/** The dashboard. */
export const homeRoutes: AppRoute[] = [
  {
    path: '/',
    element: <HomePage />,
    navLabelKey: 'common:nav.home',
    icon: IconHome,
    section: 'overview',
    matchChildren: false,
  },
];
