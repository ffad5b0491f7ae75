import type { AppRoute } from '../../app/route-types';
import { ArchivePage } from '../archive/ArchivePage';
import { CalendarPage } from '../calendar/CalendarPage';
import { ComposerPage } from '../composer/ComposerPage';
import { MediaPage } from '../media/MediaPage';
import { IconArchive, IconCalendar, IconImage, IconSend } from './icons';
import { PostDetailPage } from './PostDetailPage';
import { PostsPage } from './PostsPage';
import { NotificationsPage } from './NotificationsPage';

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
