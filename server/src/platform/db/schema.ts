import type { AuditTables } from '../../features/audit/audit.tables.js';
import type { AuthTables } from '../../features/auth/auth.tables.js';
import type { InboxTables } from '../../features/inbox/inbox.tables.js';
import type { InstitutionTables } from '../../features/institutions/institutions.tables.js';
import type { PeopleTables } from '../../features/people/people.tables.js';
import type { SandboxTables } from '../../connectors/sandbox/sandbox.tables.js';
import type { JobTables } from '../jobs/jobs.tables.js';
import type { PostTables } from '../../features/posts/posts.tables.js';
import type { MediaTables } from '../../features/media/media.tables.js';
import type { PublishingTables } from '../../features/publishing/publishing.tables.js';
import type { ArchiveTables } from '../../features/archive/archive.tables.js';
import type { NotificationTables } from '../../features/notifications/notifications.tables.js';
import type { AccountsTables } from '../../features/accounts/accounts.tables.js';
import type { DecisionTables } from '../../features/decisions/decisions.tables.js';
import type { VaultTables } from '../../features/vault/vault.tables.js';
import type { OffboardingTables } from '../../features/offboarding/offboarding.tables.js';
import type { ConnectionTables } from '../../features/accounts/connection.tables.js';
import type { MetaTables } from '../../connectors/meta/meta.tables.js';

/**
 * The whole database, composed from each feature's tables.
 * Conventions: ids are text (UUID); timestamps are ISO-8601 UTC text; booleans are 0/1 integers;
 * JSON is text. This keeps one code path on SQLite and PostgreSQL.
 */
export interface Database
  extends
    AuditTables,
    AuthTables,
    InstitutionTables,
    PeopleTables,
    AccountsTables,
    DecisionTables,
    OffboardingTables,
    SandboxTables,
    JobTables,
    PostTables,
    MediaTables,
    PublishingTables,
    ArchiveTables,
    NotificationTables,
    InboxTables,
    VaultTables,
    ConnectionTables,
    MetaTables {}
