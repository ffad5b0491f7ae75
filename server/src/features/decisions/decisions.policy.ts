import { canViewInstitution, isKjcLeadership, isSysadmin, worksAt, type PolicyActor } from '../institutions/institutions.policy.js';

/**
 * Who may do what with decisions, requests, accounts and off-boarding: plain functions over the actor's
 * position, the institutions they lead and where a decision appoints them Responsible Officer.
 * Tested as a matrix (decisions.policy.test.ts). Reading is governed by `canViewInstitution`:
 * one's own institution, or every court for KJC leadership and administrators (read-only oversight).
 */
export interface AuthorityActor extends PolicyActor {
  /** Institutions this person heads (art. 3.1): a court and its branches, or the KJC. */
  leads: readonly string[];
  /** Institutions where a decision in force appoints this person Responsible Officer or substitute. */
  roOf: readonly string[];
}

export const leads = (a: AuthorityActor, institutionId: string) => a.leads.includes(institutionId);
export const isResponsibleOfficer = (a: AuthorityActor, institutionId: string) => a.roOf.includes(institutionId);

/** Reading decisions, requests, the register and compliance. */
export const canViewAuthority = (a: AuthorityActor, institutionId: string) => canViewInstitution(a, institutionId);

/** Art. 3.1: decisions are issued by the leadership of that institution; an administrator may record a paper act in their name. */
export const canIssueDecision = (a: AuthorityActor, institutionId: string) => leads(a, institutionId) || isSysadmin(a);

/** Art. 5.6b: the editor level is given "upon the recommendation of the responsible officer". */
export const canRecommendEditor = (a: AuthorityActor, institutionId: string) => isResponsibleOfficer(a, institutionId);

/** Art. 5.6b: "…and with the court president's consent" — the president's own act, not an administrator's. */
export const canConsentEditor = (a: AuthorityActor, institutionId: string) => leads(a, institutionId);

/** Art. 3.3: asking to open an account: the Responsible Officer, the PIO or the head. */
export function canRequestAccount(a: AuthorityActor, institutionId: string): boolean {
  return leads(a, institutionId) || isResponsibleOfficer(a, institutionId) || (worksAt(a, institutionId) && a.position === 'pio');
}

/** Art. 3.3: "not permitted to open official accounts without permission from the head of the institution". */
export const canApproveAccount = (a: AuthorityActor, institutionId: string) => leads(a, institutionId);

/** Registering an account opened before the manual (art. 3.4) so that it can receive its retroactive decision. */
export function canRegisterAccount(a: AuthorityActor, institutionId: string): boolean {
  return leads(a, institutionId) || isResponsibleOfficer(a, institutionId) || isSysadmin(a);
}

/** Keeping the register's details of an account: whoever manages access to it (admin level), or an administrator. */
export function canEditAccount(a: AuthorityActor, institutionId: string, manageAccess: boolean): boolean {
  return canViewInstitution(a, institutionId) && !isKjcOversightOnly(a, institutionId) && (manageAccess || isSysadmin(a));
}

/** Closing an account is the head's decision. */
export const canCloseAccount = (a: AuthorityActor, institutionId: string) => leads(a, institutionId);

/** Reading the platform's real roles or profile: the head, the Responsible Officers, an administrator. */
export function canCheckPlatform(a: AuthorityActor, institutionId: string): boolean {
  return leads(a, institutionId) || isResponsibleOfficer(a, institutionId) || isSysadmin(a);
}

/** The handle convention and approved logo (art. 5.2–5.4): like the institution's contact data. */
export function canEditBrandKit(a: AuthorityActor, institutionId: string): boolean {
  if (isSysadmin(a)) return true;
  return worksAt(a, institutionId) && (leads(a, institutionId) || a.position === 'pio' || isResponsibleOfficer(a, institutionId));
}

/** Off-boarding checklists: the president (owner, art. 5.7), the Responsible Officers, KJC leadership (read) and administrators. */
export function canViewOffboarding(a: AuthorityActor, institutionId: string): boolean {
  if (!canViewInstitution(a, institutionId)) return false;
  return (
    leads(a, institutionId) ||
    isResponsibleOfficer(a, institutionId) ||
    isKjcLeadership(a) ||
    isSysadmin(a) ||
    (worksAt(a, institutionId) && a.position === 'pio')
  );
}

/** Ticking a step: the president who owns it, or a Responsible Officer who did it. */
export function canCompleteOffboarding(a: AuthorityActor, institutionId: string): boolean {
  return leads(a, institutionId) || isResponsibleOfficer(a, institutionId);
}

/** KJC leadership reading another institution: oversight only, never a change. */
function isKjcOversightOnly(a: AuthorityActor, institutionId: string): boolean {
  return isKjcLeadership(a) && !worksAt(a, institutionId);
}
