import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InviteBody, LeaveBody, Person, PersonStatus } from '@courtdesk/contracts';
import { api } from '../../app/api';

/**
 * A person as listed. `canLeave` is optional: when the server sends it (abilities serialised in
 * the response), the UI follows it; when absent the action is offered and the server decides.
 */
export type PersonRow = Person & { canLeave?: boolean };

export interface PeopleList {
  items: PersonRow[];
  total: number;
  /** Optional ability from the server; `false` hides the invite button. */
  canInvite?: boolean;
}

export interface PeopleFilters {
  institutionId?: string;
  status?: PersonStatus;
  limit: number;
  offset: number;
}

export const peopleKeys = {
  all: ['people'] as const,
  list: (filters: PeopleFilters) => [...peopleKeys.all, 'list', filters] as const,
};

/** `GET /api/people` with filters and paging; the previous page stays on screen while the next loads. */
export function usePeople(filters: PeopleFilters) {
  return useQuery({
    queryKey: peopleKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<PeopleList>('/api/people', {
        signal,
        query: {
          institutionId: filters.institutionId,
          status: filters.status,
          limit: filters.limit,
          offset: filters.offset,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

/** `POST /api/people`: creates the person and returns a temporary password, shown once. */
export function useInvitePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteBody) => api.post<{ person: Person; temporaryPassword: string }>('/api/people', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

/** `POST /api/people/:id/leave`: resigned or dismissed; sessions end and rights are revoked on the server. */
export function useMarkLeft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, body }: { personId: string; body: LeaveBody }) =>
      api.post<unknown>(`/api/people/${encodeURIComponent(personId)}/leave`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
