import { useEffect, useRef, useState } from 'react';

/** How long a notice with an action (Undo) stays: long enough to read it and reach the button. */
export const ACTION_NOTICE_MILLIS = 12_000;
/** How long a plain confirmation stays. */
export const PLAIN_NOTICE_MILLIS = 6_000;

/** A message for the status area; errors stay until dismissed. */
export interface Notice {
  message: string;
  tone: 'info' | 'error';
  /** A button in the notice; `shortcut` in `aria-keyshortcuts` form, when a key does the same. */
  action?: { label: string; run: () => void; shortcut?: string };
}

/** Props of {@link StatusToast}. */
export interface StatusToastProps {
  notice: Notice | undefined;
  onDismiss: () => void;
}

/**
 * The page's status area: always in the document so screen readers announce
 * what appears in it (polite for confirmations, assertive for errors). A
 * notice leaves by itself after a while, but not while the pointer or the
 * focus is on it, so its action stays reachable.
 */
export function StatusToast({ notice, onDismiss }: StatusToastProps) {
  const [held, setHeld] = useState(false);
  const onDismissRef = useRef(onDismiss);
  useEffect(() => {
    onDismissRef.current = onDismiss;
  });
  useEffect(() => {
    if (!notice || notice.tone === 'error' || held) return;
    const timer = window.setTimeout(
      () => onDismissRef.current(),
      notice.action ? ACTION_NOTICE_MILLIS : PLAIN_NOTICE_MILLIS,
    );
    return () => window.clearTimeout(timer);
  }, [notice, held]);

  const toast = notice && (
    <div
      className={`home-toast home-toast-${notice.tone}`}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setHeld(false);
      }}
    >
      <span>{notice.message}</span>
      {notice.action && (
        <button
          type="button"
          className="home-toast-action"
          aria-keyshortcuts={notice.action.shortcut}
          onClick={notice.action.run}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" className="home-toast-dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
  // Both regions stay in the document: a live region announces changes, not its own arrival.
  return (
    <div className="home-toast-area">
      <div role="status" aria-live="polite">
        {notice?.tone === 'info' && toast}
      </div>
      <div role="alert">{notice?.tone === 'error' && toast}</div>
    </div>
  );
}
