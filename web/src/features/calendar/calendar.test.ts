import { describe, expect, it } from 'vitest';
import { daysFor } from './CalendarPage';
import { countChars } from '../composer/PlatformPreview';

describe('calendar days', () => {
  it('shows whole weeks from Monday for a month', () => {
    const days = daysFor('month', { y: 2026, m: 11, d: 24 });
    expect(days[0]?.key).toBe('2026-10-26');
    expect(days.length % 7).toBe(0);
    expect(days.some((d) => d.key === '2026-11-30')).toBe(true);
  });
  it('shows the week of the anchor, Monday to Sunday', () => {
    expect(daysFor('week', { y: 2026, m: 11, d: 26 }).map((d) => d.key)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
  });
});

describe('character counter', () => {
  it('counts letters with diacritics and emoji once, as platforms do', () => {
    expect(countChars('ë')).toBe(1);
    expect(countChars('e\u0308')).toBe(1);
    expect(countChars('👩‍⚖️')).toBe(1);
    expect(countChars('Gjykata')).toBe(7);
  });
});
