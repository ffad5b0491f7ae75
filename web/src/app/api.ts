import { ErrorBody } from '@courtdesk/contracts';

/** A failed API call: the server's error code and message, or a local code for network failures. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** Query string parameters; empty, null and undefined values are left out. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Do not tell the `onUnauthenticated` listeners (used by the session check itself, to avoid a loop). */
  quiet401?: boolean;
}

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();
const csrfInvalidListeners = new Set<() => void>();

/** Stores the CSRF token from `GET /api/auth/me` (or a login response) for later non-GET requests. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls `listener` whenever the server answers 401 `unauthenticated`; returns an unsubscribe function. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Calls `listener` when the server rejects the CSRF token (e.g. the session was renewed in another tab). */
export function onCsrfInvalid(listener: () => void): () => void {
  csrfInvalidListeners.add(listener);
  return () => csrfInvalidListeners.delete(listener);
}

/** Builds `path?query` with only the parameters that carry a value. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy error page, for example): fall through to the generic error.
  }
  const parsed = ErrorBody.safeParse(payload);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(code, message, response.status, details);
  }
  return new ApiError(`http_${response.status}`, response.statusText, response.status);
}

/** Sends one JSON request to the same-origin API and returns the parsed body. */
export async function apiRequest<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('network_error', cause instanceof Error ? cause.message : '', 0);
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && error.code === 'unauthenticated' && !options.quiet401) {
      for (const listener of unauthenticatedListeners) listener();
    }
    if (error.code === 'csrf_invalid') {
      for (const listener of csrfInvalidListeners) listener();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Shorthands for the API; every call is JSON, same-origin, with the CSRF header on writes. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, body ?? {}, options),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, undefined, options),
};
