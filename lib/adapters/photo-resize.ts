/**
 * A chosen photo made small enough to keep: about 1,600 px on its long side as a JPEG of a few
 * hundred kB, and a thumbnail of 400 px. The work runs in a worker where the browser can draw
 * there (OffscreenCanvas), so the page stays responsive while a 12-megapixel image is decoded.
 */
import { ProblemError } from '../model/problem';

export const PHOTO_LONG_SIDE = 1600;
export const THUMB_LONG_SIDE = 400;
const PHOTO_QUALITY = 0.82;
const THUMB_QUALITY = 0.75;

export interface PreparedPhoto {
  photo: Blob;
  thumb: Blob;
}

async function scaled(source: ImageBitmap, longSide: number, quality: number): Promise<Blob> {
  const scale = Math.min(1, longSide / Math.max(source.width, source.height));
  const width = Math.max(1, Math.round(source.width * scale));
  const height = Math.max(1, Math.round(source.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new ProblemError('checkin.photos.notAnImage');
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/** The photo and its thumbnail, drawn here (in a worker, or on the page where none can draw). */
export async function resizeHere(file: Blob): Promise<PreparedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ProblemError('checkin.photos.notAnImage');
  }
  try {
    const photo = await scaled(bitmap, PHOTO_LONG_SIDE, PHOTO_QUALITY);
    const small = await createImageBitmap(photo);
    const thumb = await scaled(small, THUMB_LONG_SIDE, THUMB_QUALITY);
    small.close();
    return { photo, thumb };
  } finally {
    bitmap.close();
  }
}

type Answer = { ok: true; prepared: PreparedPhoto } | { ok: false; key: string };

/** Prepares a photo in a worker; on the page itself where no worker can. */
export function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./photo-resize.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return resizeHere(file);
  }
  return new Promise<PreparedPhoto>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Answer>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.prepared);
      else if (event.data.key === 'checkin.photos.noWorkerCanvas') resolve(resizeHere(file));
      else reject(new ProblemError(event.data.key));
    };
    worker.onerror = () => {
      worker.terminate();
      resolve(resizeHere(file));
    };
    worker.postMessage(file);
  });
}
