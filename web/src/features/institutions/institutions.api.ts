import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Institution, InstitutionUpdateBody } from '@courtdesk/contracts';
import { api } from '../../app/api';

/** An institution as the detail endpoint returns it, with the caller's right to edit it. */
export type InstitutionDetail = Institution & { canEdit: boolean };

export const institutionKeys = {
  all: ['institutions'] as const,
  list: () => [...institutionKeys.all, 'list'] as const,
  detail: (id: string) => [...institutionKeys.all, 'detail', id] as const,
};

/** Missing `canEdit` means "no": the UI fails closed, the server decides anyway. */
function toDetail(raw: Institution & { canEdit?: boolean }): InstitutionDetail {
  return { ...raw, canEdit: raw.canEdit === true };
}

/** `GET /api/institutions`: the institutions the user may see. */
export function useInstitutions() {
  return useQuery({
    queryKey: institutionKeys.list(),
    queryFn: async ({ signal }) => (await api.get<{ items: Institution[] }>('/api/institutions', { signal })).items,
    staleTime: 5 * 60_000,
  });
}

/** `GET /api/institutions/:id`. */
export function useInstitution(id: string | undefined) {
  return useQuery({
    queryKey: institutionKeys.detail(id ?? ''),
    queryFn: async ({ signal }) =>
      toDetail(await api.get<Institution & { canEdit?: boolean }>(`/api/institutions/${encodeURIComponent(id ?? '')}`, { signal })),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

/** `PATCH /api/institutions/:id` with the contact fields. */
export function useUpdateInstitution(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InstitutionUpdateBody) =>
      api.patch<Institution & { canEdit?: boolean }>(`/api/institutions/${encodeURIComponent(id)}`, body),
    onSuccess: (updated) => {
      const previous = queryClient.getQueryData<InstitutionDetail>(institutionKeys.detail(id));
      // The PATCH answer may leave out canEdit; whoever could save could edit.
      queryClient.setQueryData(institutionKeys.detail(id), {
        ...toDetail(updated),
        canEdit: updated.canEdit ?? previous?.canEdit ?? true,
      });
      void queryClient.invalidateQueries({ queryKey: institutionKeys.list() });
    },
  });
}
