import type { AppRoute } from '../../app/route-types';
import { IconShield } from '../../app/icons';
import { lazyPage } from '../../app/lazy-page';

const DecisionDetailPage = lazyPage(() => import('./DecisionDetailPage'), 'DecisionDetailPage');
const DecisionsPage = lazyPage(() => import('./DecisionsPage'), 'DecisionsPage');
const EditorRequestsPage = lazyPage(() => import('./EditorRequestsPage'), 'EditorRequestsPage');

/** Decisions of the leadership and the two-step editor request. */
export const decisionsRoutes: AppRoute[] = [
  { path: '/decisions', element: <DecisionsPage />, navLabelKey: 'decisions:nav.title', icon: IconShield, section: 'organisation' },
  { path: '/decisions/:id', element: <DecisionDetailPage /> },
  { path: '/editor-requests', element: <EditorRequestsPage /> },
];
