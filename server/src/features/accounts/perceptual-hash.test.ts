import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { dHash, hammingDistance, sameLogo } from './perceptual-hash.js';

/** A generated "logo": a dark disc and a bar on white, so the tests need no binary fixtures. */
async function logo(size: number, opts: { shift?: number; invert?: boolean; format?: 'png' | 'jpeg' } = {}): Promise<Buffer> {
  const fg = opts.invert ? '#ffffff' : '#1a2b6d';
  const bg = opts.invert ? '#1a2b6d' : '#ffffff';
  const s = opts.shift ?? 0;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
    <rect width="100" height="100" fill="${bg}"/><circle cx="${35 + s}" cy="40" r="22" fill="${fg}"/><rect x="15" y="75" width="70" height="10" fill="${fg}"/></svg>`;
  const img = sharp(Buffer.from(svg));
  return opts.format === 'jpeg' ? img.jpeg({ quality: 60 }).toBuffer() : img.png().toBuffer();
}

async function other(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#fff"/>
    <polygon points="0,200 100,0 200,200" fill="#c00"/><rect x="150" y="10" width="40" height="40" fill="#0a0"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('perceptual hash of the logo (art. 5.3–5.4)', () => {
  it('recognises the same logo re-encoded and resized', async () => {
    const original = await dHash(await logo(400));
    expect(original).toMatch(/^[0-9a-f]{16}$/);
    expect(sameLogo(original, await dHash(await logo(120, { format: 'jpeg' })))).toBe(true);
    expect(hammingDistance(original, original)).toBe(0);
  });

  it('tells a different picture or an inverted logo apart', async () => {
    const original = await dHash(await logo(400));
    expect(sameLogo(original, await dHash(await other()))).toBe(false);
    expect(sameLogo(original, await dHash(await logo(400, { invert: true })))).toBe(false);
  });

  it('refuses something that is not an image', async () => {
    await expect(dHash(Buffer.from('%PDF-1.4 not an image'))).rejects.toThrow(/could not be read/);
  });
});
