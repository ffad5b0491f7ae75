import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Account,
  AccountDetail,
  AccountList,
  AccountRegisterBody,
  AccountRequestBody,
  AccountStatus,
  AccountUpdateBody,
  ApproveAccountBody,
  BrandKit,
  BrandKitBody,
  DriftReport,
} from '@courtdesk/contracts';
import { api } from '../../app/api';

export interface AccountFilters {
  institutionId?: string;
  status?: AccountStatus;
  platform?: string;
  q?: string;
  limit: number;
  offset: number;
}

export const accountKeys = {
  all: ['accounts'] as const,
  list: (f: AccountFilters) => ['accounts', 'list', f] as const,
  one: (id: string) => ['accounts', 'one', id] as const,
  brandKit: (id: string) => ['accounts', 'brand-kit', id] as const,
};

export function useAccounts(f: AccountFilters) {
  return useQuery({
    queryKey: accountKeys.list(f),
    queryFn: ({ signal }) => api.get<AccountList>('/api/accounts', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useAccount(id: string | undefined) {
  return useQuery({
    queryKey: accountKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<AccountDetail>(`/api/accounts/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: accountKeys.all }),
      qc.invalidateQueries({ queryKey: ['compliance'] }),
      qc.invalidateQueries({ queryKey: ['decisions'] }),
    ]);
}

export function useRequestAccount() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: AccountRequestBody) => api.post<Account>('/api/accounts/requests', body),
    onSuccess: invalidate,
  });
}

export function useRegisterAccount() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: AccountRegisterBody) => api.post<Account>('/api/accounts', body), onSuccess: invalidate });
}

export function useAccountAction(id: string) {
  const invalidate = useInvalidate();
  const path = `/api/accounts/${encodeURIComponent(id)}`;
  return {
    update: useMutation({ mutationFn: (body: AccountUpdateBody) => api.patch<AccountDetail>(path, body), onSuccess: invalidate }),
    approve: useMutation({
      mutationFn: (body: ApproveAccountBody) => api.post<AccountDetail>(`${path}/approve`, body),
      onSuccess: invalidate,
    }),
    close: useMutation({ mutationFn: (reason: string) => api.post<AccountDetail>(`${path}/close`, { reason }), onSuccess: invalidate }),
    refresh: useMutation({ mutationFn: () => api.post<AccountDetail>(`${path}/profile/refresh`), onSuccess: invalidate }),
    drift: useMutation({ mutationFn: () => api.post<DriftReport>(`${path}/drift`), onSuccess: invalidate }),
  };
}

export function useBrandKit(institutionId: string | undefined) {
  return useQuery({
    queryKey: accountKeys.brandKit(institutionId ?? ''),
    queryFn: ({ signal }) => api.get<BrandKit>(`/api/brand-kits/${encodeURIComponent(institutionId ?? '')}`, { signal }),
    enabled: Boolean(institutionId),
  });
}

export function useUpdateBrandKit(institutionId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BrandKitBody) => api.put<BrandKit>(`/api/brand-kits/${encodeURIComponent(institutionId)}`, body),
    onSuccess: invalidate,
  });
}
