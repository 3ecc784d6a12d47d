import { useEffect } from 'react';
import { isTextEntry } from '../../app/text-entry';

/**
 * Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z redoes the design's history — except
 * in a text field or the code editor, whose own undo is the one meant there.
 */
export function useHistoryKeys(undo: () => void, redo: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'z')
        return;
      if (isTextEntry(event.target)) return;
      event.preventDefault();
      if (event.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);
}
