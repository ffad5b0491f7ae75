import { lazy, type ComponentType } from 'react';

/**
 * A page loaded the first time it is visited, so each screen is its own chunk and the first load
 * stays small. The router wraps every route in `<Suspense>` with a loading skeleton.
 *
 * `lazyPage(() => import('./PeoplePage'), 'PeoplePage')` keeps our named exports.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
