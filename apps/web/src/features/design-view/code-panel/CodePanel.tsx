import type { ApiModel, Diagnostic, DesignDocument } from '@gatewright/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CdkTab } from './CdkTab';
import type { CodeReveal } from './code-reveal';
import { ModelTab, type ModelTabProps } from './ModelTab';
import { OpenApiTab } from './OpenApiTab';
import { ProblemsTab } from './ProblemsTab';
import { useLastChange } from './use-last-change';

const TABS = [
  { id: 'model', label: 'Model' },
  { id: 'openapi', label: 'OpenAPI' },
  { id: 'cdk', label: 'CDK' },
  { id: 'problems', label: 'Problems' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export interface CodePanelProps {
  /** The Model tab's: the text being edited and what is wrong with it. */
  modelTab: Omit<ModelTabProps, 'reveal'>;
  model: ApiModel;
  /** The design being edited, saved or not: the outputs are rendered from it. */
  design: DesignDocument;
  /** The validation findings on the model and design. */
  findings: readonly Diagnostic[];
  onChooseFinding: (finding: Diagnostic) => void;
  /** A place to show: switches to its tab and scrolls to it. */
  reveal?: CodeReveal;
}

/**
 * The code below the canvas: the model as the user wrote it, the OpenAPI
 * document and the CDK app it renders to, and the problems found in it.
 */
export function CodePanel({
  modelTab,
  model,
  design,
  findings,
  onChooseFinding,
  reveal,
}: CodePanelProps) {
  const [tab, setTab] = useState<TabId>('model');
  const before = useLastChange({ model, design }, modelTab.modelText);
  useEffect(() => {
    if (reveal) setTab(reveal.tab);
  }, [reveal]);
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
            {t.id === 'problems' && <span className="tab-count"> ({findings.length})</span>}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-${tab}-panel`}
        aria-labelledby={`${baseId}-${tab}-tab`}
        className="tab-panel"
      >
        {tab === 'model' && (
          <ModelTab {...modelTab} {...(reveal?.tab === 'model' ? { reveal } : {})} />
        )}
        {tab === 'openapi' && (
          <OpenApiTab
            model={model}
            design={design}
            {...(before ? { before } : {})}
            {...(reveal?.tab === 'openapi' ? { reveal } : {})}
          />
        )}
        {tab === 'cdk' && <CdkTab model={model} design={design} />}
        {tab === 'problems' && <ProblemsTab findings={findings} onChoose={onChooseFinding} />}
      </div>
    </section>
  );
}
