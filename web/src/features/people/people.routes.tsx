import type { AppRoute } from '../../app/route-types';
import { IconUsers } from '../../app/icons';
import { PeoplePage } from './PeoplePage';

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
