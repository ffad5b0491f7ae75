import { ConnectorError, type AccountRef, type MediaInput } from '../connector.js';
import type { XHttp } from './x.http.js';

const CHUNK = 4 * 1024 * 1024;
const MAX_POLLS = 120;

interface Uploaded {
  data: { id: string; media_key?: string; processing_info?: ProcessingInfo };
}

interface ProcessingInfo {
  state: 'pending' | 'in_progress' | 'succeeded' | 'failed';
  check_after_secs?: number;
  error?: { message?: string };
}

/**
 * Uploads one attachment to X (API v2): an image in one multipart `POST /2/media/upload`; a video or
 * GIF in chunks (`initialize` → `append` … → `finalize`), then polls the status until X has processed it.
 */
export async function uploadMedia(http: XHttp, account: AccountRef, m: MediaInput, pollMs: number): Promise<string> {
  let id: string;
  if (m.kind === 'image' && m.mime !== 'image/gif') {
    const form = new FormData();
    form.append('media', new Blob([m.bytes], { type: m.mime }), 'image');
    form.append('media_category', 'tweet_image');
    id = (await http.call<Uploaded>(account, 'POST', '/2/media/upload', { form, write: true })).body.data.id;
  } else {
    id = await uploadChunked(http, account, m, pollMs);
  }
  if (m.altText) {
    await http.call(account, 'POST', '/2/media/metadata', {
      json: { id, metadata: { alt_text: { text: m.altText.slice(0, 1000) } } },
      write: true,
    });
  }
  return id;
}

async function uploadChunked(http: XHttp, account: AccountRef, m: MediaInput, pollMs: number): Promise<string> {
  const category = m.mime === 'image/gif' ? 'tweet_gif' : 'tweet_video';
  const init = await http.call<Uploaded>(account, 'POST', '/2/media/upload/initialize', {
    json: { media_type: m.mime, total_bytes: m.bytes.length, media_category: category },
    write: true,
  });
  const id = init.body.data.id;
  for (let i = 0, seg = 0; i < m.bytes.length; i += CHUNK, seg++) {
    const form = new FormData();
    form.append('media', new Blob([m.bytes.subarray(i, i + CHUNK)], { type: 'application/octet-stream' }), 'chunk');
    form.append('segment_index', String(seg));
    await http.call(account, 'POST', `/2/media/upload/${id}/append`, { form, write: true });
  }
  let info = (await http.call<Uploaded>(account, 'POST', `/2/media/upload/${id}/finalize`, { write: true })).body.data.processing_info;
  for (let i = 0; info && info.state !== 'succeeded' && i < MAX_POLLS; i++) {
    if (info.state === 'failed') {
      throw new ConnectorError('X could not process the video.', {
        retryable: false,
        code: 'media_rejected',
        platformMessage: info.error?.message ?? 'processing failed',
      });
    }
    await new Promise((r) => setTimeout(r, info?.check_after_secs !== undefined ? info.check_after_secs * 1000 : pollMs));
    info = (await http.call<Uploaded>(account, 'GET', '/2/media/upload', { query: { command: 'STATUS', media_id: id } })).body.data
      .processing_info;
  }
  if (info && info.state !== 'succeeded') {
    throw new ConnectorError('X is still processing the video; try publishing again later.', {
      retryable: true,
      code: 'media_processing',
      platformMessage: `media ${id}: ${info.state}`,
    });
  }
  return id;
}
