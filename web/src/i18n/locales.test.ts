import { describe, expect, it } from 'vitest';
import { uiLocales } from '@courtdesk/contracts';
import { baseKey, flattenKeys, missingKeys, variables } from './locale-keys';

/** Every locale file, parsed; a file that is not valid JSON fails the import and so the test. */
const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', {
  eager: true,
  import: 'default',
});

const byLang = new Map<string, Map<string, Map<string, string>>>();
for (const [path, content] of Object.entries(files)) {
  const [, lang = '', ns = ''] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  if (!byLang.has(lang)) byLang.set(lang, new Map());
  byLang.get(lang)?.set(ns, flattenKeys(content));
}
const namespacesOf = (lang: string) => [...(byLang.get(lang)?.keys() ?? [])].sort();
const keysOf = (lang: string, ns: string) => byLang.get(lang)?.get(ns) ?? new Map<string, string>();

describe('locale helpers', () => {
  it('reports a key that one language lacks', () => {
    const en = flattenKeys({ a: { b: 'x', c: 'y' } });
    const sq = flattenKeys({ a: { b: 'x' } });
    expect(missingKeys(en.keys(), sq.keys())).toEqual(['a.c']);
  });

  it('treats plural forms of one key as the same key', () => {
    expect(missingKeys(['n_one', 'n_other'], ['n_one', 'n_few', 'n_other'])).toEqual([]);
    expect(baseKey('list.count_few')).toBe('list.count');
  });
});

describe('translation files', () => {
  it('exist for exactly the UI languages sq, sr and en', () => {
    expect([...byLang.keys()].sort()).toEqual([...uiLocales].sort());
  });

  it('have the same namespace files in every language', () => {
    const reference = namespacesOf('en');
    expect(reference).toEqual(expect.arrayContaining(['auth', 'common', 'institutions', 'people']));
    for (const lang of uiLocales) expect(namespacesOf(lang), lang).toEqual(reference);
  });

  const allNamespaces = [...new Set(uiLocales.flatMap(namespacesOf))];
  for (const ns of allNamespaces) {
    it(`${ns}: every key exists in sq, sr and en`, () => {
      for (const lang of uiLocales) {
        for (const other of uiLocales) {
          if (other === lang) continue;
          expect(missingKeys(keysOf(lang, ns).keys(), keysOf(other, ns).keys()), `in ${lang}, missing from ${other}`).toEqual([]);
        }
      }
    });

    it(`${ns}: no empty strings, and the same {{variables}} in every language`, () => {
      const en = keysOf('en', ns);
      for (const lang of uiLocales) {
        for (const [key, text] of keysOf(lang, ns)) {
          expect(text.trim(), `${lang}/${ns}.json ${key}`).not.toBe('');
          const enText = en.get(key) ?? en.get(`${baseKey(key)}_other`);
          if (enText !== undefined) {
            expect(variables(text), `${lang}/${ns}.json ${key}`).toEqual(variables(enText));
          }
        }
      }
    });

    it(`${ns}: plural keys have every form the language needs`, () => {
      for (const lang of uiLocales) {
        const keys = [...keysOf(lang, ns).keys()];
        const plurals = new Set(keys.filter((k) => baseKey(k) !== k).map(baseKey));
        const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        for (const base of plurals) {
          for (const form of needed) {
            expect(keys, `${lang}/${ns}.json ${base}_${form}`).toContain(`${base}_${form}`);
          }
        }
      }
    });
  }
});
