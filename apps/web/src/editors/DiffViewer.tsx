import { useEffect, useRef, useState } from 'react';
import { usePrefersDark } from './color-scheme';
import type { monaco as MonacoApi } from './monaco';

type Monaco = typeof MonacoApi;
type DiffEditor = ReturnType<Monaco['editor']['createDiffEditor']>;

export interface DiffViewerProps {
  original: string;
  modified: string;
  language: 'yaml' | 'json' | 'typescript' | 'plaintext';
  /** Read by screen readers as the diff editor's name. */
  label: string;
}

/**
 * Two versions of a text side by side in Monaco's diff editor, read-only,
 * themed after the system's color scheme. Monaco's accessible diff viewer
 * (F7 / Shift+F7) walks the changes from the keyboard.
 */
export function DiffViewer({ original, modified, language, label }: DiffViewerProps) {
  const container = useRef<HTMLDivElement>(null);
  const diff = useRef<{ monaco: Monaco; editor: DiffEditor } | null>(null);
  const [failed, setFailed] = useState<string>();
  const [ready, setReady] = useState(false);
  const dark = usePrefersDark();
  // Read once, as the editor is made; the texts and the theme follow below.
  const initial = useRef({ dark, label });

  useEffect(() => {
    let disposed = false;
    import('./monaco').then(
      ({ monaco }) => {
        if (disposed || !container.current) return;
        diff.current = {
          monaco,
          editor: monaco.editor.createDiffEditor(container.current, {
            readOnly: true,
            originalEditable: false,
            ariaLabel: initial.current.label,
            theme: initial.current.dark ? 'vs-dark' : 'vs',
            automaticLayout: true,
            minimap: { enabled: false },
            scrollBeyondLastLine: false,
            renderSideBySide: true,
            // Unchanged stretches fold away; a 20,000-line document shows only what moved.
            hideUnchangedRegions: { enabled: true },
            fontSize: 13,
          }),
        };
        setReady(true);
      },
      (error: unknown) => setFailed(String(error)),
    );
    return () => {
      disposed = true;
      const current = diff.current;
      if (current) {
        const models = current.editor.getModel();
        current.editor.dispose();
        models?.original.dispose();
        models?.modified.dispose();
      }
      diff.current = null;
    };
  }, []);

  useEffect(() => {
    const current = diff.current;
    if (!ready || !current) return;
    const previous = current.editor.getModel();
    current.editor.setModel({
      original: current.monaco.editor.createModel(original, language),
      modified: current.monaco.editor.createModel(modified, language),
    });
    previous?.original.dispose();
    previous?.modified.dispose();
  }, [ready, original, modified, language]);

  useEffect(() => {
    diff.current?.monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

  if (failed) return <p role="alert">The diff editor did not load: {failed}</p>;
  return <div ref={container} className="code-viewer" data-testid="diff-viewer" />;
}
