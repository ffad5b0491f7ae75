import type { InstitutionKind, Position } from '@courtdesk/contracts';

/** The few facts about a person that leadership depends on. */
export interface LeaderCandidate {
  position: Position;
  institution_id: string;
  status: string;
}

/** The few facts about an institution that leadership depends on. */
export interface LedInstitution {
  id: string;
  kind: InstitutionKind;
  parent_id: string | null;
}

const KJC_LEADERSHIP: readonly Position[] = ['kjc_chair', 'kjc_deputy_chair', 'kjc_secretariat_director'];

/**
 * Whether a person is the "leadership of the judiciary" for this institution (manual, part I; art. 3.1):
 * a court's president (also for its branches), or for the KJC its Chair, Deputy Chair or Secretariat
 * Director. Leavers are never leadership.
 */
export function leadsInstitution(person: LeaderCandidate, inst: LedInstitution): boolean {
  if (person.status !== 'active') return false;
  if (inst.kind === 'council') return KJC_LEADERSHIP.includes(person.position) && person.institution_id === inst.id;
  return person.position === 'president' && (person.institution_id === inst.id || inst.parent_id === person.institution_id);
}
