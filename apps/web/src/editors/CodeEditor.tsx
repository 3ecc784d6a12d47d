import { useEffect, useRef, useState } from 'react';
import { usePrefersDark } from './color-scheme';
import type { monaco as MonacoApi } from './monaco';

type Monaco = typeof MonacoApi;
type Editor = ReturnType<Monaco['editor']['create']>;

/** How long typing pauses before the text is handed on, so autosave sees it without a blur. */
const SETTLE_MILLIS = 800;

export interface CodeEditorProps {
  /** The committed text; it replaces the editor's when it changes from outside (undo, reload). */
  value: string;
  language: 'javascript' | 'python' | 'json' | 'yaml';
  /** Read by screen readers as the editor's name. */
  label: string;
  /** Wrap long lines at the editor's width. @default true */
  wrap?: boolean;
  /**
   * Receives the text when the editor loses focus or typing pauses, so a burst
   * of typing is one change; Monaco's own undo works inside the editor.
   * @default none: the editor is read-only
   */
  onCommit?: (value: string) => void;
}

/**
 * A small Monaco editor for a narrow panel (loaded on first use): long lines
 * wrap, no line numbers or minimap, themed after the system's color scheme.
 * Editable when given `onCommit`, read-only without it.
 */
export function CodeEditor({ value, language, label, wrap = true, onCommit }: CodeEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<{ monaco: Monaco; editor: Editor } | null>(null);
  const [failed, setFailed] = useState<string>();
  const dark = usePrefersDark();
  const latest = useRef({ value, language, label, wrap, dark, onCommit });
  latest.current = { value, language, label, wrap, dark, onCommit };

  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const commit = () => {
      clearTimeout(timer);
      const text = editor.current?.editor.getValue();
      if (text !== undefined && text !== latest.current.value) latest.current.onCommit?.(text);
    };
    Promise.all([import('./monaco'), import('./handler-languages')]).then(
      ([{ monaco }]) => {
        if (disposed || !container.current) return;
        const { value, language, label, wrap, dark } = latest.current;
        const created = monaco.editor.create(container.current, {
          value,
          language,
          ariaLabel: label,
          readOnly: latest.current.onCommit === undefined,
          wordWrap: wrap ? 'on' : 'off',
          theme: dark ? 'vs-dark' : 'vs',
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          lineNumbers: 'off',
          fontSize: 12,
          tabSize: 2,
        });
        editor.current = { monaco, editor: created };
        created.onDidChangeModelContent(() => {
          clearTimeout(timer);
          timer = setTimeout(commit, SETTLE_MILLIS);
        });
        created.onDidBlurEditorText(commit);
      },
      (error: unknown) => setFailed(String(error)),
    );
    return () => {
      disposed = true;
      commit();
      editor.current?.editor.getModel()?.dispose();
      editor.current?.editor.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    const current = editor.current;
    if (!current) return;
    const model = current.editor.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
    if (model) current.monaco.editor.setModelLanguage(model, language);
    current.editor.updateOptions({ ariaLabel: label, wordWrap: wrap ? 'on' : 'off' });
    current.monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [value, language, label, wrap, dark]);

  if (failed) return <p role="alert">The code editor did not load: {failed}</p>;
  // `nokey`: the canvas's key handling (Space pans, Delete removes) skips what is typed here.
  // Monaco types through an EditContext element that xyflow does not take for an input, so
  // without it every space typed in the editor would be swallowed.
  return <div ref={container} className="code-editor nokey" data-testid="code-editor" />;
}
