import type { Position } from '@courtdesk/contracts';

/** What a policy needs to know about the person acting. */
export interface PolicyActor {
  id: string;
  institutionId: string;
  position: Position;
  /** The institution ids this person works for: their own and, for a court, its branches. */
  homeIds: readonly string[];
}

const KJC_LEADERSHIP: readonly Position[] = ['kjc_chair', 'kjc_deputy_chair', 'kjc_secretariat_director'];

export const isSysadmin = (a: PolicyActor) => a.position === 'sysadmin';
export const isKjcLeadership = (a: PolicyActor) => KJC_LEADERSHIP.includes(a.position);
export const worksAt = (a: PolicyActor, institutionId: string) => a.homeIds.includes(institutionId);

/** Reading: one's own institution; the whole judiciary for KJC leadership (oversight) and system administrators. */
export function canViewInstitution(a: PolicyActor, institutionId: string): boolean {
  return isSysadmin(a) || isKjcLeadership(a) || worksAt(a, institutionId);
}

/** Contact data (art. 3.6) is kept by the institution's president and PIO, or a system administrator. */
export function canEditInstitution(a: PolicyActor, institutionId: string): boolean {
  if (isSysadmin(a)) return true;
  return worksAt(a, institutionId) && (a.position === 'president' || a.position === 'pio' || isKjcLeadership(a));
}

/** Whether the list of people of an institution may be read. */
export const canViewPeople = canViewInstitution;

/** Inviting people and recording that someone left: the institution's leadership, or a system administrator. */
export function canManagePeople(a: PolicyActor, institutionId: string): boolean {
  if (isSysadmin(a)) return true;
  return worksAt(a, institutionId) && (a.position === 'president' || isKjcLeadership(a));
}

/** Only a system administrator may create another system administrator or a leadership position elsewhere. */
export function canAssignPosition(a: PolicyActor, position: Position): boolean {
  if (isSysadmin(a)) return true;
  return position !== 'sysadmin';
}
