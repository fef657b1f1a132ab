import type { PageStorage } from '../../lib/adapters/page-storage';
import { deletePhotos, listPhotos, type StoredPhoto } from '../../lib/adapters/photo-store';
import type { CheckIn } from '../../lib/model/checkin';
import {
  decodeSyncedCheckIns,
  isTombstone,
  localCheckInsFormat,
  mergeCheckIns,
  syncedCheckInsFormat,
} from '../../lib/store/checkins';
import { CHECKINS_KEY, readVersioned } from '../../lib/store/items';

/**
 * The check-ins to show (this device's and the synced ones, lib/store/checkins.ts) and the photos
 * this device keeps, read again whenever either item changes, here or on another device.
 */
export class CheckInsState {
  checkIns = $state<CheckIn[]>();
  photos = $state<StoredPhoto[]>([]);
  /** Weeks deleted (on any device) that no later check-in brought back. */
  deletedWeeks: string[] = [];

  constructor(private readonly pageStorage: PageStorage) {
    $effect(() =>
      pageStorage.follow({ area: 'local', keys: [CHECKINS_KEY] }, () => void this.refresh()),
    );
    $effect(() =>
      pageStorage.follow({ area: 'sync', keys: [CHECKINS_KEY] }, () => void this.refresh()),
    );
  }

  /** The check-ins, then the photos (which depend on the weeks deleted). */
  async refresh(): Promise<void> {
    await this.load();
    await this.loadPhotos();
  }

  async load(): Promise<void> {
    const [local, sync] = await Promise.all([
      this.pageStorage.local.get(CHECKINS_KEY),
      this.pageStorage.sync.get(CHECKINS_KEY),
    ]);
    const own = readVersioned(localCheckInsFormat, local[CHECKINS_KEY]).value.checkIns;
    const synced = readVersioned(syncedCheckInsFormat, sync[CHECKINS_KEY]).value;
    const weeks = decodeSyncedCheckIns(synced);
    this.checkIns = mergeCheckIns(own, weeks);
    const shown = this.checkIns.map(({ week }) => week);
    this.deletedWeeks = weeks
      .filter((week) => isTombstone(week) && !shown.includes(week.week))
      .map(({ week }) => week);
  }

  /**
   * The photos kept here; those of a week deleted on another device go now, as they went with
   * the check-in on the device it was deleted on.
   */
  async loadPhotos(): Promise<void> {
    const photos = await listPhotos();
    const gone = this.deletedWeeks.filter((week) => photos.some((photo) => photo.week === week));
    for (const week of gone) await deletePhotos(week);
    this.photos = photos.filter(({ week }) => !gone.includes(week));
  }

  /** Whether this device keeps the photo of a week's pose. */
  hasPhoto(week: string, pose: string): boolean {
    return this.photos.some((photo) => photo.week === week && photo.pose === pose);
  }
}
