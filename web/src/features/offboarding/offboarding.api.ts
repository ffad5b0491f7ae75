import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OffboardingItem, OffboardingList } from '@courtdesk/contracts';
import { api } from '../../app/api';

export function useOffboarding(f: { institutionId?: string; status?: 'open' | 'done'; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['offboarding', f],
    queryFn: ({ signal }) => api.get<OffboardingList>('/api/offboarding', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useCompleteStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) =>
      api.post<OffboardingItem>(`/api/offboarding/${encodeURIComponent(id)}/complete`, note ? { note } : {}),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['offboarding'] }), qc.invalidateQueries({ queryKey: ['compliance'] })]),
  });
}
