// Serbian Latin → Cyrillic (Vuk's alphabet). Digraphs first: lj, nj, dž.
const DIGRAPHS: Record<string, string> = { lj: 'љ', nj: 'њ', dž: 'џ', Lj: 'Љ', LJ: 'Љ', Nj: 'Њ', NJ: 'Њ', Dž: 'Џ', DŽ: 'Џ' };
const SINGLE: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  č: 'ч',
  ć: 'ћ',
  d: 'д',
  đ: 'ђ',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'ј',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  š: 'ш',
  t: 'т',
  u: 'у',
  v: 'в',
  z: 'з',
  ž: 'ж',
};

/** Transliterates Serbian Latin text into Cyrillic, for institution names seeded in both scripts. */
export function latinToCyrillic(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const two = text.slice(i, i + 2);
    if (DIGRAPHS[two]) {
      out += DIGRAPHS[two];
      i++;
      continue;
    }
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    const mapped = SINGLE[lower];
    out += mapped ? (ch === lower ? mapped : mapped.toUpperCase()) : ch;
  }
  return out;
}
