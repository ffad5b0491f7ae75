import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AutoReplySettings,
  AutoReplyUpdateBody,
  InboxAccount,
  InboxActionBody,
  InboxBulkResult,
  InboxItem,
  InboxItemDetail,
  InboxList,
  InboxListQuery,
  TransparencyReport,
} from '@courtdesk/contracts';
import { api } from '../../app/api';

export type InboxFilters = Partial<Omit<InboxListQuery, 'limit' | 'offset'>> & { limit: number; offset: number };

export interface AutoReplyLogItem {
  id: string;
  accountHandle: string;
  platform: string;
  conversationId: string | null;
  lang: string | null;
  status: 'queued' | 'sent' | 'failed';
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

export const inboxKeys = {
  all: ['inbox'] as const,
  list: (f: InboxFilters) => ['inbox', 'list', f] as const,
  item: (id: string) => ['inbox', 'item', id] as const,
  accounts: (institutionId?: string) => ['inbox', 'accounts', institutionId ?? ''] as const,
  report: (institutionId: string, months: number) => ['inbox', 'report', institutionId, months] as const,
  autoReply: (institutionId: string) => ['inbox', 'autoreply', institutionId] as const,
  autoReplyLog: (institutionId: string) => ['inbox', 'autoreply-log', institutionId] as const,
};

/** `GET /api/inbox/items`: refreshed every 15 s so new comments appear without reloading. */
export function useInboxItems(f: InboxFilters) {
  return useQuery({
    queryKey: inboxKeys.list(f),
    queryFn: ({ signal }) => api.get<InboxList>('/api/inbox/items', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

export function useInboxItem(id: string | null) {
  return useQuery({
    queryKey: inboxKeys.item(id ?? ''),
    queryFn: ({ signal }) => api.get<InboxItemDetail>(`/api/inbox/items/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useInboxAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: InboxActionBody }) =>
      api.post<InboxItem>(`/api/inbox/items/${encodeURIComponent(id)}/actions`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export function useInboxBulk() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InboxActionBody & { ids: string[] }) => api.post<InboxBulkResult>('/api/inbox/bulk', body),
    onSettled: () => qc.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export function useInboxReply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) =>
      api.post<InboxItem>(`/api/inbox/items/${encodeURIComponent(id)}/reply`, { text }),
    onSettled: () => qc.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export function useInboxAccounts(institutionId?: string) {
  return useQuery({
    queryKey: inboxKeys.accounts(institutionId),
    queryFn: ({ signal }) => api.get<{ items: InboxAccount[] }>('/api/inbox/accounts', { signal, query: { institutionId } }),
  });
}

export function useSetPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, autoHide }: { id: string; autoHide: boolean }) =>
      api.put<InboxAccount>(`/api/inbox/accounts/${encodeURIComponent(id)}/policy`, { autoHide }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['inbox', 'accounts'] }),
  });
}

export function useTransparencyReport(institutionId: string, months: number) {
  return useQuery({
    queryKey: inboxKeys.report(institutionId, months),
    queryFn: ({ signal }) => api.get<TransparencyReport>('/api/inbox/report', { signal, query: { institutionId, months } }),
    enabled: !!institutionId,
  });
}

export function useAutoReply(institutionId: string) {
  return useQuery({
    queryKey: inboxKeys.autoReply(institutionId),
    queryFn: ({ signal }) => api.get<AutoReplySettings>('/api/inbox/autoreply', { signal, query: { institutionId } }),
    enabled: !!institutionId,
  });
}

export function useSaveAutoReply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AutoReplyUpdateBody) => api.put<AutoReplySettings>('/api/inbox/autoreply', body),
    onSuccess: (data) => qc.setQueryData(inboxKeys.autoReply(data.institutionId), data),
  });
}

export function useAutoReplyLog(institutionId: string) {
  return useQuery({
    queryKey: inboxKeys.autoReplyLog(institutionId),
    queryFn: ({ signal }) =>
      api.get<{ items: AutoReplyLogItem[] }>('/api/inbox/autoreply/log', { signal, query: { institutionId, limit: 30 } }),
    enabled: !!institutionId,
    refetchInterval: 30_000,
  });
}
