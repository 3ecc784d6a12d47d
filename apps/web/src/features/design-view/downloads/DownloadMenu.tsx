import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiClient } from '../../../api/client';
import type { SaveStatus } from '../use-autosave';
import {
  EXPORT_LABELS,
  fetchExport,
  saveFile,
  type ExportKind,
  type ExportResult,
} from './exports';
import './downloads.css';

const KINDS = Object.keys(EXPORT_LABELS) as ExportKind[];

export interface DownloadMenuProps {
  api: ApiClient;
  designId: string;
  /** Where autosave stands: exports are of the saved revision, so a pending save goes first. */
  saveStatus: SaveStatus;
}

type Progress =
  | { state: 'idle' }
  | { state: 'waiting-for-save' | 'fetching'; kind: ExportKind }
  | { state: 'refused'; kind: ExportKind; result: Extract<ExportResult, { ok: false }> }
  | { state: 'blocked'; message: string }
  | { state: 'done'; fileName: string };

/**
 * The design toolbar's Download menu (WAI-ARIA menu button): the OpenAPI
 * document as JSON or YAML and the CDK app as a zip, exported by the server
 * from the saved revision. A change not yet saved is saved first; a design the
 * server refuses to export shows the server's findings.
 */
export function DownloadMenu({ api, designId, saveStatus }: DownloadMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  // A click anywhere else closes the menu, as menus do.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const run = async (kind: ExportKind) => {
    setProgress({ state: 'fetching', kind });
    try {
      const result = await fetchExport(api, designId, kind);
      if (result.ok) {
        saveFile(result.fileName, result.blob);
        setProgress({ state: 'done', fileName: result.fileName });
      } else {
        setProgress({ state: 'refused', kind, result });
      }
    } catch (error) {
      setProgress({ state: 'blocked', message: `The download failed: ${String(error)}` });
    }
  };

  // Once the pending save lands, the export it waited for goes ahead.
  useEffect(() => {
    if (progress.state !== 'waiting-for-save') return;
    if (saveStatus === 'saved') void run(progress.kind);
    else if (saveStatus === 'conflict' || saveStatus === 'failed') {
      setProgress({
        state: 'blocked',
        message:
          'Save first: the latest changes are not saved, and a download is of the saved design.',
      });
    }
  }, [saveStatus, progress]);

  const choose = (kind: ExportKind) => {
    setOpen(false);
    button.current?.focus();
    if (saveStatus === 'saved') void run(kind);
    else if (saveStatus === 'unsaved' || saveStatus === 'saving') {
      setProgress({ state: 'waiting-for-save', kind });
    } else {
      setProgress({
        state: 'blocked',
        message:
          'Save first: the latest changes are not saved (see the save status), and a download is of the saved design.',
      });
    }
  };

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(KINDS.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const last = KINDS.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="download-menu" ref={root}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        Download ▾
      </button>
      {open && (
        <ul id={menuId} role="menu" aria-label="Download" onKeyDown={onMenuKeyDown}>
          {KINDS.map((kind, index) => (
            <li key={kind} role="none">
              <button
                ref={(element) => {
                  items.current[index] = element;
                }}
                type="button"
                role="menuitem"
                tabIndex={index === active ? 0 : -1}
                onClick={() => choose(kind)}
              >
                {EXPORT_LABELS[kind]}
              </button>
            </li>
          ))}
        </ul>
      )}
      <DownloadProgress progress={progress} onDismiss={() => setProgress({ state: 'idle' })} />
    </div>
  );
}

function DownloadProgress({ progress, onDismiss }: { progress: Progress; onDismiss: () => void }) {
  switch (progress.state) {
    case 'idle':
      return <span className="download-status" role="status" />;
    case 'waiting-for-save':
      return (
        <span className="download-status" role="status">
          Saving first, then downloading {EXPORT_LABELS[progress.kind]}…
        </span>
      );
    case 'fetching':
      return (
        <span className="download-status" role="status">
          Preparing {EXPORT_LABELS[progress.kind]}…
        </span>
      );
    case 'done':
      return (
        <span className="download-status" role="status">
          Downloaded {progress.fileName}
        </span>
      );
    case 'blocked':
      return (
        <div className="download-problems" role="alert">
          <p>{progress.message}</p>
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      );
    case 'refused':
      return (
        <div className="download-problems" role="alert" aria-label="Download refused">
          <p>
            {EXPORT_LABELS[progress.kind]} was not exported. {progress.result.message}
          </p>
          {progress.result.findings.length > 0 && (
            <ul>
              {progress.result.findings.map((finding, index) => (
                <li key={index}>
                  {finding.location.operation !== undefined && (
                    <strong>{finding.location.operation}: </strong>
                  )}
                  {finding.message}
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      );
  }
}
