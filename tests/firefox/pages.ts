/**
 * The Chromium suite's page targets (tests/e2e/pages.ts), found in Firefox with puppeteer-core.
 * Finding runs in the page, by the same rules for every target: a test id, a label's control,
 * a placeholder, or a button or heading by its accessible name.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Target } from '../e2e/pages';

type SerialTarget =
  | { testId: string }
  | { role: string; name: string | { source: string; flags: string } }
  | { label: string }
  | { placeholder: string };

function serial(target: Target): SerialTarget {
  if ('role' in target && target.name instanceof RegExp) {
    return { role: target.role, name: { source: target.name.source, flags: target.name.flags } };
  }
  return target as SerialTarget;
}

/** Runs in the page: the element a target names, or null. */
function findInPage(target: SerialTarget): Element | null {
  const text = (element: Element) =>
    (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
  if ('testId' in target) return document.querySelector(`[data-testid="${target.testId}"]`);
  if ('placeholder' in target) {
    return document.querySelector(`[placeholder="${target.placeholder}"]`);
  }
  if ('label' in target) {
    const label = [...document.querySelectorAll('label')].find(
      (candidate) => text(candidate) === target.label,
    );
    return label?.control ?? document.querySelector(`[aria-label="${target.label}"]`);
  }
  const selector = target.role === 'button' ? 'button, [role="button"]' : 'h1, h2, h3, h4';
  const { name } = target;
  const matches =
    typeof name === 'string'
      ? (value: string) => value === name
      : (value: string) => new RegExp(name.source, name.flags).test(value);
  return [...document.querySelectorAll(selector)].find((element) => matches(text(element))) ?? null;
}

export class FirefoxPage {
  constructor(readonly page: Page) {}

  /** The element, waiting for it to appear. */
  async find(target: Target): Promise<ElementHandle<Element>> {
    const handle = await this.page.waitForFunction(findInPage, {}, serial(target));
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (!element) throw new Error(`Not found: ${JSON.stringify(target)}`);
    return element;
  }

  /** Its text now, or undefined while it is not there: for `expect.poll`. */
  async text(target: Target): Promise<string | undefined> {
    const handle = await this.page.evaluateHandle(findInPage, serial(target));
    try {
      return await this.page.evaluate(
        (element: Element | null) => element?.textContent ?? undefined,
        handle,
      );
    } finally {
      await handle.dispose();
    }
  }

  async click(target: Target): Promise<void> {
    await (await this.find(target)).click();
  }

  /** Replaces what a field holds by typing, as a user would. */
  async fill(target: Target, value: string): Promise<void> {
    const field = await this.find(target);
    await field.evaluate((element) => {
      (element as HTMLInputElement).focus();
      (element as HTMLInputElement).select();
    });
    if (value) await this.page.keyboard.type(value);
    else await this.page.keyboard.press('Backspace');
  }

  /** Chooses a file in a file field, as the file dialog would. */
  async upload(target: Target, path: string): Promise<void> {
    await ((await this.find(target)) as ElementHandle<HTMLInputElement>).uploadFile(path);
  }
}
