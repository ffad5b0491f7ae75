import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { uiLocales, type UiLocale } from '@courtdesk/contracts';
import { defaultLocale, readStoredLocale, storeLocale } from './locale-storage';
import { namespaces, resources } from './resources';

/** The one i18next instance of the app; resources are bundled, so it initialises synchronously. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  ns: namespaces,
  defaultNS: 'common',
  lng: readStoredLocale(),
  fallbackLng: defaultLocale,
  supportedLngs: [...uiLocales],
  nonExplicitSupportedLngs: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

function syncDocumentLanguage(lng: string): void {
  if (typeof document === 'undefined') return;
  // Serbian is shown in Latin script; say so for screen readers and hyphenation.
  document.documentElement.lang = lng === 'sr' ? 'sr-Latn' : lng;
}

syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

/** Switches the UI language and remembers it on this device. */
export async function setUiLocale(locale: UiLocale): Promise<void> {
  storeLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/** The current UI language, narrowed to the supported ones. */
export function currentUiLocale(): UiLocale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return (uiLocales as readonly string[]).includes(lng) ? (lng as UiLocale) : defaultLocale;
}
