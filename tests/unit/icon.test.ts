import { describe, expect, it } from 'vitest';
import { encodePng, renderIcon } from '../../scripts/icon';

/** Whether the pixel at (x, y) is light (a vertebra), as opposed to the teal tile or nothing. */
function isLight(pixels: Uint8Array, size: number, x: number, y: number): boolean {
  const offset = (y * size + x) * 4;
  return pixels[offset]! > 180 && pixels[offset + 3]! > 200;
}

describe('the toolbar icon', () => {
  it('reads at 16 px: three light shapes down the middle, each apart by a full teal pixel', () => {
    const pixels = renderIcon(16);
    const column = Array.from({ length: 16 }, (_, y) => isLight(pixels, 16, 8, y));
    const runs = column.map(Number).join('').match(/1+/g) ?? [];
    expect(runs).toHaveLength(3);
    expect(column.map(Number).join('')).toMatch(/^0+1+0+1+0+1+0+$/);
    // The tile fills the 16 px square: no padding wasted at the smallest size.
    expect(pixels[(8 * 16 + 0) * 4 + 3]).toBe(255);
  });

  it('leaves Chrome’s 16-pixel padding around the 128 px icon', () => {
    const pixels = renderIcon(128);
    for (const [x, y] of [
      [15, 64],
      [64, 15],
      [112, 64],
      [64, 112],
    ] as const)
      expect(pixels[(y * 128 + x) * 4 + 3]).toBe(0);
    expect(pixels[(64 * 128 + 17) * 4 + 3]).toBe(255);
  });

  it('is a PNG whose chunks carry their checksums', () => {
    const png = encodePng(1, new Uint8Array([13, 122, 111, 255]));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR of a 1×1 RGBA image, and the end chunk, with the CRCs every PNG of them carries.
    expect(png.subarray(8, 33).toString('hex')).toBe(
      '0000000d49484452000000010000000108060000001f15c489',
    );
    expect(png.subarray(-12).toString('hex')).toBe('0000000049454e44ae426082');
  });
});
