import { useTranslation } from 'react-i18next';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Formats an ISO date or date-time as a date in the UI language. Albanian and Serbian use the
 * numeric form used in Kosovo (01.10.2026): browsers ship uneven locale data for `sq`, so
 * Intl alone would show English month names there.
 */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (locale === 'en') {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(date);
  }
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
}

/** Hook form of {@link formatDate} that follows language changes. */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return (iso) => formatDate(iso, locale);
}
