/**
 * How a page reads and follows storage. The page has one listener on storage.onChanged, added
 * when its first subscriber comes and removed when its last one leaves or the page closes; each
 * subscriber follows one area and is given only the changes to the keys it follows.
 */
import { browser } from './browser-api';
import type { StorageChanges } from '../app/overview';
import type { KeyValueArea } from '../store/area';
import { browserAreas } from './storage-areas';

type ChangeListener = (changes: StorageChanges, area: string) => void;

/** What this needs of storage.onChanged: the browser's, fakeBrowser's or a test's own. */
export interface ChangeEvent {
  addListener(listener: ChangeListener): void;
  removeListener(listener: ChangeListener): void;
}

/**
 * What a subscriber follows: the changes in one area to the keys listed, to the keys the test
 * accepts (a prefix, a pattern), or (without keys) to every key of the area.
 */
export interface Followed {
  area: 'local' | 'sync';
  keys?: readonly string[] | ((key: string) => boolean);
}

interface Subscriber extends Followed {
  onChange(changes: StorageChanges): void;
}

/** The changes a subscriber follows, or undefined when there are none. */
function followedChanges(changes: StorageChanges, { keys }: Followed): StorageChanges | undefined {
  if (!keys) return changes;
  const follows = typeof keys === 'function' ? keys : (key: string) => keys.includes(key);
  const followed = Object.entries(changes).filter(([key]) => follows(key));
  return followed.length > 0 ? Object.fromEntries(followed) : undefined;
}

export class PageStorage {
  readonly local: KeyValueArea;
  readonly sync: KeyValueArea;
  readonly #subscribers = new Set<Subscriber>();

  constructor(
    areas: { local: KeyValueArea; sync: KeyValueArea },
    private readonly changes: ChangeEvent,
  ) {
    this.local = areas.local;
    this.sync = areas.sync;
  }

  /**
   * Calls `onChange` with each change it follows, until the returned function is called. A
   * component follows inside `$effect(() => storage.follow(...))`, so that it stops when the
   * component is destroyed.
   */
  follow(followed: Followed, onChange: (changes: StorageChanges) => void): () => void {
    const subscriber: Subscriber = { ...followed, onChange };
    this.#subscribers.add(subscriber);
    this.#listenWhileWanted();
    return () => {
      if (this.#subscribers.delete(subscriber)) this.#listenWhileWanted();
    };
  }

  #listening = false;
  #closing = false;

  #listenWhileWanted(): void {
    const wanted = this.#subscribers.size > 0 && !this.#closing;
    if (wanted === this.#listening) return;
    this.#listening = wanted;
    if (wanted) this.changes.addListener(this.#dispatch);
    else this.changes.removeListener(this.#dispatch);
  }

  /**
   * Lets go of the browser's event when `page` goes for good (closed, or left for another
   * address). Firefox removes the listeners a closing page still holds only after closing its
   * connection to them, and logs "sendRemoveListener on closed conduit" for each.
   */
  closeWith(page: Pick<EventTarget, 'addEventListener'>): void {
    page.addEventListener('pagehide', (event) => {
      // A page kept in the back-forward cache may come back, following what it followed.
      if ((event as PageTransitionEvent).persisted) return;
      this.#closing = true;
      this.#listenWhileWanted();
    });
  }

  readonly #dispatch: ChangeListener = (changes, area) => {
    for (const subscriber of [...this.#subscribers]) {
      // One that an earlier subscriber's change stopped is not called any more.
      if (subscriber.area !== area || !this.#subscribers.has(subscriber)) continue;
      const followed = followedChanges(changes, subscriber);
      if (followed) subscriber.onChange(followed);
    }
  };
}

let page: PageStorage | undefined;

/** This page's storage: the browser's areas, and its one listener for their changes. */
export function pageStorage(): PageStorage {
  if (!page) {
    page = new PageStorage(browserAreas(), browser.storage.onChanged as ChangeEvent);
    // A page closes; the worker drawing the popup's first paint with the popup's components has
    // no pagehide to wait for.
    if ('onpagehide' in globalThis) page.closeWith(globalThis);
  }
  return page;
}
