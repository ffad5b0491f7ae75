import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyComment, getActiveLexicon, loadLexicon, reloadLexicon, DEFAULT_LEXICON_DIR } from './index.js';
import { expandTerm, resolveMasked } from './moderation.lexicon.js';

const dirs: string[] = [];
function lexDir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'lex-'));
  dirs.push(d);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(d, name.split('/')[0]!), { recursive: true });
    writeFileSync(join(d, name), body);
  }
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  reloadLexicon(DEFAULT_LEXICON_DIR);
});

const GOOD = `lang: en\ncategory: insult\nsource: test fixture written for the unit test\nroles:\n  person:\n    - blorkhead*\n`;

describe('the shipped lexicons', () => {
  it('load, every file has a source note, all three languages and all categories are present', () => {
    const lex = getActiveLexicon();
    expect(lex.entries.length).toBeGreaterThan(1500);
    for (const f of lex.files) expect(f.source.length).toBeGreaterThan(20);
    for (const lang of ['sq', 'sr', 'en'])
      for (const cat of ['insult', 'slur', 'threat', 'defamation', 'doxxing', 'spam', 'context'])
        expect(lex.files.some((f) => f.lang === lang && f.category === cat)).toBe(true);
  });
});

describe('term syntax', () => {
  it('expands alternatives, ending sets, stems and informal spellings', () => {
    const p = expandTerm('budal{a|e}', 'sr').map((x) => x.pattern);
    expect(p).toEqual([' budala ', ' budale ']);
    expect(expandTerm('idiot~n', 'sq', { n: ['', 'i'] }).map((x) => x.pattern)).toEqual([' idiot ', ' idioti ']);
    expect(expandTerm('kreten*', 'sr')[0]).toMatchObject({ pattern: ' kreten', stem: true });
    expect(expandTerm('obezbeđenja', 'sr').map((x) => x.pattern)).toEqual([' obezbedjenja ', ' obezbedenja ']);
    expect(expandTerm('çmim', 'sq').map((x) => x.pattern)).toEqual([' cmim ', ' qmim ']);
    expect(expandTerm('nënë', 'sq').map((x) => x.pattern)).toContain(' nen ');
    expect(expandTerm('zhduk* prov*', 'sq')[0]).toMatchObject({ pattern: ' zhduk', rest: [{ text: 'prov', stem: true }] });
  });
  it('resolves masked words against the vocabulary', () => {
    const lex = getActiveLexicon();
    expect(resolveMasked(lex, 'k**va')).toBe('kurva');
    expect(resolveMasked(lex, 'p*dhi')).toBe('pidhi');
    expect(resolveMasked(lex, 'f***')).toBe('fuck');
    expect(resolveMasked(lex, 'a*****')).toBeNull();
  });
});

describe('validation (zod) and reload', () => {
  it('rejects a role that does not belong to the category', () => {
    const d = lexDir({ 'en/x.yaml': GOOD.replace('person:', 'phrase:') });
    expect(() => loadLexicon(d)).toThrow(/role "phrase" is not allowed in category insult/);
  });
  it('rejects a file without a source note', () => {
    const d = lexDir({ 'en/x.yaml': GOOD.replace('source: test fixture written for the unit test\n', '') });
    expect(() => loadLexicon(d)).toThrow(/source/);
  });
  it('rejects an unknown ending set, a bad wildcard and a language/folder mismatch', () => {
    expect(() => loadLexicon(lexDir({ 'en/x.yaml': GOOD.replace('blorkhead*', 'blork~nope') }))).toThrow(/unknown ending set/);
    expect(() => loadLexicon(lexDir({ 'en/x.yaml': GOOD.replace('blorkhead*', 'bl*rk') }))).toThrow(/only allowed at the end/);
    expect(() => loadLexicon(lexDir({ 'sq/x.yaml': GOOD }))).toThrow(/does not match its folder/);
  });
  it('reloadLexicon swaps in a new lexicon and keeps the old one on error', () => {
    expect(classifyComment('you blorkheads', { booster: false }).action).toBe('keep');
    expect(reloadLexicon(lexDir({ 'en/x.yaml': GOOD }))).toEqual({ ok: true });
    expect(classifyComment('you blorkheads').action).toBe('remove');
    const bad = reloadLexicon(lexDir({ 'en/x.yaml': 'lang: en\ncategory: [' }));
    expect(bad.ok).toBe(false);
    expect(classifyComment('you blorkheads').action).toBe('remove');
    expect(reloadLexicon(DEFAULT_LEXICON_DIR)).toEqual({ ok: true });
    expect(classifyComment('you blorkheads', { booster: false }).action).toBe('keep');
  });
});
