import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

const PublicRegisterPage = lazyPage(() => import('./PublicRegisterPage'), 'PublicRegisterPage');

/** Pages open to everyone, outside the sign-in gate: the public register of official accounts. */
export const publicRoutes: RouteObject[] = [{ path: '/register', element: <PublicRegisterPage /> }];
