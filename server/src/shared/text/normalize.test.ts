import { describe, expect, it } from 'vitest';
import { fold, normalize, toOriginalRange } from './normalize.js';

describe('normalize', () => {
  it('lower-cases and strips Albanian and Serbian diacritics', () => {
    expect(fold('Nënshkruani PETICIONIN për Gjykatën')).toBe('nenshkruani peticionin per gjykaten');
    expect(fold('Čestitamo Ćiriću, Šabanu, Žarku i Đorđu')).toBe('cestitamo ciricu, sabanu, zarku i djordju');
  });
  it('transliterates Serbian Cyrillic to Latin', () => {
    expect(fold('Српска листа, Љубиша, Њива, Џеп, Ђаковица')).toBe('srpska lista, ljubisa, njiva, dzep, djakovica');
  });
  it('removes zero-width and control characters and collapses whitespace', () => {
    const nt = normalize('pe\u200Bti\u00ADcion\u0007  \n\t x');
    expect(nt.text).toBe('peticion x');
  });
  it('keeps an offset map back to the original for highlighting', () => {
    const src = 'Ju lutem   NËNSHKRUANI peticionin';
    const nt = normalize(src);
    const i = nt.text.indexOf('nenshkruani');
    const r = toOriginalRange(nt, i, i + 'nenshkruani'.length);
    expect(src.slice(r.start, r.end)).toBe('NËNSHKRUANI');
  });
  it('maps expansions and contractions to the whole source range', () => {
    const src = 'Đakovica pdk [dot] info';
    const nt = normalize(src);
    expect(nt.text).toBe('djakovica pdk.info');
    const d = nt.text.indexOf('pdk.info');
    const r = toOriginalRange(nt, d, d + 8);
    expect(src.slice(r.start, r.end)).toBe('pdk [dot] info');
    expect(src.slice(...Object.values(toOriginalRange(nt, 0, 2)))).toBe('Đ');
  });
  it('de-obfuscates URLs', () => {
    expect(fold('pdk(.)info')).toBe('pdk.info');
    expect(fold('nisma-ks . com/join')).toBe('nisma-ks.com/join');
    expect(fold('ldk-ks (dot) eu')).toBe('ldk-ks.eu');
    expect(fold('aak-ks [pikë] org')).toBe('aak-ks.org');
    expect(fold('vetevendosje dot org')).toBe('vetevendosje.org');
    expect(fold('Sot. Me kërkesë')).toBe('sot. me kerkese');
  });
  it('folds leetspeak only inside letter tokens, keeping numbers', () => {
    expect(fold('p3t1c10n 2024 PKR.nr. 19/2024', { leet: true })).toBe('peticion 2024 pkr.nr. 19/2024');
    expect(fold('$ign th3 p3tition', { leet: true })).toBe('sign the petition');
  });
  it('collapses spaced letters and repeats when asked', () => {
    expect(fold('p e t i c i o n', { collapseSpacedLetters: true })).toBe('peticion');
    expect(fold('p.e.t.i.c.i.o.n', { collapseSpacedLetters: true })).toBe('peticion');
    expect(fold('Gjykata e Apelit', { collapseSpacedLetters: true })).toBe('gjykata e apelit');
    expect(fold('peticiooooon', { collapseRepeats: true })).toBe('peticion');
  });
  it('never throws on lone surrogates or odd input', () => {
    expect(normalize('a\uD800b\uDC00c').text).toBe('a b c');
    expect(normalize('').text).toBe('');
    expect(normalize(undefined as unknown as string).text).toBe('');
    expect(normalize('😀 ok').text).toBe('😀 ok');
  });
});
