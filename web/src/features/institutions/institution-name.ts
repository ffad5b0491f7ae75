import { useTranslation } from 'react-i18next';
import type { Institution, UiLocale } from '@courtdesk/contracts';

type Named = Pick<Institution, 'nameSq' | 'nameSrLatn' | 'nameEn'>;

/** The institution's official name in the UI language (Serbian in Latin script). */
export function institutionName(institution: Named, locale: string): string {
  switch (locale as UiLocale) {
    case 'sr':
      return institution.nameSrLatn;
    case 'en':
      return institution.nameEn;
    case 'sq':
    default:
      return institution.nameSq;
  }
}

/** Hook form of {@link institutionName} that follows language changes. */
export function useInstitutionName(): (institution: Named) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return (institution) => institutionName(institution, locale);
}

/** Lower-case, without diacritics, so "Prishtine" finds "Prishtinë" and "Pristini" finds "Prištini". */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/gi, 'dj')
    .toLowerCase();
}

/** Whether an institution matches a free-text search in any of its names, its seat or its code. */
export function matchesSearch(institution: Institution, query: string): boolean {
  const needle = normaliseForSearch(query.trim());
  if (!needle) return true;
  return [institution.nameSq, institution.nameSrLatn, institution.nameSrCyrl, institution.nameEn, institution.seat, institution.code].some(
    (field) => normaliseForSearch(field).includes(needle),
  );
}
