import { describe, expect, it } from 'vitest';
import { courtParts, fromCourtTime, fromLocalInput, toLocalInput } from './time';

describe('Europe/Belgrade times', () => {
  it('converts winter and summer wall-clock times to UTC', () => {
    expect(fromCourtTime(2026, 1, 15, 10, 0)).toBe('2026-01-15T09:00:00.000Z');
    expect(fromCourtTime(2026, 7, 15, 10, 0)).toBe('2026-07-15T08:00:00.000Z');
  });
  it('round-trips through the datetime-local input', () => {
    const iso = '2026-03-29T12:30:00.000Z';
    expect(toLocalInput(iso)).toBe('2026-03-29T14:30');
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    // Seconds survive the round trip (a post can be scheduled a few seconds ahead, not only on the minute).
    expect(toLocalInput('2026-03-29T12:30:45.000Z')).toBe('2026-03-29T14:30:45');
    expect(fromLocalInput('2026-03-29T14:30:45')).toBe('2026-03-29T12:30:45.000Z');
    expect(courtParts('2026-12-31T23:30:00.000Z')).toMatchObject({ y: 2027, m: 1, d: 1, hh: 0, mm: 30 });
  });
});
