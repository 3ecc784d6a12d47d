import { useEffect, useRef } from 'react';
import { SHORTCUT_SECTIONS, platformKeys } from '../../canvas/shortcuts';
import './shortcuts-help.css';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Every keyboard shortcut of the design view, in a modal dialog: Escape or
 * the Close button closes it, and focus goes back where it was.
 */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnTo.current = document.activeElement;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const onDialogClose = () => {
    onClose();
    if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
  };

  return (
    <dialog
      ref={dialog}
      className="shortcuts-help"
      aria-labelledby="shortcuts-help-title"
      onClose={onDialogClose}
    >
      <h2 id="shortcuts-help-title">Keyboard shortcuts</h2>
      {SHORTCUT_SECTIONS.map((section) => (
        <section key={section.title}>
          <h3>{section.title}</h3>
          <dl>
            {section.shortcuts.map((shortcut) => (
              <div key={shortcut.description} className="shortcut">
                <dt>
                  {shortcut.keys.map((keys, index) => (
                    <span key={keys}>
                      {index > 0 && ' or '}
                      <kbd>{platformKeys(keys, MAC)}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{shortcut.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
