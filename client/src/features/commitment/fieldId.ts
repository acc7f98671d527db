/**
 * The DOM id of a commitment field, from its path as `missingFields` names it (`linesOfAction.<id>.title`), so a
 * problem in the save panel can link to its field and focus it. Item ids are URL-safe, so the id is too.
 */
export function fieldId(path: string): string {
  return `campo-${path.replaceAll('.', '--')}`;
}

/** Scrolls to a field and puts the caret in it (or on the first control inside it, for a group). */
export function focusField(path: string): void {
  const element = document.getElementById(fieldId(path));
  if (!element) return;
  const target =
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
      ? element
      : (element.querySelector<HTMLElement>('input, textarea, select, button') ?? element);
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.focus({ preventScroll: true });
}

/** Puts the caret in a field that the current change is about to render (an item just added). */
export function focusWhenRendered(path: string): void {
  requestAnimationFrame(() => document.getElementById(fieldId(path))?.focus());
}
