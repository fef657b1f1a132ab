import type { Entry, NewEntry } from '../../lib/model/entries';

/** A copy of a stored entry, to log again: what Undo of a delete and "repeat" send. */
export function again(entry: Entry, at = entry.at): NewEntry {
  const { id: _id, device: _device, ...copy } = $state.snapshot(entry) as Entry;
  return { ...copy, at } as NewEntry;
}

/** Feedback for something just done, with the way to take it back. */
export interface Undo {
  message: string;
  undo: () => Promise<void>;
}
