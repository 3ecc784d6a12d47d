import { CodeViewer } from '../../../editors/CodeViewer';

export interface ModelTabProps {
  modelFile: string;
  modelText: string;
}

/** The model as the user wrote it. */
export function ModelTab({ modelFile, modelText }: ModelTabProps) {
  return (
    <CodeViewer
      value={modelText}
      language={modelFile.endsWith('.json') ? 'json' : 'yaml'}
      label={`Model ${modelFile} (read-only)`}
    />
  );
}
