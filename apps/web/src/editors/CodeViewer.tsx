import { CodeEditor } from './CodeEditor';

export interface CodeViewerProps {
  value: string;
  language: 'yaml' | 'json';
  /** Read by screen readers as the editor's name. */
  label: string;
}

/** Read-only code in Monaco: a {@link CodeEditor} without `onChange`. */
export function CodeViewer({ value, language, label }: CodeViewerProps) {
  return <CodeEditor value={value} language={language} label={label} />;
}
