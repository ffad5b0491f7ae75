import sharp from 'sharp';
import { ValidationError } from '../../platform/http/errors.js';

/**
 * Perceptual hashes for the logo check (art. 5.3–5.4). dHash: the image is shrunk to 9×8 greyscale
 * and each bit says whether a pixel is brighter than its right-hand neighbour. Re-encoding, resizing
 * and mild colour changes keep the hash within a few bits; a different picture lands far away.
 */
export async function dHash(image: Buffer): Promise<string> {
  let pixels: Buffer;
  try {
    pixels = await sharp(image, { limitInputPixels: 50_000_000 })
      .flatten({ background: '#ffffff' })
      .greyscale()
      .resize(9, 8, { fit: 'fill', kernel: 'lanczos3' })
      .raw()
      .toBuffer();
  } catch {
    throw new ValidationError('The picture could not be read; upload a PNG, JPEG or WebP image.');
  }
  let bits = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const left = pixels[y * 9 + x] ?? 0;
      const right = pixels[y * 9 + x + 1] ?? 0;
      bits = (bits << 1n) | (left > right ? 1n : 0n);
    }
  }
  return bits.toString(16).padStart(16, '0');
}

/** Number of differing bits between two 64-bit hex hashes. */
export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x > 0n) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

/** Up to this many differing bits (of 64) the picture counts as the approved logo. */
export const LOGO_MATCH_THRESHOLD = 10;

export function sameLogo(a: string, b: string): boolean {
  return hammingDistance(a, b) <= LOGO_MATCH_THRESHOLD;
}
