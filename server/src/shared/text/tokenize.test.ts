import { describe, expect, it } from 'vitest';
import { detectLanguage } from './langid.js';
import { tokenIndexAt, tokenize, tokenStrings } from './tokenize.js';

describe('tokenize', () => {
  it('splits on non-word characters', () => {
    const t = tokenize("it's pkr.nr. 19/2024");
    expect(tokenStrings(t)).toEqual(['it', 's', 'pkr', 'nr', '19', '2024']);
    expect(tokenIndexAt(t, 6)).toBe(2);
    expect(tokenIndexAt(t, 100)).toBe(6);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Gjykata Themelore në Prishtinë njofton publikun', 'sq'],
    ['Gjykata Themelore ne Prishtine njofton publikun per seancen e nesermen', 'sq'],
    ['Osnovni sud u Prištini obaveštava javnost', 'sr-Latn'],
    ['Osnovni sud u Pristini obavestava javnost da je rociste odlozeno', 'sr-Latn'],
    ['Основни суд у Приштини обавештава јавност', 'sr-Cyrl'],
    ['The Basic Court in Prishtina informs the public', 'en'],
    ['Presuda je doneta danas', 'sr-Latn'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });
  it('returns und without evidence', () => {
    expect(detectLanguage('').lang).toBe('und');
    expect(detectLanguage('12/2024 ✔').lang).toBe('und');
  });
});
