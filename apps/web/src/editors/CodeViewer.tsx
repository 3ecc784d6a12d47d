import { CodeEditor, type CodeEditorProps } from './CodeEditor';

export type CodeViewerProps = Pick<
  CodeEditorProps,
  'value' | 'language' | 'label' | 'highlightLines' | 'reveal' | 'wrap' | 'compact' | 'testId'
>;

/** Read-only code in Monaco: a {@link CodeEditor} without `onChange`. */
export function CodeViewer(props: CodeViewerProps) {
  return <CodeEditor {...props} />;
}
