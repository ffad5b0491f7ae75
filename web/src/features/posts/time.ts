/** Every schedule is shown and entered in the courts' time zone, named on screen. */
export const COURT_TZ = 'Europe/Belgrade';

/** "24.11.2026, 14:30" in Europe/Belgrade, whatever the browser's zone. */
export function formatCourtTime(
  iso: string,
  locale: string,
  opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', { ...opts, timeZone: COURT_TZ }).format(d);
}

const courtFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: COURT_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The parts of an instant as seen in Europe/Belgrade (to the minute). */
export function courtParts(iso: string): { y: number; m: number; d: number; hh: number; mm: number } {
  const parts = courtFormat.formatToParts(new Date(iso));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), hh: get('hour'), mm: get('minute') };
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** How far Europe/Belgrade is ahead of UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function courtOffset(ms: number): number {
  const p = courtParts(new Date(ms).toISOString());
  return Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm) - Math.floor(ms / MINUTE) * MINUTE;
}

/**
 * The UTC instant of a wall-clock time in Europe/Belgrade, right on the days the clocks change too:
 * a time that occurs twice (the autumn hour) is the first, summer-time one; a time the spring change
 * skips moves forward by the skipped hour (02:30 → 03:30), as a clock would. Day overflow is allowed
 * (`d` = 32 is the next month).
 */
export function fromCourtTime(y: number, m: number, d: number, hh: number, mm: number): string {
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const before = courtOffset(wall - DAY);
  const fits = [wall - before, wall - courtOffset(wall + DAY)].filter((t) => courtOffset(t) === wall - t);
  return new Date(fits.length > 0 ? Math.min(...fits) : wall - before).toISOString();
}

/**
 * The same Europe/Belgrade time of day, to the millisecond, on another calendar day: where a post
 * dragged in the calendar goes. Across a clock change the wall-clock time stays, not the 24-hour step.
 */
export function moveToCourtDay(iso: string, day: { y: number; m: number; d: number }): string {
  const p = courtParts(iso);
  // Zone offsets are whole minutes, so seconds and milliseconds are the same in UTC and in Belgrade.
  const withinMinute = Date.parse(iso) % MINUTE;
  return new Date(Date.parse(fromCourtTime(day.y, day.m, day.d, p.hh, p.mm)) + withinMinute).toISOString();
}

/** `YYYY-MM-DDTHH:mm` (`:ss` when not zero) for an <input type="datetime-local"> showing Europe/Belgrade time. */
export function toLocalInput(iso: string): string {
  const p = courtParts(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  // Zone offsets are whole minutes, so the seconds are the same in UTC and in Europe/Belgrade.
  const ss = new Date(iso).getUTCSeconds();
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.hh)}:${pad(p.mm)}${ss ? `:${pad(ss)}` : ''}`;
}

/** The UTC instant of a datetime-local value in Europe/Belgrade; seconds, when given, are kept (not dropped). */
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) return null;
  const minute = fromCourtTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return m[6] ? new Date(Date.parse(minute) + Number(m[6]) * 1000).toISOString() : minute;
}
