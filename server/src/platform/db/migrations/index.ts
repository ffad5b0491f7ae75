import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';

/**
 * Every migration, in order. Add yours at the end with the next number; never edit one that has shipped.
 * Listed explicitly (not read from the folder) so the same list works under tsx, in tests and in a bundle.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
