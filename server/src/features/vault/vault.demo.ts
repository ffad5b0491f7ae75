import { SecretBox } from '../../platform/crypto.js';
import { newId, nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import type { DemoSeeder } from '../demo/demo.seed.js';

/**
 * Demo vault: the Prishtina court's accounts get a stored password (obviously fake), set by the president,
 * so the vault screens and the opening log can be tried on a first start.
 */
export const vaultDemoSeeder: DemoSeeder = async ({ trx, config, people }) => {
  const president = people.president;
  if (!president) return;
  const accounts = await trx
    .selectFrom('accounts')
    .select(['id', 'institution_id', 'platform'])
    .where('institution_id', '=', president.institution_id)
    .where('status', '=', 'active')
    .execute();
  const box = SecretBox.forConfig(config, 'vault');
  for (const a of accounts) {
    const id = newId();
    await trx
      .insertInto('vault_secrets')
      .values({
        id,
        account_id: a.id,
        institution_id: a.institution_id,
        kind: 'password',
        label: `${a.platform} password`,
        sealed: box.seal(`demo-only-${a.platform}-Pa55word!`),
        version: 1,
        set_by: president.id,
        set_at: nowIso(),
        rotation_due_at: null,
        rotation_reason: null,
        retired_at: null,
      })
      .execute();
    await appendAudit(trx, {
      type: 'vault.secret_stored',
      actorId: president.id,
      institutionId: a.institution_id,
      subjectType: 'account',
      subjectId: a.id,
      data: { secretId: id, kind: 'password', label: `${a.platform} password`, version: 1, demo: true },
    });
  }
};
