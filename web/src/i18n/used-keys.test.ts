import { describe, expect, it } from 'vitest';
import { i18n } from './i18n';

/** The app's own source, to find the translation keys it uses literally. */
const sources = import.meta.glob<string>(['../**/*.tsx', '../**/*.ts', '!../**/*.test.*', '!../test/**'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

describe('translation keys used in the code', () => {
  it('all exist in every language', () => {
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      const namespaces = [...text.matchAll(/useTranslation\(\s*'([\w-]+)'\s*\)/g)].map((m) => m[1] ?? '');
      if (/useTranslation\(\s*\)/.test(text) || namespaces.length === 0) namespaces.push('common');
      for (const match of text.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
        const key = match[1] ?? '';
        const candidates = key.includes(':') ? [key] : namespaces.map((ns) => `${ns}:${key}`);
        for (const lng of ['sq', 'sr', 'en']) {
          const found = candidates.some((k) => i18n.exists(k, { lng }) || i18n.exists(`${k}_other`, { lng }));
          if (!found) missing.push(`${file}: ${key} (${lng})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
