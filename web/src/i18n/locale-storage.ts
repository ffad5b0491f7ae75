import { UiLocale } from '@courtdesk/contracts';

/** localStorage key that remembers the UI language before sign-in (and after sign-out). */
export const localeStorageKey = 'courtdesk.locale';

/** Albanian is the default language of Courtdesk. */
export const defaultLocale: UiLocale = 'sq';

/** Reads the remembered language; storage can be disabled, so failures fall back to the default. */
export function readStoredLocale(): UiLocale {
  try {
    const parsed = UiLocale.safeParse(globalThis.localStorage?.getItem(localeStorageKey));
    return parsed.success ? parsed.data : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

/** Remembers the language on this device. */
export function storeLocale(locale: UiLocale): void {
  try {
    globalThis.localStorage?.setItem(localeStorageKey, locale);
  } catch {
    // @NOTE private browsing can refuse storage; the language then lasts for this page only.
  }
}
