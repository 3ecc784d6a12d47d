import { useId, useRef } from 'react';
import { MODEL_EXTENSIONS } from './design-names';

/** Props of {@link CreateMenu}. */
export interface CreateMenuProps {
  /** A file chosen in the file picker. */
  onFile: (file: File) => void;
  onPaste: () => void;
  onSample: () => void;
}

/** The ways to create a design: upload a file, paste a model, copy the sample. */
export function CreateMenu({ onFile, onPaste, onSample }: CreateMenuProps) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  return (
    <div className="home-create" role="group" aria-label="Create a design">
      {/* The input stays out of sight and out of the tab order; the button opens it. */}
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={MODEL_EXTENSIONS.join(',')}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Model file to upload"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so choosing the same file again still reports a change.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <button type="button" className="primary" onClick={() => input.current?.click()}>
        Upload a model…
      </button>
      <button type="button" onClick={onPaste}>
        Paste a model…
      </button>
      <button type="button" onClick={onSample}>
        Copy the sample…
      </button>
    </div>
  );
}
