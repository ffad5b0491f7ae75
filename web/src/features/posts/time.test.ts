import { describe, expect, it } from 'vitest';
import { courtParts, fromCourtTime, fromLocalInput, moveToCourtDay, toLocalInput } from './time';

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
  it('is right on the days the clocks change (29 March and 25 October 2026)', () => {
    // Spring: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
    expect(fromCourtTime(2026, 3, 29, 1, 30)).toBe('2026-03-29T00:30:00.000Z');
    expect(fromCourtTime(2026, 3, 29, 2, 30)).toBe('2026-03-29T01:30:00.000Z'); // skipped: shown as 03:30
    expect(fromCourtTime(2026, 3, 29, 3, 30)).toBe('2026-03-29T01:30:00.000Z');
    // Autumn: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:30 happens twice, the first is taken.
    expect(fromCourtTime(2026, 10, 25, 1, 30)).toBe('2026-10-24T23:30:00.000Z');
    expect(fromCourtTime(2026, 10, 25, 2, 30)).toBe('2026-10-25T00:30:00.000Z');
    expect(fromCourtTime(2026, 10, 25, 3, 30)).toBe('2026-10-25T02:30:00.000Z');
    for (let h = 0; h < 24; h++) {
      if (h === 2) continue;
      const p = courtParts(fromCourtTime(2026, 3, 29, h, 15));
      expect([p.d, p.hh, p.mm]).toEqual([29, h, 15]);
    }
  });
});

describe('moving a post to another day', () => {
  it('keeps the time of day with its seconds and milliseconds', () => {
    expect(moveToCourtDay('2026-11-24T13:45:27.500Z', { y: 2026, m: 11, d: 26 })).toBe('2026-11-26T13:45:27.500Z');
    expect(moveToCourtDay('2026-11-24T13:45:27.500Z', { y: 2026, m: 11, d: 24 })).toBe('2026-11-24T13:45:27.500Z');
  });
  it('keeps the Belgrade wall-clock time and the seconds across a clock change, not a 24-hour step', () => {
    // Saturday 10:15:42 CET → Monday 10:15:42 CEST.
    expect(moveToCourtDay('2026-03-28T09:15:42.250Z', { y: 2026, m: 3, d: 30 })).toBe('2026-03-30T08:15:42.250Z');
    // And back, over the autumn change: 10:00:07 CEST → 10:00:07 CET.
    expect(moveToCourtDay('2026-10-24T08:00:07.000Z', { y: 2026, m: 10, d: 26 })).toBe('2026-10-26T09:00:07.000Z');
    // Onto the change days themselves, just after midnight: 00:30:59 CEST, 00:05:09 CET.
    expect(moveToCourtDay('2026-10-23T22:30:59.000Z', { y: 2026, m: 10, d: 25 })).toBe('2026-10-24T22:30:59.000Z');
    expect(moveToCourtDay('2026-03-27T23:05:09.000Z', { y: 2026, m: 3, d: 29 })).toBe('2026-03-28T23:05:09.000Z');
  });
});
