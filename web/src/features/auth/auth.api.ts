import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EnrolConfirmResponse, EnrolStartResponse, MeResponse } from '@courtdesk/contracts';
import { api } from '../../app/api';
import { applyMe, meQueryKey } from '../../app/session';

/** `POST /api/auth/login`; the answer says which stage comes next. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<MeResponse>('/api/auth/login', body),
    onSuccess: (me) => applyMe(queryClient, me),
  });
}

/** `POST /api/auth/totp` with an authenticator or recovery code. */
export function useVerifyTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<MeResponse>('/api/auth/totp', { code }),
    onSuccess: (me) => applyMe(queryClient, me),
  });
}

/** `POST /api/auth/totp/enrol/start`: a new secret and its QR code. */
export function useStartEnrolment() {
  return useMutation({
    mutationFn: () => api.post<EnrolStartResponse>('/api/auth/totp/enrol/start'),
  });
}

/** `POST /api/auth/totp/enrol/confirm`: proves the app works and returns the recovery codes. */
export function useConfirmEnrolment() {
  return useMutation({
    mutationFn: (code: string) => api.post<EnrolConfirmResponse>('/api/auth/totp/enrol/confirm', { code }),
  });
}

/** `POST /api/auth/password`. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<unknown>('/api/auth/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

/** Reloads the session after a change of stage (e.g. enrolment finished). */
export function useRefreshSession() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meQueryKey });
}
