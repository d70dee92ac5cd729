const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Moves focus to the next tabbable element after `from` in document order (the way Tab would
 * if the editor did not use Tab for indentation). Returns false when there is none.
 */
export function focusNextAfter(from: HTMLElement): boolean {
  const all = Array.from(document.querySelectorAll<HTMLElement>(TABBABLE)).filter((el) => el.offsetParent !== null || el === from);
  const next = all.find((el) => el !== from && !from.contains(el) && from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (!next) {
    from.blur();
    return false;
  }
  next.focus();
  return true;
}
