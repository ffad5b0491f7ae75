import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConsentBody,
  Decision,
  DecisionBody,
  DecisionDetail,
  DecisionKind,
  DecisionList,
  DecisionState,
  EditorRequest,
  EditorRequestBody,
  EditorRequestList,
  EditorRequestStatus,
} from '@courtdesk/contracts';
import { api } from '../../app/api';

export const decisionKeys = {
  all: ['decisions'] as const,
  list: (f: DecisionFilters) => ['decisions', 'list', f] as const,
  one: (id: string) => ['decisions', 'one', id] as const,
  requests: (f: RequestFilters) => ['decisions', 'requests', f] as const,
};

export interface DecisionFilters {
  institutionId?: string;
  kind?: DecisionKind;
  state?: DecisionState;
  limit: number;
  offset: number;
}

export function useDecisions(f: DecisionFilters) {
  return useQuery({
    queryKey: decisionKeys.list(f),
    queryFn: ({ signal }) => api.get<DecisionList>('/api/decisions', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useDecision(id: string | undefined) {
  return useQuery({
    queryKey: decisionKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<DecisionDetail>(`/api/decisions/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Everything that depends on decisions (rights, accounts, compliance) is refreshed after a change. */
function useInvalidateAuthority() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: decisionKeys.all }),
      qc.invalidateQueries({ queryKey: ['accounts'] }),
      qc.invalidateQueries({ queryKey: ['compliance'] }),
    ]);
}

export function useIssueDecision() {
  const invalidate = useInvalidateAuthority();
  return useMutation({ mutationFn: (body: DecisionBody) => api.post<Decision>('/api/decisions', body), onSuccess: invalidate });
}

export interface RequestFilters {
  institutionId?: string;
  status?: EditorRequestStatus;
  limit: number;
  offset: number;
}

export function useEditorRequests(f: RequestFilters) {
  return useQuery({
    queryKey: decisionKeys.requests(f),
    queryFn: ({ signal }) => api.get<EditorRequestList>('/api/editor-requests', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useRecommendEditor() {
  const invalidate = useInvalidateAuthority();
  return useMutation({
    mutationFn: (body: EditorRequestBody) => api.post<EditorRequest>('/api/editor-requests', body),
    onSuccess: invalidate,
  });
}

export function useConsentEditor() {
  const invalidate = useInvalidateAuthority();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ConsentBody }) =>
      api.post<EditorRequest>(`/api/editor-requests/${encodeURIComponent(id)}/consent`, body),
    onSuccess: invalidate,
  });
}

export function useRefuseEditor() {
  const invalidate = useInvalidateAuthority();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<EditorRequest>(`/api/editor-requests/${encodeURIComponent(id)}/refuse`, { reason }),
    onSuccess: invalidate,
  });
}

/** Reads a chosen file as base64 for the JSON body (the server checks it is a PDF by its bytes). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
