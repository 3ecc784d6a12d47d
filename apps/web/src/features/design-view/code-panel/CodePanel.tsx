import type { ApiModel, Diagnostic, DesignDocument } from '@gatewright/core';
import { useEffect, useState } from 'react';
import { Tabs } from '../../../ui/Tabs';
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
  return (
    <section className="code-panel" aria-label="Code">
      <Tabs
        label="Code views"
        tabs={TABS.map((t) => ({
          id: t.id,
          label:
            t.id === 'problems' ? (
              <>
                {t.label}
                <span className="tab-count"> ({findings.length})</span>
              </>
            ) : (
              t.label
            ),
        }))}
        selected={tab}
        onSelect={setTab}
        panelClassName="tab-panel"
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
      </Tabs>
    </section>
  );
}
