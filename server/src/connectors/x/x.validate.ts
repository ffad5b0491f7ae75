import { ConnectorError, type MediaInput } from '../connector.js';

const IMAGE_BYTES = 5 * 1024 * 1024;
const GIF_BYTES = 15 * 1024 * 1024;
const VIDEO_BYTES = 512 * 1024 * 1024;

/** X takes up to 4 images, or one video or GIF, per post (not both); images ≤5 MB, GIFs ≤15 MB, videos ≤512 MB. */
export function validateMedia(media: MediaInput[]): void {
  const moving = media.filter((m) => m.kind === 'video' || m.mime === 'image/gif');
  const images = media.filter((m) => m.kind === 'image' && m.mime !== 'image/gif');
  if (images.length > 4 || moving.length > 1 || (moving.length && images.length)) {
    throw new ConnectorError('X takes up to 4 images, or one video or GIF, per post.', {
      retryable: false,
      code: 'too_many_media',
      platformMessage: 'Your media IDs are invalid.',
    });
  }
  for (const m of media) {
    const max = m.kind === 'video' ? VIDEO_BYTES : m.mime === 'image/gif' ? GIF_BYTES : IMAGE_BYTES;
    if (m.bytes.length > max) {
      throw new ConnectorError(`A file is larger than X accepts (${Math.round(max / 1024 / 1024)} MB).`, {
        retryable: false,
        code: 'media_too_large',
        platformMessage: `File size exceeds ${max} bytes.`,
      });
    }
  }
}
