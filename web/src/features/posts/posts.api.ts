import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ArchiveEntry,
  CalendarEntry,
  Media,
  MediaProvenanceBody,
  Notification,
  PlatformInfo,
  Post,
  PostCheckResult,
  PostCreateBody,
  PostStatus,
  PostSummary,
  PostVariantInput,
  PostWriteBody,
  PublishingState,
  TargetAccount,
} from '@courtdesk/contracts';
import { api, ApiError } from '../../app/api';
import { useDebounced } from '../policy/policy.api';

export const postKeys = {
  all: ['posts'] as const,
  list: (q: Record<string, unknown>) => ['posts', 'list', q] as const,
  one: (id: string) => ['posts', 'one', id] as const,
  calendar: (q: Record<string, unknown>) => ['posts', 'calendar', q] as const,
};

export function usePosts(q: { institutionId?: string; status?: PostStatus; awaitingMe?: boolean }) {
  return useQuery({
    queryKey: postKeys.list(q),
    queryFn: ({ signal }) =>
      api.get<{ items: PostSummary[] }>('/api/posts', { signal, query: { ...q, awaitingMe: q.awaitingMe ? 'true' : undefined } }),
  });
}

/** A post; refreshed every 2 s while something is on its way out, so the officer sees it land. */
export function usePost(id: string | undefined) {
  return useQuery({
    queryKey: postKeys.one(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => api.get<Post>(`/api/posts/${id}`, { signal }),
    refetchInterval: (q) => (q.state.data && ['scheduled', 'publishing'].includes(q.state.data.status) ? 2000 : false),
  });
}

export function useSavePost(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PostCreateBody | PostWriteBody) =>
      id ? api.put<Post>(`/api/posts/${id}`, body) : api.post<Post>('/api/posts', body),
    onSuccess: (post) => {
      qc.setQueryData(postKeys.one(post.id), post);
      void qc.invalidateQueries({ queryKey: postKeys.all });
    },
  });
}

export type PostActionName = 'submit' | 'approve' | 'override' | 'decision-permission' | 'schedule' | 'unschedule' | 'return-to-draft';

export function usePostAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: PostActionName | `targets/${string}/retry` | `targets/${string}/delete`; body?: unknown }) =>
      api.post<Post>(`/api/posts/${id}/${action}`, body ?? {}),
    onSuccess: (post) => {
      qc.setQueryData(postKeys.one(post.id), post);
      void qc.invalidateQueries({ queryKey: postKeys.all });
    },
  });
}

/** Moves any post to a new time (the calendar's drag); the post id travels with the call. */
export function useReschedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, scheduledAt }: { id: string; scheduledAt: string }) => api.post<Post>(`/api/posts/${id}/schedule`, { scheduledAt }),
    onSuccess: (post) => {
      qc.setQueryData(postKeys.one(post.id), post);
      void qc.invalidateQueries({ queryKey: postKeys.all });
    },
  });
}

/** The live check while typing (debounced 300 ms). */
export function usePostCheck(body: {
  institutionId: string | undefined;
  variants: PostVariantInput[];
  commentsOnDecision: boolean;
  postId?: string;
}) {
  const debounced = useDebounced(body, 300);
  return useQuery({
    queryKey: ['posts', 'check', debounced],
    enabled: !!debounced.institutionId,
    queryFn: ({ signal }) => api.post<PostCheckResult>('/api/posts/check', debounced, { signal }),
    placeholderData: (prev) => prev,
  });
}

export function usePlatforms() {
  return useQuery({
    queryKey: ['publishing', 'platforms'],
    queryFn: ({ signal }) => api.get<{ items: PlatformInfo[] }>('/api/publishing/platforms', { signal }),
    staleTime: 300_000,
  });
}

export function useTargetAccounts(institutionId: string | undefined) {
  return useQuery({
    queryKey: ['publishing', 'accounts', institutionId],
    enabled: !!institutionId,
    queryFn: ({ signal }) => api.get<{ items: TargetAccount[] }>('/api/publishing/accounts', { signal, query: { institutionId } }),
  });
}

export function usePublishingState() {
  return useQuery({
    queryKey: ['publishing', 'state'],
    queryFn: ({ signal }) => api.get<PublishingState>('/api/publishing/state', { signal }),
    refetchInterval: 30_000,
  });
}

export function useSetPaused() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { paused: boolean; reason: string }) => api.put<PublishingState>('/api/publishing/state', body),
    onSuccess: (s) => qc.setQueryData(['publishing', 'state'], s),
  });
}

export function useCalendar(q: { from: string; to: string; institutionId?: string }) {
  return useQuery({
    queryKey: postKeys.calendar(q),
    queryFn: ({ signal }) => api.get<{ items: CalendarEntry[]; timeZone: string }>('/api/calendar', { signal, query: q }),
  });
}

export function useArchive(institutionId: string | undefined) {
  return useQuery({
    queryKey: ['archive', institutionId],
    enabled: !!institutionId,
    queryFn: ({ signal }) => api.get<{ items: ArchiveEntry[] }>('/api/archive', { signal, query: { institutionId } }),
  });
}

export function useMediaLibrary(institutionId: string | undefined) {
  return useQuery({
    queryKey: ['media', institutionId],
    enabled: !!institutionId,
    queryFn: ({ signal }) => api.get<{ items: Media[] }>('/api/media', { signal, query: { institutionId } }),
  });
}

/** Multipart upload (the JSON client does not do files); same CSRF header as every write. */
export function useUploadMedia(institutionId: string | undefined, csrfToken: string | null | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      const res = await fetch(`/api/media?institutionId=${encodeURIComponent(institutionId ?? '')}`, {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
        headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
      });
      const body = (await res.json().catch(() => null)) as ({ error?: { code: string; message: string } } & Media) | null;
      if (!res.ok) throw new ApiError(body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? res.statusText, res.status);
      return body as Media;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['media', institutionId] }),
  });
}

export function useSaveProvenance(institutionId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MediaProvenanceBody }) => api.put<Media>(`/api/media/${id}/provenance`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['media', institutionId] }),
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api.get<{ items: Notification[]; unread: number }>('/api/notifications', { signal }),
    refetchInterval: 30_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => api.post('/api/notifications/read', { ids }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
