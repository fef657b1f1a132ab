/**
 * Whether a page is drawn whole: what a reader would find cut or pushed aside. Used by the
 * pseudo-language layout tests and the tests in real UI languages.
 */
import type { Page } from 'playwright-core';

/** What a reader would find cut or pushed aside on the page as it is drawn now. */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const forScreenReaders = (element: Element) => {
      for (let at: Element | null = element; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.clip.startsWith('rect') || style.clipPath !== 'none') return true;
      }
      return false;
    };
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    if (document.documentElement.scrollWidth > width)
      problems.push(
        `the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`,
      );
    for (const element of document.querySelectorAll('body *')) {
      if (!element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const ownText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
      );
      if (element.matches('input:not([type=checkbox]):not([type=radio]), select') && box.width < 40)
        problems.push(`${name(element)} is ${Math.round(box.width)} px wide`);
      if (!ownText) continue;
      // Text kept for screen readers only is clipped on purpose.
      if (forScreenReaders(element)) continue;
      if (box.right > width + 1 || box.left < -1)
        problems.push(`${name(element)} runs off the side`);
      const style = getComputedStyle(element);
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      if (clips && element.scrollWidth > element.clientWidth + 1)
        problems.push(`${name(element)} is cut (${element.scrollWidth} > ${element.clientWidth})`);
    }
    return problems;
  });
}
