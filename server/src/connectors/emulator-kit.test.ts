import { describe, expect, it } from 'vitest';
import { FaultQueue } from './emulator-kit.js';

type Fault = { kind: 'server_error' } | { kind: 'outage'; until: string } | { kind: 'timeout_after_write' };

describe('FaultQueue', () => {
  it('hands out faults in order, once each, per account', () => {
    const q = new FaultQueue<Fault>();
    q.add('a', { kind: 'server_error' });
    expect(q.take('b', true)).toBeUndefined();
    expect(q.take('a', false)).toEqual({ kind: 'server_error' });
    expect(q.take('a', false)).toBeUndefined();
  });

  it('keeps a timeout-after-write for the next write, letting reads pass', () => {
    const q = new FaultQueue<Fault>();
    q.add('a', { kind: 'timeout_after_write' });
    q.add('a', { kind: 'server_error' });
    expect(q.take('a', false)).toEqual({ kind: 'server_error' });
    expect(q.take('a', false)).toBeUndefined();
    expect(q.take('a', true)).toEqual({ kind: 'timeout_after_write' });
  });

  it('keeps an outage until its time, then drops it and moves on', () => {
    const q = new FaultQueue<Fault>();
    const future = { kind: 'outage' as const, until: new Date(Date.now() + 60_000).toISOString() };
    q.add('a', future);
    expect(q.take('a', false)).toEqual(future);
    expect(q.take('a', true)).toEqual(future);
    const r = new FaultQueue<Fault>();
    r.add('a', { kind: 'outage', until: new Date(Date.now() - 1).toISOString() });
    r.add('a', { kind: 'server_error' });
    expect(r.take('a', false)).toEqual({ kind: 'server_error' });
  });
});
