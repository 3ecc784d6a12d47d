import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ModelTab, type ModelTabProps } from './ModelTab';
import { OpenApiTab } from './OpenApiTab';

const TABS = [
  { id: 'model', label: 'Model' },
  { id: 'openapi', label: 'OpenAPI' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export interface CodePanelProps {
  designId: string;
  revision: string;
  /** The Model tab's: the text being edited, its findings, the line to show. */
  model: ModelTabProps;
}

/** The code below the canvas: the model as the user wrote it, and the OpenAPI it renders to. */
export function CodePanel({ designId, revision, model }: CodePanelProps) {
  const [tab, setTab] = useState<TabId>('model');
  const baseId = useId();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  // A line of the model asked for (from the model's error banner) is shown in the Model tab.
  useEffect(() => {
    if (model.reveal) setTab('model');
  }, [model.reveal]);

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
          <ModelTab {...model} />
        ) : (
          <OpenApiTab designId={designId} revision={revision} />
        )}
      </div>
    </section>
  );
}
