/** Page objects: what a user sees and does on each page, named the way a user would. */
import type { Page } from 'playwright-core';

export class ExtensionPage {
  constructor(readonly page: Page) {}

  get workerStatus() {
    return this.page.getByTestId('worker-status');
  }
}

export class PopupPage extends ExtensionPage {
  static readonly path = 'popup.html';
}

export class OptionsPage extends ExtensionPage {
  static readonly path = 'options.html';
}

/** Every page of the extension, at the size a user sees it. */
export const DEMO_PAGES = [
  { name: 'popup', path: PopupPage.path, viewport: { width: 380, height: 600 } },
  { name: 'options', path: OptionsPage.path, viewport: { width: 1000, height: 800 } },
];
