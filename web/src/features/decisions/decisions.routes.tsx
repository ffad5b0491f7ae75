import type { AppRoute } from '../../app/route-types';
import { IconShield } from '../../app/icons';
import { DecisionDetailPage } from './DecisionDetailPage';
import { DecisionsPage } from './DecisionsPage';
import { EditorRequestsPage } from './EditorRequestsPage';

/** Decisions of the leadership and the two-step editor request. */
export const decisionsRoutes: AppRoute[] = [
  { path: '/decisions', element: <DecisionsPage />, navLabelKey: 'decisions:nav.title', icon: IconShield, section: 'organisation' },
  { path: '/decisions/:id', element: <DecisionDetailPage /> },
  { path: '/editor-requests', element: <EditorRequestsPage /> },
];
