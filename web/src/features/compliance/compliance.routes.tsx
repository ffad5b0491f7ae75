import type { AppRoute } from '../../app/route-types';
import { IconInfo } from '../../app/icons';
import { CompliancePage } from './CompliancePage';

/** Failing checks per institution and KJC-wide. */
export const complianceRoutes: AppRoute[] = [
  { path: '/compliance', element: <CompliancePage />, navLabelKey: 'compliance:nav.title', icon: IconInfo, section: 'organisation' },
];
