import type { Resource, ResourceLanguage } from 'i18next';

/**
 * Every `locales/<lang>/<namespace>.json` file, bundled at build time.
 * A feature adds its strings by adding one file per language; nothing here needs editing.
 */
const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', {
  eager: true,
  import: 'default',
});

/** Turns `../locales/sq/common.json` into `{ sq: { common: {...} } }`. */
export function buildResources(modules: Record<string, Record<string, unknown>>): Resource {
  const resources: Record<string, ResourceLanguage> = {};
  for (const [path, content] of Object.entries(modules)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match?.[1] || !match[2]) continue;
    const [, lang, ns] = match;
    resources[lang] ??= {};
    resources[lang][ns] = content as ResourceLanguage[string];
  }
  return resources;
}

export const resources = buildResources(files);

/** Namespace names found in the locale folders (common, auth, institutions, people, …). */
export const namespaces: string[] = [...new Set(Object.values(resources).flatMap((lang) => Object.keys(lang)))].sort();
