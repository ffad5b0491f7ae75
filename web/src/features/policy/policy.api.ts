import type { CheckDraftBody, CheckDraftResponse, PolicyPackView } from '@courtdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../app/api';

export const policyApi = {
  check: (body: CheckDraftBody, signal?: AbortSignal) => api.post<CheckDraftResponse>('/api/policy/check', body, { signal }),
  pack: () => api.get<PolicyPackView>('/api/policy/pack'),
  reload: () => api.post<{ ok: boolean; version: string; error: string | null }>('/api/policy/pack/reload'),
};

/** Waits until `value` has not changed for `ms` before returning it (for checking as the officer types). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Live compliance check of a draft's variants; re-runs 300 ms after the last keystroke. */
export function useLiveCheck(body: CheckDraftBody, enabled = true) {
  const debounced = useDebounced(body, 300);
  return useQuery({
    queryKey: ['policy-check', debounced],
    queryFn: ({ signal }) => policyApi.check(debounced, signal),
    enabled,
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
}
