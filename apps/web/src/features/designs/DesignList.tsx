import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { CreateDesignDialog, type CreateSource } from './CreateDesignDialog';
import { CreateMenu } from './CreateMenu';
import { DesignTable } from './DesignTable';
import { displayName } from './design-names';
import { FILTER_THRESHOLD, byLastChange, filterDesigns } from './design-order';
import { readModelFile } from './model-file';
import {
  deleteDesignMutation,
  designListQuery,
  restoreDesignMutation,
  type DesignSummary,
  type TrashEntry,
} from './queries';
import { describeListedWriteRefusal } from './refusal';
import { RenameDialog } from './RenameDialog';
import { StatusToast, type Notice } from './StatusToast';
import { useFileDrop } from './use-file-drop';
import './home.css';

/**
 * Home: the workspace's designs, most recently changed first, each with its
 * size, its completeness and when it last changed; creating one (upload, drop
 * a file anywhere on the page, paste, the sample), renaming and deleting with undo.
 */
export function DesignList() {
  const api = useApi();
  const queryClient = useQueryClient();
  const designs = useQuery(designListQuery(api));
  const remove = useMutation(deleteDesignMutation(api, queryClient));
  const restore = useMutation(restoreDesignMutation(api, queryClient));
  const [creating, setCreating] = useState<CreateSource>();
  const [renaming, setRenaming] = useState<DesignSummary>();
  const [filter, setFilter] = useState('');
  // Pasted text survives Cancel and Escape: the next "Paste a model…" starts from it.
  const [pasteDraft, setPasteDraft] = useState('');
  const [notice, setNotice] = useState<Notice>();
  const toastArea = useRef<HTMLDivElement>(null);
  const filterId = useId();

  const takenIds = useMemo(() => new Set(designs.data?.map((d) => d.id)), [designs.data]);
  const sorted = useMemo(() => byLastChange(designs.data ?? []), [designs.data]);
  const shown = useMemo(() => filterDesigns(sorted, filter), [sorted, filter]);

  const openFile = useCallback(
    async (file: File) => {
      const read = await readModelFile(file);
      if (!read.ok) {
        setNotice({ tone: 'error', message: read.message });
        return;
      }
      setNotice(undefined);
      setCreating({ kind: 'text', fileName: read.fileName, text: read.text });
    },
    [setNotice],
  );

  const dialogOpen = creating !== undefined || renaming !== undefined;
  const dragging = useFileDrop((files) => {
    const [file] = files;
    if (files.length !== 1 || !file) {
      setNotice({
        tone: 'error',
        message: `You dropped ${files.length} files; drop one model file (.yaml, .yml or .json) at a time.`,
      });
      return;
    }
    void openFile(file);
  }, !dialogOpen);

  const undoDelete = useCallback(
    (entry: TrashEntry) => {
      // Replaces the notice and its Undo button, so a second press cannot restore twice.
      setNotice({ tone: 'info', message: `Restoring ${displayName(entry)}…` });
      restore.mutate(entry, {
        onSuccess: () => setNotice({ tone: 'info', message: `Restored ${displayName(entry)}.` }),
        onError: (error) =>
          setNotice({
            tone: 'error',
            message: `${displayName(entry)} was not restored: ${error.message}`,
          }),
      });
    },
    [restore, setNotice],
  );

  const deleteDesign = useCallback(
    (design: DesignSummary) => {
      remove.mutate(design, {
        onSuccess: (entry) => {
          setNotice({
            tone: 'info',
            message: `Deleted ${displayName(design)} (${design.id}).`,
            action: { label: 'Undo', run: () => undoDelete(entry), shortcut: 'Control+Z Meta+Z' },
          });
        },
        onError: (error) =>
          setNotice({
            tone: 'error',
            message: `${displayName(design)} was not deleted. ${describeListedWriteRefusal(error, displayName(design))}`,
          }),
      });
    },
    [remove, setNotice, undoDelete],
  );

  // Ctrl/Cmd+Z undoes the deletion while its notice shows, unless a field has the key.
  useEffect(() => {
    const action = notice?.action;
    if (!action) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, [contenteditable="true"]');
      if (typing || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.key !== 'z')
        return;
      event.preventDefault();
      action.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [notice]);

  // The deleted row took the focus with it: hand it to the Undo button, one Tab from nothing.
  useEffect(() => {
    if (notice?.action)
      toastArea.current?.querySelector<HTMLElement>('.home-toast-action')?.focus();
  }, [notice]);

  return (
    <main className={dragging ? 'home home-dragging' : 'home'}>
      <header className="home-header">
        <h1>Designs</h1>
        <CreateMenu
          onFile={(file) => void openFile(file)}
          onPaste={() => setCreating({ kind: 'text', text: pasteDraft })}
          onSample={() => setCreating({ kind: 'sample' })}
        />
      </header>
      <p className="muted home-drop-hint">
        Or drop a model file (.yaml, .yml, .json) anywhere on this page.
      </p>

      {designs.isPending && <p aria-live="polite">Loading the workspace…</p>}
      {designs.isError && (
        <div role="alert" className="home-error">
          <p>The designs did not load: {designs.error.message}</p>
          <button type="button" onClick={() => void designs.refetch()}>
            Try again
          </button>
        </div>
      )}
      {designs.data?.length === 0 && (
        <section className="home-empty" aria-labelledby="home-empty-title">
          <h2 id="home-empty-title">No designs in this workspace yet</h2>
          <p>
            Start from your API&rsquo;s OpenAPI 3 or Swagger 2 description: upload it, drop it on
            this page or paste it, with the buttons above. Or copy the pet store sample to see a
            finished design.
          </p>
        </section>
      )}
      {designs.data && designs.data.length >= FILTER_THRESHOLD && (
        <div className="home-filter">
          <label htmlFor={filterId}>Filter designs</label>
          <input
            id={filterId}
            type="search"
            value={filter}
            placeholder="Name or file"
            onChange={(event) => setFilter(event.target.value)}
          />
          <span className="muted" aria-live="polite">
            {filter.trim() === '' ? '' : `${shown.length} of ${sorted.length} shown`}
          </span>
        </div>
      )}
      {designs.data && designs.data.length > 0 && (
        <DesignTable
          designs={shown}
          filter={filter}
          onRename={setRenaming}
          onDelete={deleteDesign}
        />
      )}

      {dragging && (
        <div className="home-drop-zone" aria-hidden="true">
          <p>Drop the model file to create a design from it</p>
        </div>
      )}
      {creating && (
        <CreateDesignDialog
          source={creating}
          takenIds={takenIds}
          onClose={(text) => {
            if (creating.kind === 'text' && creating.fileName === undefined) setPasteDraft(text);
            setCreating(undefined);
          }}
        />
      )}
      {renaming && (
        <RenameDialog
          design={renaming}
          takenIds={takenIds}
          onClose={() => setRenaming(undefined)}
          onRenamed={(summary) => {
            setRenaming(undefined);
            setNotice({ tone: 'info', message: summary });
          }}
        />
      )}
      <div ref={toastArea}>
        <StatusToast notice={notice} onDismiss={() => setNotice(undefined)} />
      </div>
    </main>
  );
}
