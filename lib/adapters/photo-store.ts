/**
 * Check-in photos, kept in the extension's own IndexedDB on this device only: never in
 * storage.local or sync, never in an export of the data. Each photo is stored with its
 * thumbnail, keyed by week and pose; a page reads thumbnails alone until a full photo is asked for.
 */
import { ProblemError } from '../model/problem';
import type { DayKey } from '../model/days';
import type { Pose } from '../model/checkin';

const DATABASE = 'backbone-photos';
const PHOTOS = 'photos';
const THUMBS = 'thumbs';

export interface StoredPhoto {
  week: DayKey;
  pose: Pose;
  bytes: number;
}

interface PhotoRecord extends StoredPhoto {
  id: string;
  blob: Blob;
}

const photoId = (week: DayKey, pose: Pose) => `${week}.${pose}`;

/** A full disk, in words; any other failure with its detail. */
function problemOf(error: unknown): ProblemError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new ProblemError('checkin.photos.full');
  return new ProblemError('checkin.photos.failed', [
    error instanceof Error ? error.message : String(error),
  ]);
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(problemOf(request.error));
  });
}

function finished(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(problemOf(transaction.error));
    transaction.onerror = () => reject(problemOf(transaction.error));
  });
}

let opened: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') throw problemOf(new Error('IndexedDB is not available'));
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      for (const name of [PHOTOS, THUMBS]) {
        const store = request.result.createObjectStore(name, { keyPath: 'id' });
        store.createIndex('week', 'week');
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opened = undefined;
      reject(problemOf(request.error));
    };
  });
  return opened;
}

/** Stores a week's photo of a pose with its thumbnail, in place of any earlier one. */
export async function putPhoto(week: DayKey, pose: Pose, photo: Blob, thumb: Blob): Promise<void> {
  const db = await database();
  const transaction = db.transaction([PHOTOS, THUMBS], 'readwrite');
  const id = photoId(week, pose);
  transaction.objectStore(PHOTOS).put({ id, week, pose, bytes: photo.size, blob: photo });
  transaction.objectStore(THUMBS).put({ id, week, pose, bytes: thumb.size, blob: thumb });
  await finished(transaction);
}

async function getBlob(store: string, week: DayKey, pose: Pose): Promise<Blob | undefined> {
  const db = await database();
  const record = (await done(db.transaction(store).objectStore(store).get(photoId(week, pose)))) as
    PhotoRecord | undefined;
  return record?.blob;
}

export const getThumb = (week: DayKey, pose: Pose) => getBlob(THUMBS, week, pose);
export const getPhoto = (week: DayKey, pose: Pose) => getBlob(PHOTOS, week, pose);

/** Every photo kept here (without its image), oldest week first. */
export async function listPhotos(): Promise<StoredPhoto[]> {
  const db = await database();
  const records: StoredPhoto[] = [];
  await new Promise<void>((resolve, reject) => {
    const request = db.transaction(PHOTOS).objectStore(PHOTOS).index('week').openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      const { week, pose, bytes } = cursor.value as PhotoRecord;
      records.push({ week, pose, bytes });
      cursor.continue();
    };
    request.onerror = () => reject(problemOf(request.error));
  });
  return records;
}

/** Removes a week's photos, or one pose of it, with their thumbnails. */
export async function deletePhotos(week: DayKey, pose?: Pose): Promise<void> {
  const db = await database();
  const transaction = db.transaction([PHOTOS, THUMBS], 'readwrite');
  for (const name of [PHOTOS, THUMBS]) {
    const store = transaction.objectStore(name);
    if (pose) store.delete(photoId(week, pose));
    else store.delete(IDBKeyRange.bound(`${week}.`, `${week}.\uffff`));
  }
  await finished(transaction);
}

/** How much this origin stores, and may (the browser's estimate); undefined where unknown. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | undefined> {
  const estimate = await navigator.storage?.estimate?.();
  if (estimate?.usage === undefined || estimate.quota === undefined) return undefined;
  return { usage: estimate.usage, quota: estimate.quota };
}

/** Every photo kept here as a zip of JPEG images named by week and pose. */
export async function photosZip(): Promise<Blob> {
  const { zipSync } = await import('fflate');
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const { week, pose } of await listPhotos()) {
    const blob = await getPhoto(week, pose);
    if (blob)
      files[`backbone-photos/${week}-${pose}.jpg`] = [
        new Uint8Array(await blob.arrayBuffer()),
        { level: 0 },
      ];
  }
  return new Blob([zipSync(files)], { type: 'application/zip' });
}
