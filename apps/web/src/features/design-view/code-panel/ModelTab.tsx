import { CodeEditor, type CodeMarker } from '../../../editors/CodeEditor';

export interface ModelTabProps {
  modelFile: string;
  modelText: string;
  /** Each change as typed. */
  onModelTextChange: (modelText: string) => void;
  /** What is wrong with the text, at its lines. */
  markers: readonly CodeMarker[];
  /** A line to bring into view (a finding the person asked to see). */
  reveal?: { line: number };
}

/** The model as the user wrote it, editable: the canvas follows it whenever it reads. */
export function ModelTab({
  modelFile,
  modelText,
  onModelTextChange,
  markers,
  reveal,
}: ModelTabProps) {
  return (
    <CodeEditor
      value={modelText}
      onChange={onModelTextChange}
      language={modelFile.endsWith('.json') ? 'json' : 'yaml'}
      label={`Model ${modelFile}`}
      markers={markers}
      {...(reveal ? { reveal } : {})}
      // Kept by file: back from another tab, the editor's own undo still has its history.
      uri={`file:///${modelFile}`}
      testId="model-editor"
    />
  );
}
