/**
 * Page objects: what a user sees and does on each page, named the way a user would. The
 * targets (`POPUP`, `OPTIONS`, ...) say how a user finds each thing (its role and name, its
 * label, or a test id) and are shared with the Firefox suite (tests/firefox/pages.ts); the
 * classes here find them with playwright-core.
 */
import type { Locator, Page } from 'playwright-core';
import { BATCH, batched, type Envelope, type Reply } from '../../lib/messaging/wire';

/** How a user finds something on a page. */
export type Target =
  | { testId: string }
  | { role: 'button' | 'heading'; name: string | RegExp; exact?: boolean }
  | { label: string }
  | { placeholder: string }
  | { text: string };

const button = (name: string | RegExp): Target => ({ role: 'button', name });

export const POPUP = {
  path: 'popup.html',
  waterTotal: { testId: 'water-total' },
  addCup: (label: string): Target => ({ role: 'button', name: `+${label}`, exact: true }),
  undo: button('Undo'),
  otherAmount: { label: 'Other amount (ml)' },
  streak: (habit: string): Target => ({ testId: `streak-${habit}` }),
  count: (kind: string): Target => ({ testId: `${kind}-count` }),
  searchExercises: { label: 'Search exercises' },
  reps: { label: 'Reps' },
  weight: { label: 'Weight (kg)' },
  openQuickSet: { role: 'button', name: 'Log a set', exact: true },
  logSet: button('Log set'),
  closeQuickSet: { role: 'button', name: 'Close', exact: true },
  setFeedback: { testId: 'set-feedback' },
  recordBanner: { testId: 'record-banner' },
  repeat: (set: string) => button(new RegExp(`^Repeat ${set}`)),
  todayLog: { testId: 'today-log' },
  workoutToday: { testId: 'workout-today' },
  restDay: { role: 'button', name: 'Rest day', exact: true },
  pauseMenu: { text: 'Pause' },
  pauseFor: (choice: string) => button(choice),
  resume: button('Resume'),
  nudgeStatus: { testId: 'nudge-status' },
} satisfies Record<string, Target | string | ((...args: string[]) => Target)>;

export const OPTIONS = {
  path: 'options.html',
  heading: { role: 'heading', name: 'Backbone settings' },
  postureEvery: { testId: 'every-posture' },
  /** What a group of fields says of its last change: "Saved", or why not. */
  saved: (group: string): Target => ({ testId: `saved-${group}` }),
  bodyWeight: { label: 'Body weight (kg), for a suggested water goal' },
  exportJson: button('Export everything (JSON)'),
  importFile: { label: 'Import a Backbone export' },
  importPreview: { testId: 'import-preview' },
  replaceAll: button(/^Replace everything with this file/),
  resetAll: button('Reset all data'),
  confirmReset: button('Yes, delete all my data'),
  dataMessage: { testId: 'data-message' },
} satisfies Record<string, Target | string | ((...args: string[]) => Target)>;

export const PROGRESS = {
  path: 'progress.html',
  habit: (name: string): Target => ({ testId: `habit-${name}` }),
  records: { testId: 'records' },
} satisfies Record<string, Target | string | ((...args: string[]) => Target)>;

export const GUIDE = {
  path: (kind: string) => `guide.html?prompt=${kind}`,
  done: button('Done'),
  water: { testId: 'guide-water' },
  result: { testId: 'guide-result' },
};

export function locate(page: Page, target: Target): Locator {
  if ('testId' in target) return page.getByTestId(target.testId);
  if ('role' in target) {
    return page.getByRole(target.role, { name: target.name, exact: target.exact ?? false });
  }
  if ('label' in target) return page.getByLabel(target.label, { exact: true });
  if ('text' in target) return page.getByText(target.text, { exact: true });
  return page.getByPlaceholder(target.placeholder);
}

/** The options page's line about the last export, import, reset or restore. */
export function dataMessage(page: Page): Promise<string | null> {
  return locate(page, OPTIONS.dataMessage).textContent();
}

/** Chooses this text as the file to import on the options page, as a user picks a file. */
export async function chooseImportFile(
  page: Page,
  text: string,
  name = 'backup.json',
  options: { timeout?: number } = {},
): Promise<void> {
  await locate(page, OPTIONS.importFile).setInputFiles(
    { name, mimeType: 'application/json', buffer: Buffer.from(text) },
    options,
  );
}

export class ExtensionPage {
  constructor(readonly page: Page) {}

  get workerStatus() {
    return this.page.getByTestId('worker-status');
  }

  /** Sends protocol messages from this page, each as a message of its own. */
  send(messages: Envelope[]): Promise<unknown[]> {
    return this.page.evaluate(
      (batch) => Promise.all(batch.map((message) => chrome.runtime.sendMessage(message))),
      messages,
    );
  }

  /**
   * Sends protocol messages from this page as its own code does when it sends them in one task:
   * put on the wire as lib/adapters/send-message.ts puts them, each answered on its own.
   */
  async sendTogether(messages: Envelope[]): Promise<unknown[]> {
    const wire = batched(messages, (message) => message).map(({ message }) => message);
    const replies = await this.send(wire);
    return wire.flatMap((message, index) => {
      const reply = replies[index] as Reply<unknown[]>;
      if (message.type !== BATCH) return [reply];
      if (!reply.ok) throw new Error(`Batch refused: ${JSON.stringify(reply.error)}`);
      return reply.value;
    });
  }
}

export class PopupPage extends ExtensionPage {
  static readonly path = POPUP.path;

  get waterTotal() {
    return locate(this.page, POPUP.waterTotal);
  }

  addCupButton(label: string) {
    return locate(this.page, POPUP.addCup(label));
  }

  /** Opens the set form (loaded on demand), as a first set of the day does. */
  async openSetForm() {
    await this.page.getByRole('button', { name: /^(Log a set|Other exercise)$/ }).click();
  }

  streak(habit: string) {
    return locate(this.page, POPUP.streak(habit));
  }
}

export class OptionsPage extends ExtensionPage {
  static readonly path = OPTIONS.path;

  get foreignCount() {
    return this.page.getByTestId('foreign-count');
  }

  get foreignItems() {
    return this.page.getByTestId('foreign-items');
  }

  get syncResult() {
    return this.page.getByTestId('sync-result');
  }

  /** Opens Advanced's sync details, collapsed at first, and asks for a sync. */
  async syncNow() {
    await this.page.getByText('Sync and storage', { exact: true }).click();
    await this.page.getByRole('button', { name: 'Sync now' }).click();
  }
}

export class ProgressPage extends ExtensionPage {
  static readonly path = PROGRESS.path;

  habit(name: string) {
    return locate(this.page, PROGRESS.habit(name));
  }
}

/** Every page of the extension, at the size a user sees it. */
export const DEMO_PAGES = [
  { name: 'popup', path: PopupPage.path, viewport: { width: 380, height: 600 } },
  { name: 'options', path: OptionsPage.path, viewport: { width: 1000, height: 800 } },
  { name: 'progress', path: ProgressPage.path, viewport: { width: 1000, height: 800 } },
  { name: 'welcome', path: 'welcome.html', viewport: { width: 1000, height: 900 } },
  {
    name: 'guide-breathing',
    path: GUIDE.path('breathing'),
    viewport: { width: 800, height: 700 },
  },
];
