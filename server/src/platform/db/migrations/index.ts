import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_authority.js';
import * as m0003 from './0003_publishing.js';
import * as m0004 from './0004_inbox.js';
import * as m0005 from './0005_vault.js';
import * as m0006 from './0006_connections.js';

/**
 * Every migration, in order. Add yours at the end with the next number; never edit one that has shipped.
 * Listed explicitly (not read from the folder) so the same list works under tsx, in tests and in a bundle.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_authority': m0002,
  '0003_publishing': m0003,
  '0004_inbox': m0004,
  '0005_vault': m0005,
  '0006_connections': m0006,
};
