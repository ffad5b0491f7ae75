import { describe, expect, it } from 'vitest';
import { seedInstitutionList } from '../institutions/institutions.seed.js';
import { checkHandle, suggestHandle } from './handles.js';

describe('handles (art. 5.2)', () => {
  it.each([
    ['x', 'gjthprishtine', true],
    ['x', 'gjth-prishtine', false],
    ['x', 'gjykatakomerciale', false],
    ['facebook', 'gjykatasupreme', true],
    ['facebook', 'gjk_supreme', false],
    ['instagram', 'gjykata.supreme', true],
    ['instagram', '.gjykata', false],
    ['linkedin', 'gjykata-e-apelit', true],
    ['linkedin', 'gjykata apelit', false],
    ['bluesky', 'gjyqesori.bsky.social', true],
    ['bluesky', 'Gjyqesori', false],
    ['mastodon', 'kgjk@mastodon.social', true],
    ['sandbox', 'gjthprishtine', true],
    ['sandbox', 'Gjth<script>', false],
    ['tiktok', 'gjykata.supreme', true],
    ['tiktok', 'gjykata supreme', false],
  ])('on %s, @%s is %s', (platform, handle, ok) => {
    if (ok) expect(checkHandle(platform, handle)).toBe(handle);
    else expect(() => checkHandle(platform, handle)).toThrow(/art\. 5\.2/);
  });

  it('accepts a leading @ and strips it', () => {
    expect(checkHandle('x', '@gjthprishtine')).toBe('gjthprishtine');
  });

  it('suggests the manual’s own examples and a valid X handle for every court', () => {
    const list = seedInstitutionList();
    const by = (code: string) => {
      const i = list.find((x) => x.code === code)!;
      return suggestHandle({ code: i.code, kind: i.kind, seat: i.seat, name_sq: i.sq });
    };
    expect(by('bc-prishtine')).toBe('gjthprishtine');
    expect(by('appeals')).toBe('gjykataeapelit');
    expect(by('supreme')).toBe('gjykatasupreme');
    expect(by('kjc')).toBe('kgjk');
    expect(by('bc-gjakove')).toBe('gjthgjakove');
    for (const i of list)
      expect(() => checkHandle('x', suggestHandle({ code: i.code, kind: i.kind, seat: i.seat, name_sq: i.sq }))).not.toThrow();
  });
});
