import { Suspense, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AuthGate } from '../features/auth/AuthGate';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';
import { PageSkeleton } from './ui/PageSkeleton';
import { appRoutes } from './routes';
import { publicRoutes } from '../features/register/register.routes';

/** Pages are loaded on first visit (`lazyPage`); until then the page area shows a skeleton. */
const loading = (element: ReactNode) => <Suspense fallback={<PageSkeleton />}>{element}</Suspense>;

/** The route tree: the auth gate and app shell around every screen listed in `routes.tsx`. */
export function buildRouteObjects(): RouteObject[] {
  return [
    ...publicRoutes.map((route) => ({ ...route, element: loading(route.element) })),
    {
      element: (
        <AuthGate>
          <AppLayout />
        </AuthGate>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        ...appRoutes.map((route) => ({ path: route.path, element: loading(route.element) })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

/** The browser router of the app. */
export function createAppRouter() {
  return createBrowserRouter(buildRouteObjects());
}
