import { ConnectorError, type AccountRef, type MediaInput } from '../connector.js';
import type { BlueskyConnectorOptions, XrpcClient } from './bluesky.http.js';

const MAX_IMAGE_BYTES = 1_000_000;
const MAX_VIDEO_BYTES = 100 * 1024 * 1024;
const MAX_POLLS = 300;

interface JobStatus {
  jobId: string;
  state: string;
  blob?: unknown;
  error?: string;
  message?: string;
}

/** The embed of a post: up to 4 images (blobs on the PDS, ≤1 MB each) or one video (through the video service). */
export async function embedFor(
  xrpc: XrpcClient,
  account: AccountRef,
  media: MediaInput[],
  opts: BlueskyConnectorOptions,
): Promise<object | undefined> {
  if (!media.length) return undefined;
  const videos = media.filter((m) => m.kind === 'video');
  if (videos.length > 1 || (videos.length && media.length > 1) || media.length > 4) {
    throw new ConnectorError('Bluesky takes up to 4 images, or one video, per post.', {
      retryable: false,
      code: 'too_many_media',
      platformMessage: 'Array must not be longer than 4 items',
    });
  }
  if (videos[0])
    return {
      $type: 'app.bsky.embed.video',
      video: await uploadVideo(xrpc, account, videos[0], opts),
      ...(videos[0].altText ? { alt: videos[0].altText } : {}),
    };
  const tooBig = media.find((m) => m.bytes.length > MAX_IMAGE_BYTES);
  if (tooBig) {
    throw new ConnectorError('An image is larger than Bluesky accepts (1 MB).', {
      retryable: false,
      code: 'media_too_large',
      platformMessage: `image file too large: ${tooBig.bytes.length} bytes (max ${MAX_IMAGE_BYTES})`,
    });
  }
  const images = [];
  for (const m of media) {
    const { blob } = await xrpc.call<{ blob: unknown }>(account, 'POST', 'com.atproto.repo.uploadBlob', {
      bytes: { data: m.bytes, mime: m.mime },
      write: true,
    });
    images.push({ image: blob, alt: m.altText ?? '' });
  }
  return { $type: 'app.bsky.embed.images', images };
}

/**
 * Video goes to Bluesky's video service, not the PDS: a service token for `com.atproto.repo.uploadBlob`
 * addressed to the user's PDS, `app.bsky.video.uploadVideo`, then `getJobStatus` until the blob is ready.
 * A video uploaded before answers 409 with its job, which is then followed the same way.
 */
async function uploadVideo(xrpc: XrpcClient, account: AccountRef, m: MediaInput, opts: BlueskyConnectorOptions): Promise<unknown> {
  if (m.bytes.length > MAX_VIDEO_BYTES) {
    throw new ConnectorError('The video is larger than Bluesky accepts (100 MB).', {
      retryable: false,
      code: 'media_too_large',
      platformMessage: `video too large: ${m.bytes.length} bytes`,
    });
  }
  const { did, pds } = await xrpc.who(account);
  const aud = `did:web:${new URL(pds).host.replace(':', '%3A')}`;
  const { token } = await xrpc.call<{ token: string }>(account, 'GET', 'com.atproto.server.getServiceAuth', {
    query: { aud, lxm: 'com.atproto.repo.uploadBlob', exp: String(Math.floor(Date.now() / 1000) + 30 * 60) },
  });
  const base = (opts.videoServiceUrl ?? 'https://video.bsky.app').replace(/\/+$/, '');
  const upload = new URL(`${base}/xrpc/app.bsky.video.uploadVideo`);
  upload.searchParams.set('did', did);
  upload.searchParams.set('name', `${Date.now()}.mp4`);
  const up = await xrpc.external<JobStatus & { jobStatus?: JobStatus }>(account, upload, {
    method: 'POST',
    token,
    bytes: { data: m.bytes, mime: m.mime },
    write: true,
  });
  let job: JobStatus = up.body.jobStatus ?? up.body;
  for (let i = 0; !job.blob && i < MAX_POLLS; i++) {
    if (job.state === 'JOB_STATE_FAILED') {
      throw new ConnectorError('Bluesky could not process the video.', {
        retryable: false,
        code: 'media_rejected',
        platformMessage: job.error ?? job.message ?? 'JOB_STATE_FAILED',
      });
    }
    await new Promise((r) => setTimeout(r, opts.videoPollMs ?? 1000));
    const status = new URL(`${base}/xrpc/app.bsky.video.getJobStatus`);
    status.searchParams.set('jobId', job.jobId);
    job = (await xrpc.external<{ jobStatus: JobStatus }>(account, status, { method: 'GET', token })).body.jobStatus;
  }
  if (!job.blob) {
    throw new ConnectorError('Bluesky is still processing the video; try publishing again later.', {
      retryable: true,
      code: 'media_processing',
      platformMessage: `${job.jobId}: ${job.state}`,
    });
  }
  return job.blob;
}
