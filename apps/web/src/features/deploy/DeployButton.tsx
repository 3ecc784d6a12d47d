import { useRef, useState } from 'react';
import { DeployPanel, type DeployPanelProps } from './DeployPanel';

/** The design toolbar's "Deploy" button and the side panel it opens; closing hands focus back. */
export function DeployButton(props: Omit<DeployPanelProps, 'onClose'>) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((was) => !was)}
      >
        Deploy…
      </button>
      {open && (
        <DeployPanel
          {...props}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}
