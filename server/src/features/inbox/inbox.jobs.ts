import type { BackgroundStarter } from '../../platform/background.js';
import { processWebhookEvents } from '../webhooks/webhook.service.js';
import { createInboxDeps, type InboxDeps } from './inbox.deps.js';
import { processDueActions } from './inbox.outbox.js';
import { pollAll } from './inbox.poll.js';
import { onWake, wakeInbox } from './inbox.wake.js';

/**
 * Runs the inbox's pending work until nothing is due: stored webhook deliveries, then queued platform
 * actions (hides, replies…). Tests call it to finish background work at a known point.
 */
export async function drainInbox(deps: InboxDeps, maxRounds = 200): Promise<number> {
  let total = 0;
  for (let round = 0; round < maxRounds; round++) {
    const n = (await processWebhookEvents(deps)) + (await processDueActions(deps, { limit: 1000 }));
    total += n;
    if (n === 0) break;
  }
  return total;
}

/** How often each account is polled (the fallback to webhooks). */
export function pollIntervalMs(mode: 'demo' | 'production'): number {
  return mode === 'demo' ? 20_000 : 60_000;
}

/**
 * The inbox worker (woken by webhooks and queued actions, else every 2 s) and the poller. Each run is
 * single-flight; stopping waits for the run in progress.
 */
export const inboxWorkerStarter: BackgroundStarter = async (ctx) => {
  const deps = createInboxDeps(ctx.db);
  let working: Promise<void> | null = null;
  let again = false;
  const work = (): Promise<void> => {
    if (working) {
      again = true;
      return working;
    }
    working = (async () => {
      do {
        again = false;
        try {
          await drainInbox(deps, 20);
        } catch (err) {
          ctx.log.error({ err }, 'inbox worker run failed');
        }
      } while (again);
    })().finally(() => {
      working = null;
    });
    return working;
  };
  let polling: Promise<void> | null = null;
  const poll = () => {
    polling ??= pollAll(deps)
      .then((r) => {
        if (r.actionsQueued > 0) wakeInbox();
        if (r.errors.length) ctx.log.warn({ errors: r.errors.slice(0, 5) }, 'inbox poll had errors');
      })
      .catch((err: unknown) => ctx.log.error({ err }, 'inbox poll failed'))
      .finally(() => {
        polling = null;
      });
  };
  const off = onWake(() => void work());
  const workTimer = setInterval(() => void work(), 2_000);
  const pollTimer = setInterval(poll, pollIntervalMs(ctx.config.mode));
  const first = setTimeout(poll, 1_000);
  return async () => {
    off();
    clearInterval(workTimer);
    clearInterval(pollTimer);
    clearTimeout(first);
    await polling;
    await working;
  };
};
