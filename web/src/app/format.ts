import { useTranslation } from 'react-i18next';
import { intlLocale } from '../i18n/i18n';
import type { UiLocale } from '@courtdesk/contracts';

/** Formats an ISO date or date-time as a date in the UI language (e.g. "24 nën 2026"). */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale as UiLocale), { dateStyle: 'medium' }).format(date);
}

/** Hook form of {@link formatDate} that follows language changes. */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return (iso) => formatDate(iso, locale);
}
