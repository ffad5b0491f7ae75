import type { AppRoute } from '../../app/route-types';
import { IconInfo, IconSearch, IconShield } from '../../app/icons';
import { lazyPage } from '../../app/lazy-page';

const AutoReplyPage = lazyPage(() => import('./AutoReplyPage'), 'AutoReplyPage');
const InboxPage = lazyPage(() => import('./InboxPage'), 'InboxPage');
const ReportPage = lazyPage(() => import('./ReportPage'), 'ReportPage');

/** The inbox (art. 3.7–3.9): comments and messages, the transparency report, the automatic reply. */
export const inboxRoutes: AppRoute[] = [
  { path: '/inbox', element: <InboxPage />, navLabelKey: 'inbox:nav.inbox', icon: IconSearch, section: 'publishing', matchChildren: false },
  { path: '/inbox/report', element: <ReportPage />, navLabelKey: 'inbox:nav.report', icon: IconInfo, section: 'publishing' },
  { path: '/inbox/autoreply', element: <AutoReplyPage />, navLabelKey: 'inbox:nav.autoReply', icon: IconShield, section: 'publishing' },
];
