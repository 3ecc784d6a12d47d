import { useEffect, useRef, useState } from 'react';
import { usePrefersDark } from './color-scheme';
import type { monaco as MonacoApi } from './monaco';

type Monaco = typeof MonacoApi;
type Editor = ReturnType<Monaco['editor']['create']>;

export interface CodeViewerProps {
  value: string;
  language: 'yaml' | 'json' | 'typescript' | 'plaintext';
  /** Read by screen readers as the editor's name. */
  label: string;
  /**
   * 1-based lines to mark as changed; the view scrolls to the first when they change.
   * @default none
   */
  highlightLines?: readonly number[];
  /**
   * A line to scroll to and put the cursor on; each new object is a new request.
   * @default none
   */
  reveal?: { line: number };
}

/** Read-only code in Monaco (loaded on first use), themed after the system's color scheme. */
export function CodeViewer({ value, language, label, highlightLines, reveal }: CodeViewerProps) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<{ monaco: Monaco; editor: Editor } | null>(null);
  const [failed, setFailed] = useState<string>();
  const dark = usePrefersDark();
  const initial = useRef({ value, language, label, dark });
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    import('./monaco').then(
      ({ monaco }) => {
        if (disposed || !container.current) return;
        const { value, language, label, dark } = initial.current;
        editor.current = {
          monaco,
          editor: monaco.editor.create(container.current, {
            value,
            language,
            readOnly: true,
            ariaLabel: label,
            theme: dark ? 'vs-dark' : 'vs',
            automaticLayout: true,
            minimap: { enabled: false },
            scrollBeyondLastLine: false,
            fontSize: 13,
          }),
        };
        setReady(true);
      },
      (error: unknown) => setFailed(String(error)),
    );
    return () => {
      disposed = true;
      editor.current?.editor.getModel()?.dispose();
      editor.current?.editor.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    initial.current = { value, language, label, dark };
    const current = editor.current;
    if (!current) return;
    const model = current.editor.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
    if (model) current.monaco.editor.setModelLanguage(model, language);
    current.monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [value, language, label, dark]);

  useEffect(() => {
    const current = editor.current;
    if (!ready || !current || !highlightLines || highlightLines.length === 0) return;
    const decorations = current.editor.createDecorationsCollection(
      highlightLines.map((line) => ({
        range: new current.monaco.Range(line, 1, line, 1),
        options: {
          isWholeLine: true,
          className: 'code-changed-line',
          linesDecorationsClassName: 'code-changed-gutter',
          overviewRuler: {
            color: '#2f9e44',
            position: current.monaco.editor.OverviewRulerLane.Left,
          },
        },
      })),
    );
    current.editor.revealLineInCenterIfOutsideViewport(highlightLines[0]!);
    return () => decorations.clear();
  }, [ready, highlightLines, value]);

  useEffect(() => {
    const current = editor.current;
    if (!ready || !current || !reveal) return;
    current.editor.revealLineNearTop(reveal.line);
    current.editor.setPosition({ lineNumber: reveal.line, column: 1 });
  }, [ready, reveal]);

  if (failed) return <p role="alert">The code editor did not load: {failed}</p>;
  return <div ref={container} className="code-viewer" data-testid="code-viewer" />;
}
