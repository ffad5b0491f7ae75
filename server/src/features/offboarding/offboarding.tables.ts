/** Art. 5.7: what must happen on each platform after someone leaves, one row per step and account. */
export type OffboardingStep = 'remove_platform_role' | 'rotate_password' | 'rotate_2fa' | 'reassign_posts';

export interface OffboardingItemsTable {
  id: string;
  institution_id: string;
  person_id: string;
  /** Null for steps that are not about one account (reassigning drafts). */
  account_id: string | null;
  step: OffboardingStep;
  /** The court president, who answers for it (art. 5.7). */
  owner_id: string | null;
  status: 'open' | 'done';
  opened_at: string;
  done_at: string | null;
  done_by: string | null;
  note: string | null;
}

export interface OffboardingTables {
  offboarding_items: OffboardingItemsTable;
}
