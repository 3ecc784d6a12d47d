import { CodeViewer } from '../../../editors/CodeViewer';

export interface ModelTabProps {
  modelFile: string;
  modelText: string;
  /** A line to scroll to, as a finding points at it; each new object is a new request. */
  revealLine?: { line: number };
}

/** The model as the user wrote it. */
export function ModelTab({ modelFile, modelText, revealLine }: ModelTabProps) {
  return (
    <CodeViewer
      value={modelText}
      language={modelFile.endsWith('.json') ? 'json' : 'yaml'}
      label={`Model ${modelFile} (read-only)`}
      {...(revealLine ? { reveal: revealLine } : {})}
    />
  );
}
