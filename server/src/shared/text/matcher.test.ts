import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick.js';
import { compileTerms } from './matcher.js';
import { normalize } from './normalize.js';

function found(terms: Parameters<typeof compileTerms>[0], text: string): string[] {
  const m = compileTerms(terms);
  return m.findAll(normalize(text)).map((x) => text.slice(x.origStart, x.origEnd));
}

describe('AhoCorasick', () => {
  it('finds overlapping patterns', () => {
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers']);
    const hits: string[] = [];
    ac.search('ushers', (id, s, e) => hits.push(`${id}:${s}-${e}`));
    expect(hits.sort()).toEqual(['0:2-4', '1:1-4', '3:2-6'].sort());
  });
});

describe('compileTerms', () => {
  it('respects word boundaries', () => {
    expect(found(['pdk'], 'PDK, apdk, pdka')).toEqual(['PDK']);
  });
  it('matches stems with case endings (Albanian, Serbian)', () => {
    expect(found(['peticion*'], 'Peticioni, peticionin, PETICIONIT')).toHaveLength(3);
    expect(found(['srpsk* list*'], 'Podržimo Srpsku listu, Српске листе')).toEqual(['Srpsku listu', 'Српске листе']);
  });
  it('matches with and without diacritics and across scripts', () => {
    expect(found(['nënshkruani'], 'nenshkruani / Nënshkruani')).toHaveLength(2);
    expect(found(['лично'], 'Lično mislim')).toEqual(['Lično']);
  });
  it('requires capitals for short abbreviations when asked', () => {
    expect(found([{ term: 'PD', upper: true }], 'pd PD Pd')).toEqual(['PD']);
    expect(found([{ term: 'LDK', upper: true }], 'LDK-së')).toEqual(['LDK']);
  });
  it('supports infix terms', () => {
    expect(found(['*sponzor*'], 'pokrovitelj i glavnisponzorisan')).toEqual(['glavnisponzorisan']);
  });
});
