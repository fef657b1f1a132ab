import type { PageStorage } from '../../lib/adapters/page-storage';
import { listPhotos, type StoredPhoto } from '../../lib/adapters/photo-store';
import type { CheckIn } from '../../lib/model/checkin';
import {
  decodeSyncedCheckIns,
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

  constructor(private readonly pageStorage: PageStorage) {
    $effect(() =>
      pageStorage.follow({ area: 'local', keys: [CHECKINS_KEY] }, () => void this.load()),
    );
    $effect(() =>
      pageStorage.follow({ area: 'sync', keys: [CHECKINS_KEY] }, () => void this.load()),
    );
  }

  async load(): Promise<void> {
    const [local, sync] = await Promise.all([
      this.pageStorage.local.get(CHECKINS_KEY),
      this.pageStorage.sync.get(CHECKINS_KEY),
    ]);
    const own = readVersioned(localCheckInsFormat, local[CHECKINS_KEY]).value.checkIns;
    const synced = readVersioned(syncedCheckInsFormat, sync[CHECKINS_KEY]).value;
    this.checkIns = mergeCheckIns(own, decodeSyncedCheckIns(synced));
  }

  async loadPhotos(): Promise<void> {
    this.photos = await listPhotos();
  }

  /** Whether this device keeps the photo of a week's pose. */
  hasPhoto(week: string, pose: string): boolean {
    return this.photos.some((photo) => photo.week === week && photo.pose === pose);
  }
}
