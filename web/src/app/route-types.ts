import type { ComponentType, ReactNode } from 'react';
import type { IconProps } from './icons';

/** Groups of the navigation, in the order they are shown. Labels live in `common:nav.sections.*`. */
export const navSections = ['overview', 'publishing', 'organisation', 'account'] as const;
export type NavSection = (typeof navSections)[number];

/** One screen of the signed-in app. */
export interface AppRoute {
  /** react-router path, e.g. `institutions/:id` (relative to the app root). */
  path: string;
  element: ReactNode;
  /** Translation key with its namespace (e.g. `people:nav.title`); when set, the route appears in the navigation. */
  navLabelKey?: string;
  icon?: ComponentType<IconProps>;
  /** Navigation group; defaults to `overview`. */
  section?: NavSection;
  /** Also mark the nav item active on sub-paths (e.g. `institutions/:id`). Defaults to true except for `/`. */
  matchChildren?: boolean;
}
