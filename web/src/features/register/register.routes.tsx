import type { RouteObject } from 'react-router';
import { PublicRegisterPage } from './PublicRegisterPage';

/** Pages open to everyone, outside the sign-in gate: the public register of official accounts. */
export const publicRoutes: RouteObject[] = [{ path: '/register', element: <PublicRegisterPage /> }];
