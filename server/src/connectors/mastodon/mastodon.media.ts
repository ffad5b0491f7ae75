import { ConnectorError, type AccountRef, type MediaInput } from '../connector.js';
import type { MastodonHttp } from './mastodon.http.js';
import type { MastodonMedia } from './mastodon.types.js';

const MAX_POLLS = 120;

/**
 * Uploads one attachment with `POST /api/v2/media`: 200 when ready (small images), 202 while the
 * instance still processes it (video); then polls `GET /api/v1/media/:id` until 200 (206 = processing).
 */
export async function uploadMedia(http: MastodonHttp, account: AccountRef, m: MediaInput, pollMs: number): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([m.bytes], { type: m.mime }), m.kind === 'image' ? 'image' : 'video');
  if (m.altText) form.append('description', m.altText);
  const up = await http.call<MastodonMedia>(account, 'POST', '/api/v2/media', { form, write: true });
  if (up.status === 200 && up.body.url) return up.body.id;
  for (let i = 0; i < MAX_POLLS; i++) {
    await new Promise((r) => setTimeout(r, pollMs));
    const res = await http.call<MastodonMedia>(account, 'GET', `/api/v1/media/${up.body.id}`);
    if (res.status === 200) return up.body.id;
  }
  throw new ConnectorError('Mastodon is still processing the video; try publishing again later.', {
    retryable: true,
    code: 'media_processing',
    platformMessage: `Media ${up.body.id} still processing (206)`,
  });
}
