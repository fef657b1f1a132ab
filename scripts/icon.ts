/**
 * Draws the Backbone icon (three vertebrae on a teal tile) at any size and encodes it as PNG,
 * so the icons are made at build time from code instead of living in the repository as binaries.
 */
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const TILE: Rgba = [13, 122, 111, 255];
const BONE: Rgba = [247, 250, 246, 255];
const SUPERSAMPLES = 4;

/** Signed distance from (x, y) to a rounded rectangle centred at (cx, cy). */
function roundedRectDistance(
  x: number,
  y: number,
  cx: number,
  cy: number,
  halfWidth: number,
  halfHeight: number,
  radius: number,
): number {
  const qx = Math.abs(x - cx) - halfWidth + radius;
  const qy = Math.abs(y - cy) - halfHeight + radius;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/**
 * Three vertebrae, narrow at the neck and wide at the lower back, in unit coordinates of the
 * tile. Few shapes with wide gaps, centred on whole pixels at 16 px, so the toolbar icon reads
 * as a spine and not as a blur.
 */
const VERTEBRAE = [
  { cy: 0.25, halfWidth: 0.17 },
  { cy: 0.5, halfWidth: 0.25 },
  { cy: 0.75, halfWidth: 0.33 },
].map((vertebra) => ({ ...vertebra, cx: 0.5, halfHeight: 0.07 }));

/** Transparent margin around the tile: Chrome's guideline is 16 of 128 pixels; none when tiny. */
export function iconPadding(size: number): number {
  return size >= 48 ? 0.125 : 0;
}

function colourAt(u: number, v: number): Rgba | undefined {
  const tile = roundedRectDistance(u, v, 0.5, 0.5, 0.5, 0.5, 0.2);
  if (tile > 0) return undefined;
  const onBone = VERTEBRAE.some(
    (vertebra) =>
      roundedRectDistance(
        u,
        v,
        vertebra.cx,
        vertebra.cy,
        vertebra.halfWidth,
        vertebra.halfHeight,
        vertebra.halfHeight,
      ) <= 0,
  );
  return onBone ? BONE : TILE;
}

export function renderIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const padding = iconPadding(size);
  const inner = 1 - 2 * padding;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLES; sy++) {
        for (let sx = 0; sx < SUPERSAMPLES; sx++) {
          const colour = colourAt(
            ((x + (sx + 0.5) / SUPERSAMPLES) / size - padding) / inner,
            ((y + (sy + 0.5) / SUPERSAMPLES) / size - padding) / inner,
          );
          if (!colour) continue;
          for (let channel = 0; channel < 3; channel++)
            sum[channel]! += colour[channel]! * colour[3];
          sum[3]! += colour[3];
        }
      }
      const offset = (y * size + x) * 4;
      const alpha = sum[3]!;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = alpha ? Math.round(sum[channel]! / alpha) : 0;
      }
      pixels[offset + 3] = Math.round(alpha / SUPERSAMPLES ** 2);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]);
}

export const ICON_SIZES = [16, 32, 48, 128] as const;

export function iconPng(size: number): Buffer {
  return encodePng(size, renderIcon(size));
}
