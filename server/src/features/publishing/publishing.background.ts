import type { AppContext } from '../../platform/http/types.js';
import { JobRunner } from '../../platform/jobs/jobs.js';
import '../notifications/notifications.service.js';
import './publishing.jobs.js';

/**
 * Starts the durable job runner (publishing, e-mail). Polls every 500 ms and is woken at once when a
 * use case enqueues work, so a scheduled post goes out well within 5 s of its time.
 */
export async function startJobRunner(ctx: AppContext): Promise<() => Promise<void>> {
  const runner = new JobRunner({ db: ctx.db, config: ctx.config, log: ctx.log });
  runner.start();
  ctx.log.info({ worker: runner.workerId }, 'job runner started');
  return () => runner.stop();
}
