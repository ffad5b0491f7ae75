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

/** The parts of an instant as seen in Europe/Belgrade. */
export function courtParts(iso: string): { y: number; m: number; d: number; hh: number; mm: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: COURT_TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), hh: get('hour'), mm: get('minute') };
}

/** The UTC instant of a wall-clock time in Europe/Belgrade (handles summer time by one correction step). */
export function fromCourtTime(y: number, m: number, d: number, hh: number, mm: number): string {
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const seen = courtParts(new Date(guess).toISOString());
  const offset = Date.UTC(seen.y, seen.m - 1, seen.d, seen.hh, seen.mm) - guess;
  return new Date(guess - offset).toISOString();
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
