import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../../api/api-context';
import { CodeViewer } from '../../editors/CodeViewer';
import { openApiQuery } from '../designs/queries';

const TABS = [
  { id: 'model', label: 'Model' },
  { id: 'openapi', label: 'OpenAPI' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export interface CodePanelProps {
  designId: string;
  revision: string;
  modelFile: string;
  modelText: string;
}

/** The code below the canvas: the model as the user wrote it, and the OpenAPI it renders to. */
export function CodePanel({ designId, revision, modelFile, modelText }: CodePanelProps) {
  const [tab, setTab] = useState<TabId>('model');
  const baseId = useId();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern has it.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (!next) return;
    setTab(next.id);
    tabRefs.current[next.id]?.focus();
  };

  return (
    <section className="code-panel" aria-label="Code">
      <div role="tablist" aria-label="Code views" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(element) => {
              tabRefs.current[t.id] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-${t.id}-tab`}
            aria-selected={tab === t.id}
            aria-controls={`${baseId}-${t.id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-${tab}-panel`}
        aria-labelledby={`${baseId}-${tab}-tab`}
        className="tab-panel"
      >
        {tab === 'model' ? (
          <CodeViewer
            value={modelText}
            language={modelFile.endsWith('.json') ? 'json' : 'yaml'}
            label={`Model ${modelFile} (read-only)`}
          />
        ) : (
          <OpenApiView designId={designId} revision={revision} />
        )}
      </div>
    </section>
  );
}

function OpenApiView({ designId, revision }: { designId: string; revision: string }) {
  const api = useApi();
  const rendered = useQuery(openApiQuery(api, designId, revision, 'yaml'));
  if (rendered.isPending) return <p aria-live="polite">Rendering the OpenAPI document…</p>;
  if (rendered.isError) return <p role="alert">{rendered.error.message}</p>;
  return (
    <CodeViewer
      value={rendered.data}
      language="yaml"
      label="Rendered OpenAPI document (read-only)"
    />
  );
}
