import { EventEmitter } from 'node:events';

const emitter = new EventEmitter();
emitter.setMaxListeners(50);

/** Tells the inbox worker there is work (a stored webhook, a queued action) so it need not wait for its next tick. */
export function wakeInbox(): void {
  emitter.emit('wake');
}

export function onWake(listener: () => void): () => void {
  emitter.on('wake', listener);
  return () => emitter.off('wake', listener);
}
