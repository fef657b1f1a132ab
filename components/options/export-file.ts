/** The export of everything, as the options page downloads it: settings, custom exercises, entries. */
import type { PageStorage } from '../../lib/adapters/page-storage';
import { readAllEntries } from '../../lib/app/overview';
import { createBackup, serializeBackup } from '../../lib/store/backup';
import {
  customExercisesFormat,
  readVersioned,
  settingsFormat,
  SYNC_KEYS,
} from '../../lib/store/items';

/** The user's date of today, as export files are named. */
function localDate(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function exportText({ local, sync }: PageStorage): Promise<string> {
  const stored = await sync.get([SYNC_KEYS.settings, SYNC_KEYS.custom]);
  const backup = createBackup(
    readVersioned(settingsFormat, stored[SYNC_KEYS.settings]).value,
    readVersioned(customExercisesFormat, stored[SYNC_KEYS.custom]).value.exercises,
    await readAllEntries(local),
    Date.now(),
  );
  return serializeBackup(backup);
}

/** Downloads a file the page made. */
export function download(text: string, name: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Downloads the export of everything (JSON), named with the user's date. */
export async function downloadExport(storage: PageStorage): Promise<void> {
  download(await exportText(storage), `backbone-${localDate()}.json`, 'application/json');
}
