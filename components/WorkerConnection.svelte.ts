import { sendMessage } from '../lib/adapters/send-message';
import type { WorkerStatus } from '../lib/messaging/protocol';
import { describeError } from './errors';

/** Asks the background worker how it is; pages show this so a dead worker is visible at once. */
export class WorkerConnection {
  status = $state<WorkerStatus>();
  error = $state<string>();

  async refresh(): Promise<void> {
    try {
      this.status = await sendMessage('getStatus', {});
      this.error = undefined;
    } catch (error) {
      this.error = describeError(error);
    }
  }
}
