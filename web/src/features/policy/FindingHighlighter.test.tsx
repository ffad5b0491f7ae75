import { describe, expect, it } from 'vitest';
import { segments } from './FindingHighlighter';

const f = (start: number, end: number, severity: 'block' | 'warn' = 'warn') => ({ start, end, severity, article: '4.1', message: 'm' });

describe('segments', () => {
  it('marks exactly the words at fault and keeps the rest as plain text', () => {
    const s = segments('I think this ruling is wrong.', [f(0, 7)]);
    expect(s.map((x) => [x.text, x.findings.length])).toEqual([
      ['I think', 1],
      [' this ruling is wrong.', 0],
    ]);
  });
  it('merges overlapping findings into one mark and ignores offsets outside the text', () => {
    const s = segments('abcdefghij', [f(2, 5), f(4, 8, 'block'), f(50, 60)]);
    expect(s.map((x) => [x.text, x.findings.length])).toEqual([
      ['ab', 0],
      ['cdefgh', 2],
      ['ij', 0],
    ]);
  });
  it('returns the whole text when there is nothing to mark', () => {
    expect(segments('clean', [])).toEqual([{ text: 'clean', findings: [] }]);
  });
});
