import { expect } from 'vitest';
import { ConnectorError } from './connector.js';
import type { ConnectorHarness } from './contract.test-suite.js';

/**
 * Pieces the connector tests share around the contract suite (`contract.test-suite.ts`): catching a
 * `ConnectorError`, and the suite's fault hooks wired to an emulator that queues faults per account.
 */

/** The `ConnectorError` the call throws; fails the test when it resolves or throws something else. */
export async function thrown(p: Promise<unknown>): Promise<ConnectorError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ConnectorError);
    return err as ConnectorError;
  }
  throw new Error('expected a ConnectorError');
}

/** The faults the contract suite asks for, in the shape the X, Mastodon and Bluesky emulators take. */
export type ContractFault =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'server_error' }
  | { kind: 'outage'; until: string }
  | { kind: 'timeout_after_write' }
  | { kind: 'permanent'; message: string };

/** An emulator that queues faults and call budgets under the account's platform id (`externalId`). */
export interface FaultInjecting {
  inject(externalId: string, fault: ContractFault): void;
  setBudget(externalId: string, calls: number, windowMs: number): void;
}

/** The contract suite's `inject` hooks, each queued on `emu` for the account's platform id. */
export function emulatorFaults(emu: FaultInjecting): NonNullable<ConnectorHarness['inject']> {
  return {
    rateLimited: async (acc, retryAfterMs) => emu.inject(acc.externalId, { kind: 'rate_limited', retryAfterMs }),
    serverError: async (acc) => emu.inject(acc.externalId, { kind: 'server_error' }),
    outage: async (acc, until) => emu.inject(acc.externalId, { kind: 'outage', until }),
    timeoutAfterWrite: async (acc) => emu.inject(acc.externalId, { kind: 'timeout_after_write' }),
    permanent: async (acc, message) => emu.inject(acc.externalId, { kind: 'permanent', message }),
    budget: async (acc, calls, windowMs) => emu.setBudget(acc.externalId, calls, windowMs),
  };
}
