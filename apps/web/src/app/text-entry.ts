/**
 * Whether a key event's target takes typed text (a text field, an editable
 * element, Monaco), where the app's own shortcuts must leave the keys alone.
 * Callers that also keep out of selects or dialogs add those.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target.closest('.monaco-editor') !== null
  );
}
