import { useEffect } from 'react';
import { commandFor, type CanvasCommand, type KeyTarget } from './shortcuts';
import { isTextEntry } from '../app/text-entry';

/**
 * Runs the canvas's keyboard shortcuts (see {@link commandFor}) pressed
 * anywhere on the page, except where typing or a dialog owns the keys.
 */
export function useCanvasKeys(run: (command: CanvasCommand) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandFor(event, keyTarget(event.target));
      if (!command) return;
      // Text the person selected on the page (a finding, a detail) copies as text.
      if (command === 'copy' && document.getSelection()?.isCollapsed === false) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);
}

function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement) || target === document.body)
    return { editsText: false, onCanvas: true };
  return {
    // A dialog's keys are its own, as are a form control's.
    editsText:
      isTextEntry(target) ||
      target instanceof HTMLSelectElement ||
      target.closest('dialog') !== null,
    onCanvas: target.closest('.react-flow') !== null,
  };
}
