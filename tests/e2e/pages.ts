/** Page objects: what a user sees and does on each page, named the way a user would. */
import type { Page } from 'playwright-core';

export class ExtensionPage {
  constructor(readonly page: Page) {}

  get workerStatus() {
    return this.page.getByTestId('worker-status');
  }

  /** Sends protocol messages from this page, as its own code would. */
  send(messages: { type: string; data: unknown }[]): Promise<unknown[]> {
    return this.page.evaluate(
      (batch) => Promise.all(batch.map((message) => chrome.runtime.sendMessage(message))),
      messages,
    );
  }
}

export class PopupPage extends ExtensionPage {
  static readonly path = 'popup.html';

  get waterTotal() {
    return this.page.getByTestId('water-total');
  }

  addCupButton(label: string) {
    return this.page.getByRole('button', { name: `+${label}`, exact: true });
  }

  /** Opens the set form (loaded on demand), as a first set of the day does. */
  async openSetForm() {
    await this.page.getByRole('button', { name: /^(Log a set|Other exercise)$/ }).click();
  }

  streak(habit: string) {
    return this.page.getByTestId(`streak-${habit}`);
  }
}

export class OptionsPage extends ExtensionPage {
  static readonly path = 'options.html';

  get foreignCount() {
    return this.page.getByTestId('foreign-count');
  }

  get foreignItems() {
    return this.page.getByTestId('foreign-items');
  }

  get syncResult() {
    return this.page.getByTestId('sync-result');
  }

  get syncNowButton() {
    return this.page.getByRole('button', { name: 'Sync now' });
  }
}

export class ProgressPage extends ExtensionPage {
  static readonly path = 'progress.html';

  habit(name: string) {
    return this.page.getByTestId(`habit-${name}`);
  }
}

/** Every page of the extension, at the size a user sees it. */
export const DEMO_PAGES = [
  { name: 'popup', path: PopupPage.path, viewport: { width: 380, height: 600 } },
  { name: 'options', path: OptionsPage.path, viewport: { width: 1000, height: 800 } },
  { name: 'progress', path: ProgressPage.path, viewport: { width: 1000, height: 800 } },
  {
    name: 'guide-breathing',
    path: 'guide.html?prompt=breathing',
    viewport: { width: 800, height: 700 },
  },
];
