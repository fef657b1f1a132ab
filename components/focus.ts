/**
 * An attachment for a form a control opens: its first field takes the focus once drawn, so a
 * keyboard user is where the form is, not back at the top of the page.
 */
export function focusFirstField(container: HTMLElement): void {
  container.querySelector<HTMLElement>('input, select, textarea')?.focus();
}
