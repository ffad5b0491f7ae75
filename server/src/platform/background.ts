import type { AppContext } from './http/types.js';
import { inboxWorkerStarter } from '../features/inbox/inbox.jobs.js';
import { inboxDemoTrafficStarter } from '../features/inbox/inbox.demo.js';
import { startJobRunner } from '../features/publishing/publishing.background.js';
import { driftScheduleStarter } from '../features/accounts/drift.schedule.js';

/**
 * Long-running work started with the server (job workers, pollers, schedulers).
 * Each starter returns a stop function that graceful shutdown awaits. Add one line per feature.
 */
export type BackgroundStarter = (ctx: AppContext) => Promise<() => Promise<void>>;
export const backgroundStarters: BackgroundStarter[] = [];
backgroundStarters.push(inboxWorkerStarter);
backgroundStarters.push(inboxDemoTrafficStarter);
backgroundStarters.push(startJobRunner);
backgroundStarters.push(driftScheduleStarter);
