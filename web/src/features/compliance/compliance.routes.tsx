import type { AppRoute } from '../../app/route-types';
import { IconInfo } from '../../app/icons';
import { lazyPage } from '../../app/lazy-page';

const CompliancePage = lazyPage(() => import('./CompliancePage'), 'CompliancePage');

/** Failing checks per institution and KJC-wide. */
export const complianceRoutes: AppRoute[] = [
  { path: '/compliance', element: <CompliancePage />, navLabelKey: 'compliance:nav.title', icon: IconInfo, section: 'organisation' },
];
