import type { AppRoute } from '../../app/route-types';
import { IconArchive, IconCalendar, IconImage, IconSend } from './icons';
import { lazyPage } from '../../app/lazy-page';

const ArchivePage = lazyPage(() => import('../archive/ArchivePage'), 'ArchivePage');
const CalendarPage = lazyPage(() => import('../calendar/CalendarPage'), 'CalendarPage');
const ComposerPage = lazyPage(() => import('../composer/ComposerPage'), 'ComposerPage');
const MediaPage = lazyPage(() => import('../media/MediaPage'), 'MediaPage');
const PostDetailPage = lazyPage(() => import('./PostDetailPage'), 'PostDetailPage');
const PostsPage = lazyPage(() => import('./PostsPage'), 'PostsPage');
const NotificationsPage = lazyPage(() => import('./NotificationsPage'), 'NotificationsPage');

/** Publishing screens: posts and the approval queue, composer, calendar, media library, archive. */
export const postsRoutes: AppRoute[] = [
  { path: '/posts', element: <PostsPage />, navLabelKey: 'posts:nav.posts', icon: IconSend, section: 'publishing' },
  { path: '/posts/new', element: <ComposerPage /> },
  { path: '/posts/:id', element: <PostDetailPage /> },
  { path: '/posts/:id/edit', element: <ComposerPage /> },
  { path: '/calendar', element: <CalendarPage />, navLabelKey: 'posts:nav.calendar', icon: IconCalendar, section: 'publishing' },
  { path: '/media', element: <MediaPage />, navLabelKey: 'posts:nav.media', icon: IconImage, section: 'publishing' },
  { path: '/notifications', element: <NotificationsPage />, navLabelKey: 'posts:nav.notifications', icon: IconSend, section: 'account' },
  { path: '/archive', element: <ArchivePage />, navLabelKey: 'posts:nav.archive', icon: IconArchive, section: 'publishing' },
];
