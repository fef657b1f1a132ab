/** Prepares one photo off the page's thread (lib/adapters/photo-resize.ts). */
import { problemOf } from '../model/problem';
import { resizeHere } from './photo-resize';

self.onmessage = async (event: MessageEvent<Blob>) => {
  if (typeof OffscreenCanvas === 'undefined') {
    self.postMessage({ ok: false, key: 'checkin.photos.noWorkerCanvas' });
    return;
  }
  try {
    self.postMessage({ ok: true, prepared: await resizeHere(event.data) });
  } catch (error) {
    self.postMessage({ ok: false, key: problemOf(error).key });
  }
};
