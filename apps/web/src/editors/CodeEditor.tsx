import { useEffect, useRef, useState } from 'react';
import { usePrefersDark } from './color-scheme';
import type { monaco as MonacoApi } from './monaco';

type Monaco = typeof MonacoApi;
type Editor = ReturnType<Monaco['editor']['create']>;

/** A finding shown in the editor's gutter and under its text. */
export interface CodeMarker {
  /** 1-based. */
  line: number;
  /** 1-based; the whole line when absent. */
  column?: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** The languages the bundled Monaco highlights (see monaco.ts). */
export type CodeLanguage = 'yaml' | 'json' | 'typescript' | 'javascript' | 'python' | 'plaintext';

export interface CodeEditorProps {
  value: string;
  language: CodeLanguage;
  /** Read by screen readers as the editor's name. */
  label: string;
  /** Each change as typed (or, with `settleMillis`, once typing pauses); absent, the editor is read-only. */
  onChange?: (value: string) => void;
  /**
   * Hands the text on only once typing pauses this long or the editor loses
   * focus, so a burst of typing is one change (one undo step where each change
   * is one). @default every change at once
   */
  settleMillis?: number;
  /**
   * 1-based lines to mark as changed; the view scrolls to the first when they change.
   * @default none
   */
  highlightLines?: readonly number[];
  /** For a narrow panel: no line numbers, smaller text, long lines wrapped. @default false */
  compact?: boolean;
  /** Wrap long lines at the editor's width. @default `compact` */
  wrap?: boolean;
  markers?: readonly CodeMarker[];
  /** A line to scroll to and put the cursor on; a new object asks again for the same line. */
  reveal?: { line: number };
  /**
   * Names the text (e.g. `file:///designs/a/openapi.yaml`) so that it outlives
   * the editor: shown again (another tab and back), it keeps its undo history.
   * Without one, the text goes with the editor.
   */
  uri?: string;
  /** Its own test id, beside the class that sizes it. @default 'code-viewer' */
  testId?: string;
}

// Markers from one owner replace each other; Monaco's own (JSON) markers keep theirs.
const MARKER_OWNER = 'gatewright';

// Requests already carried out: an editor shown again (another tab and back) does not jump again.
const revealed = new WeakSet<object>();

/**
 * Code in Monaco (loaded on first use), themed after the system's color
 * scheme. Editable when given `onChange`: a new `value` from outside (undo in
 * the app, a reload) is applied as an edit, so Monaco's own undo still works.
 */
export function CodeEditor({
  value,
  language,
  label,
  onChange,
  markers,
  reveal,
  uri,
  settleMillis,
  highlightLines,
  compact = false,
  wrap = compact,
  testId = 'code-viewer',
}: CodeEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<{ monaco: Monaco; editor: Editor }>();
  const [failed, setFailed] = useState<string>();
  const dark = usePrefersDark();
  const readOnly = onChange === undefined;
  const initial = useRef({ value, language, label, dark, readOnly, uri, compact, wrap });
  initial.current = { value, language, label, dark, readOnly, uri, compact, wrap };
  const settle = useRef(settleMillis);
  settle.current = settleMillis;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // Set while a value from outside is being applied: that is not the person typing.
  const applying = useRef(false);

  useEffect(() => {
    let disposed = false;
    let created: Editor | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The text not yet handed on (with settleMillis), handed on at a pause, on blur and on unmount.
    let pending: string | undefined;
    const handOn = () => {
      clearTimeout(timer);
      if (pending === undefined) return;
      const text = pending;
      pending = undefined;
      onChangeRef.current?.(text);
    };
    import('./monaco').then(
      ({ monaco }) => {
        if (disposed || !container.current) return;
        const { value, language, label, dark, readOnly, uri, compact, wrap } = initial.current;
        const name = uri === undefined ? undefined : monaco.Uri.parse(uri);
        const kept = name && monaco.editor.getModel(name);
        created = monaco.editor.create(container.current, {
          // A kept text that differs from `value` is brought up to date by the effect below, as an edit.
          model: kept ?? monaco.editor.createModel(value, language, name),
          readOnly,
          ariaLabel: label,
          theme: dark ? 'vs-dark' : 'vs',
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: compact ? 12 : 13,
          lineNumbers: compact ? 'off' : 'on',
          wordWrap: wrap ? 'on' : 'off',
        });
        const typed = created;
        typed.onDidChangeModelContent(() => {
          if (applying.current) return;
          pending = typed.getValue();
          if (settle.current === undefined) return handOn();
          clearTimeout(timer);
          timer = setTimeout(handOn, settle.current);
        });
        typed.onDidBlurEditorText(handOn);
        setEditor({ monaco, editor: created });
      },
      (error: unknown) => setFailed(String(error)),
    );
    return () => {
      disposed = true;
      handOn();
      if (initial.current.uri === undefined) created?.getModel()?.dispose();
      created?.dispose();
    };
  }, []);

  useEffect(() => {
    if (!editor) return;
    const model = editor.editor.getModel();
    if (!model) return;
    if (model.getValue() !== value) {
      applying.current = true;
      try {
        // Monaco refuses edits in a read-only editor; a viewer has no undo to keep.
        if (readOnly) model.setValue(value);
        else {
          // One edit over the whole text, on Monaco's undo stack (setValue would clear it).
          editor.editor.executeEdits('gatewright', [
            { range: model.getFullModelRange(), text: value },
          ]);
          editor.editor.pushUndoStop();
        }
      } finally {
        applying.current = false;
      }
    }
    editor.monaco.editor.setModelLanguage(model, language);
    editor.editor.updateOptions({ readOnly, ariaLabel: label, wordWrap: wrap ? 'on' : 'off' });
    editor.monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [editor, value, language, label, dark, readOnly, wrap]);

  useEffect(() => {
    if (!editor) return;
    const model = editor.editor.getModel();
    if (!model) return;
    const { MarkerSeverity } = editor.monaco;
    const severity = {
      error: MarkerSeverity.Error,
      warning: MarkerSeverity.Warning,
      info: MarkerSeverity.Info,
    };
    editor.monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      (markers ?? []).map((marker) => {
        const line = Math.min(Math.max(marker.line, 1), model.getLineCount());
        return {
          severity: severity[marker.severity],
          message: marker.message,
          startLineNumber: line,
          startColumn: marker.column ?? Math.max(1, model.getLineFirstNonWhitespaceColumn(line)),
          endLineNumber: line,
          endColumn: model.getLineMaxColumn(line),
        };
      }),
    );
  }, [editor, markers, value]);

  useEffect(() => {
    if (!editor || !reveal || revealed.has(reveal)) return;
    revealed.add(reveal);
    editor.editor.revealLineInCenter(reveal.line);
    editor.editor.setPosition({ lineNumber: reveal.line, column: 1 });
    // Straight to the place to fix, from the keyboard too.
    editor.editor.focus();
  }, [editor, reveal]);

  useEffect(() => {
    if (!editor || !highlightLines || highlightLines.length === 0) return;
    const { monaco } = editor;
    const decorations = editor.editor.createDecorationsCollection(
      highlightLines.map((line) => ({
        range: new monaco.Range(line, 1, line, 1),
        options: {
          isWholeLine: true,
          className: 'code-changed-line',
          linesDecorationsClassName: 'code-changed-gutter',
          overviewRuler: { color: '#2f9e44', position: monaco.editor.OverviewRulerLane.Left },
        },
      })),
    );
    editor.editor.revealLineInCenterIfOutsideViewport(highlightLines[0]!);
    return () => decorations.clear();
  }, [editor, highlightLines, value]);

  if (failed) return <p role="alert">The code editor did not load: {failed}</p>;
  // `nokey`: the canvas's key handling (Space pans, Delete removes) skips what is typed here.
  // Monaco types through an EditContext element that xyflow does not take for an input, so
  // without it every space typed in an editor would be swallowed.
  return (
    <div
      ref={container}
      className={`${compact ? 'code-editor' : 'code-viewer'} nokey`}
      data-testid={testId}
    />
  );
}
