import type { Diagnostic } from '@gatewright/core';
import './model-status.css';

export interface ModelErrorBannerProps {
  /** Findings about the model text as it is now; the first error is the one shown. */
  diagnostics: readonly Diagnostic[];
  /** Brings a line of the model text into view. */
  onShowLine: (line: number) => void;
  /** No version of the text has read yet, so the canvas has nothing to keep. */
  neverRead: boolean;
}

/** The model text does not read: say so, where, and that the canvas shows the last text that did. */
export function ModelErrorBanner({ diagnostics, onShowLine, neverRead }: ModelErrorBannerProps) {
  const error = diagnostics.find((finding) => finding.severity === 'error') ?? diagnostics[0];
  const line = error?.location.line;
  return (
    // Polite, not an alert: while the person types, the text is often briefly broken.
    <div className="model-error-banner" role="status" data-testid="model-error-banner">
      <p>
        <strong>
          {neverRead
            ? 'The model does not load yet — fix it in the Model tab and the canvas shows its operations.'
            : 'The model has errors — the canvas shows the last version that parsed.'}
        </strong>{' '}
        {error && (
          <span data-testid="model-error">
            {line === undefined ? '' : `Line ${line}: `}
            {error.message}
          </span>
        )}
      </p>
      {line !== undefined && (
        <button type="button" onClick={() => onShowLine(line)}>
          Show line {line}
        </button>
      )}
    </div>
  );
}

/** A short message about something that happened on its own (a change loaded from disk). */
export function LiveNotice({ notice }: { notice: string | undefined }) {
  return (
    <span className="live-notice" role="status" aria-live="polite" data-testid="live-notice">
      {notice}
    </span>
  );
}
