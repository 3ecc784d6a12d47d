import { useEffect, useRef, useState } from 'react';
import { usePrefersDark } from './color-scheme';
import type { monaco as MonacoApi } from './monaco';

type Monaco = typeof MonacoApi;
type Editor = ReturnType<Monaco['editor']['create']>;

export interface CodeViewerProps {
  value: string;
  language: 'yaml' | 'json';
  /** Read by screen readers as the editor's name. */
  label: string;
}

/** Read-only code in Monaco (loaded on first use), themed after the system's color scheme. */
export function CodeViewer({ value, language, label }: CodeViewerProps) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<{ monaco: Monaco; editor: Editor } | null>(null);
  const [failed, setFailed] = useState<string>();
  const dark = usePrefersDark();
  const initial = useRef({ value, language, label, dark });

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

  if (failed) return <p role="alert">The code editor did not load: {failed}</p>;
  return <div ref={container} className="code-viewer" data-testid="code-viewer" />;
}
