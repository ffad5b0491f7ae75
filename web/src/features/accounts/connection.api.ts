import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountConnection, ConnectionCheck, SetConnectionBody } from '@courtdesk/contracts';
import { api } from '../../app/api';

const key = (id: string) => ['accounts', 'connection', id] as const;

/** Whether the account is connected to its platform's API (never the stored values). */
export function useConnection(accountId: string) {
  return useQuery({
    queryKey: key(accountId),
    queryFn: ({ signal }) => api.get<AccountConnection>(`/api/accounts/${encodeURIComponent(accountId)}/connection`, { signal }),
    retry: false,
  });
}

export function useConnectionActions(accountId: string) {
  const qc = useQueryClient();
  const path = `/api/accounts/${encodeURIComponent(accountId)}/connection`;
  const onSuccess = (data: AccountConnection) => qc.setQueryData(key(accountId), data);
  return {
    set: useMutation({ mutationFn: (body: SetConnectionBody) => api.put<AccountConnection>(path, body), onSuccess }),
    remove: useMutation({ mutationFn: () => api.delete<AccountConnection>(path), onSuccess }),
    check: useMutation({ mutationFn: () => api.post<ConnectionCheck>(`${path}/check`) }),
  };
}
