import type { AppRoute } from '../../app/route-types';
import { IconUsers } from '../../app/icons';
import { lazyPage } from '../../app/lazy-page';

const PeoplePage = lazyPage(() => import('./PeoplePage'), 'PeoplePage');

/** Screens of the people feature. */
export const peopleRoutes: AppRoute[] = [
  {
    path: '/people',
    element: <PeoplePage />,
    navLabelKey: 'people:nav.title',
    icon: IconUsers,
    section: 'organisation',
  },
];
