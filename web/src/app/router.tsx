import { createBrowserRouter, type RouteObject } from 'react-router';
import { AuthGate } from '../features/auth/AuthGate';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';
import { appRoutes } from './routes';
import { publicRoutes } from '../features/register/register.routes';

/** The route tree: the auth gate and app shell around every screen listed in `routes.tsx`. */
export function buildRouteObjects(): RouteObject[] {
  return [
    ...publicRoutes,
    {
      element: (
        <AuthGate>
          <AppLayout />
        </AuthGate>
      ),
      errorElement: <RouteErrorPage />,
      children: [...appRoutes.map((route) => ({ path: route.path, element: route.element })), { path: '*', element: <NotFoundPage /> }],
    },
  ];
}

/** The browser router of the app. */
export function createAppRouter() {
  return createBrowserRouter(buildRouteObjects());
}
