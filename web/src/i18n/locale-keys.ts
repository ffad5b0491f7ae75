/** Plural suffixes i18next adds to a key (`count_one`, `count_few`, …). */
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Flattens nested translation objects into dotted keys with their string values. */
export function flattenKeys(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      for (const [k, v] of flattenKeys(child, path)) out.set(k, v);
    }
  } else {
    out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

/** The key without its plural suffix, so `count_one` (en) and `count_few` (sr) compare as `count`. */
export function baseKey(key: string): string {
  return key.replace(pluralSuffix, '');
}

/** Keys present in `reference` but missing from `other`, comparing plural keys by their base. */
export function missingKeys(reference: Iterable<string>, other: Iterable<string>): string[] {
  const have = new Set([...other].map(baseKey));
  return [...new Set([...reference].map(baseKey))].filter((key) => !have.has(key)).sort();
}

/** `{{name}}`-style variables used in a string. */
export function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '').sort();
}
