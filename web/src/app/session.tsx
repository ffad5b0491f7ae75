import { createContext, useContext, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { MeResponse, SessionUser } from '@courtdesk/contracts';
import { ApiError, api, setCsrfToken } from './api';

/** Query key of `GET /api/auth/me`, the single source of truth for "who is signed in". */
export const meQueryKey = ['auth', 'me'] as const;

/** What `/api/auth/me` answers when nobody is signed in. */
export const anonymousMe: MeResponse = { user: null, stage: null, csrfToken: null };

/** Loads the session and remembers its CSRF token. */
export async function fetchMe(): Promise<MeResponse> {
  try {
    const me = await api.get<MeResponse>('/api/auth/me', { quiet401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    // The server answers 200 with nulls when nobody is signed in; a 401 means the same thing.
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return anonymousMe;
    }
    throw error;
  }
}

/** The session query; every screen shares it. */
export function useMe() {
  // @NOTE no refetch on focus: during 2FA enrolment the stage turns `full` on the server while the
  // recovery codes are still on screen; a background refetch would swap the screen and lose them.
  // A lost session is still noticed at once through the 401 `unauthenticated` listener.
  return useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

/** Stores a session answer (from login, 2FA or me) in the cache and the API client. */
export function applyMe(queryClient: QueryClient, me: MeResponse): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQueryKey, me);
}

/** Forgets everything cached for the previous user, then asks the server for a fresh anonymous session. */
export function resetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
  applyMe(queryClient, anonymousMe);
  void queryClient.invalidateQueries({ queryKey: meQueryKey });
}

/** Signs out here (`everywhere: false`) or on every device (`everywhere: true`). */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) => api.post<unknown>(everywhere ? '/api/auth/logout-all' : '/api/auth/logout'),
    onSuccess: () => resetSession(queryClient),
  });
}

const CurrentUserContext = createContext<SessionUser | null>(null);

/** Provides the signed-in user to the app shell and its screens. */
export function CurrentUserProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in user; only valid inside the signed-in app (behind the auth gate). */
export function useCurrentUser(): SessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() used outside the signed-in app');
  return user;
}
