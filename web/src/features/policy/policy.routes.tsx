import type { AppRoute } from '../../app/route-types';
import { IconInfo, IconShield } from '../../app/icons';
import { lazyPage } from '../../app/lazy-page';

const CheckDraftPage = lazyPage(() => import('./CheckDraftPage'), 'CheckDraftPage');
const PolicyPackPage = lazyPage(() => import('./PolicyPackPage'), 'PolicyPackPage');

/** The manual as a policy engine: check a draft live, and read the rules in force. */
export const policyRoutes: AppRoute[] = [
  { path: '/check', element: <CheckDraftPage />, navLabelKey: 'policy:nav.check', icon: IconShield, section: 'publishing' },
  { path: '/policy', element: <PolicyPackPage />, navLabelKey: 'policy:nav.pack', icon: IconInfo, section: 'organisation' },
];
