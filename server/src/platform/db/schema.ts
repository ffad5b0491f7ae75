import type { AuditTables } from '../../features/audit/audit.tables.js';
import type { AuthTables } from '../../features/auth/auth.tables.js';
import type { InstitutionTables } from '../../features/institutions/institutions.tables.js';
import type { PeopleTables } from '../../features/people/people.tables.js';

/**
 * The whole database, composed from each feature's tables.
 * Conventions: ids are text (UUID); timestamps are ISO-8601 UTC text; booleans are 0/1 integers;
 * JSON is text. This keeps one code path on SQLite and PostgreSQL.
 */
export interface Database extends AuditTables, AuthTables, InstitutionTables, PeopleTables {}
