import { describe, expect, it } from 'vitest';
import { parsePendingCasesCsv } from './policy.pending.js';

describe('parsePendingCasesCsv', () => {
  it('reads case numbers and parties (comma or semicolon separated, quoted fields)', () => {
    const csv = 'case_number,parties\n"P.nr. 12/2025","Arben Gashi; Drita Krasniqi"\nC.br. 3/2024,\n';
    expect(parsePendingCasesCsv(csv)).toEqual([
      { caseNumber: 'P.nr. 12/2025', parties: ['Arben Gashi', 'Drita Krasniqi'] },
      { caseNumber: 'C.br. 3/2024' },
    ]);
    expect(parsePendingCasesCsv('broj;stranke\nK.br. 1/2025;Marko Marković')).toEqual([
      { caseNumber: 'K.br. 1/2025', parties: ['Marko Marković'] },
    ]);
  });
  it('refuses a CSV without a usable header', () => {
    expect(() => parsePendingCasesCsv('foo,bar\n1,2')).toThrow(/header/);
  });
});
