import type { MediaTable } from './media.tables.js';

export type ProvenanceGap = 'author' | 'licence' | 'identifiablePeople' | 'consent';

/**
 * What is missing before a photo or video may go out (art. 4.6, 5.8: copyright; personal data):
 * an author, a licence or "own work", whether identifiable people appear and, if so, their consent.
 */
export function provenanceMissing(
  m: Pick<MediaTable, 'author' | 'licence' | 'own_work' | 'identifiable_people' | 'consent'>,
): ProvenanceGap[] {
  const out: ProvenanceGap[] = [];
  if (!m.author?.trim()) out.push('author');
  if (m.own_work !== 1 && !m.licence?.trim()) out.push('licence');
  if (m.identifiable_people === null) out.push('identifiablePeople');
  else if (m.identifiable_people === 1 && m.consent !== 'obtained') out.push('consent');
  return out;
}
