import type { AppRoute } from '../../app/route-types';
import { IconShield } from '../../app/icons';
import { lazyPage } from '../../app/lazy-page';

const VaultAccountPage = lazyPage(() => import('./VaultAccountPage'), 'VaultAccountPage');
const VaultPage = lazyPage(() => import('./VaultPage'), 'VaultPage');

/** The credential vault (art. 4.9, 5.10–5.16). */
export const vaultRoutes: AppRoute[] = [
  { path: '/vault', element: <VaultPage />, navLabelKey: 'vault:nav.title', icon: IconShield, section: 'organisation' },
  { path: '/vault/:accountId', element: <VaultAccountPage /> },
];
