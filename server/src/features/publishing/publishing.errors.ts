import { ConnectorError } from '../../connectors/connector.js';

/** Plain words for the officer, by error code (the web app shows its own translation of the code). */
const PLAIN: Record<string, string> = {
  rate_limited: 'The platform is limiting how often the account may post. Courtdesk will try again by itself.',
  server_error: 'The platform had a problem on its side. Courtdesk will try again by itself.',
  unavailable: 'The platform could not be reached. Courtdesk will try again by itself.',
  timeout: 'The platform did not answer in time. Courtdesk checks whether the post arrived before trying again.',
  rejected: 'The platform refused the post. Read its message below, correct the cause, then press “Retry”.',
  text_too_long: 'The text is longer than this platform allows. Shorten it in a new post.',
  too_many_media: 'This platform accepts fewer photos in one post.',
  media_too_large: 'A photo is larger than this platform accepts.',
  unsupported: 'This platform does not allow this through its API.',
  no_connector: 'Courtdesk cannot publish on this platform yet.',
  not_connected:
    'The account is not connected to the platform (or the connection stopped working). An administrator of the account must connect it on the account’s page, then press “Retry”.',
  token_expired: 'The platform connection has expired. An administrator of the account must connect it again, then press “Retry”.',
  permission_missing:
    'The platform connection lacks a permission for this. Connect it again with the permission granted, then press “Retry”.',
  media_host_missing: 'This platform fetches photos from Courtdesk’s public address, and none is configured (PUBLIC_URL).',
  not_found: 'The account or post no longer exists on the platform.',
  approval_lapsed:
    'The person who approved this post no longer holds a decision allowing publication on this account. Someone who does can press “Retry”, which approves it again.',
  gave_up: 'The platform kept failing; Courtdesk stopped trying. Press “Retry” to try again.',
  unknown: 'Something unexpected went wrong while publishing. Press “Retry” to try again.',
};

export function plainMessage(code: string): string {
  return PLAIN[code] ?? PLAIN.unknown!;
}

/** Turns anything thrown by a connector call into a ConnectorError (unknown errors are retryable). */
export function asConnectorError(err: unknown): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return new ConnectorError(msg, { retryable: true, code: 'unknown', platformMessage: msg.slice(0, 300), maybeApplied: true });
}

/** Races a connector call against a deadline; a write that times out may have been applied. */
export async function withTimeout<T>(p: Promise<T>, ms: number, write: boolean): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ConnectorError('The platform did not answer in time.', {
            retryable: true,
            code: 'timeout',
            platformMessage: `No answer within ${ms} ms`,
            maybeApplied: write,
          }),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Exponential backoff with the platform's retry-after as the floor, capped at 15 minutes. */
export function retryDelayMs(attempt: number, retryAfterMs?: number): number {
  const backoff = Math.min(1000 * 2 ** Math.max(0, attempt - 1), 15 * 60_000);
  return Math.max(backoff, retryAfterMs ?? 0);
}
