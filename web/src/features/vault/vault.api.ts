import type { RevealedSecret, StoreSecretBody, VaultAccount, VaultOverview, VaultSecret } from '@courtdesk/contracts';
import { api } from '../../app/api';

export const vaultKeys = {
  list: ['vault'] as const,
  account: (id: string) => ['vault', id] as const,
};

export const vaultApi = {
  list: () => api.get<{ items: VaultAccount[] }>('/api/vault'),
  overview: (accountId: string) => api.get<VaultOverview>(`/api/vault/${encodeURIComponent(accountId)}`),
  store: (accountId: string, body: StoreSecretBody) => api.post<VaultSecret>(`/api/vault/${encodeURIComponent(accountId)}/secrets`, body),
  reveal: (secretId: string, body: { code: string; reason: string }) =>
    api.post<RevealedSecret>(`/api/vault/secrets/${encodeURIComponent(secretId)}/reveal`, body),
};
