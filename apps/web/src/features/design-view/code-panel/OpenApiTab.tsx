import type { ApiModel, DesignDocument } from '@gatewright/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { CodeViewer } from '../../../editors/CodeViewer';
import { DiffViewer } from '../../../editors/DiffViewer';
import type { CodeReveal } from './code-reveal';
import { diffLines } from './line-diff';
import { changedPlaces, summarizeChanges } from './openapi-changes';
import { lineOfOperation } from './operation-line';
import { renderedOpenApi, type OpenApiFormat } from './rendered-openapi';
import type { OutputInputs } from './use-last-change';
import './outputs.css';

export interface OpenApiTabProps {
  model: ApiModel;
  /** The design being edited, saved or not. */
  design: DesignDocument;
  /** The inputs before the last change; what that change did is highlighted. */
  before?: OutputInputs;
  /** An operation to scroll to. */
  reveal?: Extract<CodeReveal, { tab: 'openapi' }>;
}

/**
 * The OpenAPI document the current design renders to, with its API Gateway
 * extensions, rendered in the browser as the design changes. The lines the
 * last change touched are highlighted and summarised; "Changes" shows that
 * change as a diff.
 */
export function OpenApiTab({ model, design, before, reveal }: OpenApiTabProps) {
  const [format, setFormat] = useState<OpenApiFormat>('yaml');
  const [showDiff, setShowDiff] = useState(false);
  // Rendering a large API takes a moment: typing and clicking elsewhere go first.
  const now = useDeferredValue(useMemo(() => ({ model, design }), [model, design]));
  const then = useDeferredValue(before);

  const rendered = useMemo(() => renderedOpenApi(now.model, now.design), [now]);
  const text = useMemo(() => rendered.text(format), [rendered, format]);
  const change = useMemo(() => {
    if (!then) return undefined;
    const previous = renderedOpenApi(then.model, then.design);
    const previousText = previous.text(format);
    const diff = diffLines(previousText, text);
    const summary = summarizeChanges(changedPlaces(previous.document, rendered.document), diff);
    return { previousText, diff, summary };
  }, [then, rendered, text, format]);

  const revealAt = useMemo(() => {
    if (!reveal) return undefined;
    const line = lineOfOperation(text, format, reveal.path, reveal.method);
    return line === undefined ? undefined : { line };
  }, [reveal, text, format]);

  return (
    <div className="output-tab">
      <div className="output-bar" role="group" aria-label="OpenAPI view">
        <div className="segmented" role="group" aria-label="Format">
          {(['yaml', 'json'] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={format === option}
              onClick={() => setFormat(option)}
            >
              {option.toUpperCase()}
            </button>
          ))}
        </div>
        <button
          type="button"
          aria-pressed={showDiff}
          disabled={!change}
          title={
            change ? 'Compare with the document before the last change' : 'Nothing changed yet'
          }
          onClick={() => setShowDiff(!showDiff)}
        >
          Changes
        </button>
        <p className="change-summary" aria-live="polite" data-testid="change-summary">
          {change?.summary ?? 'Rendered from the current design, saved or not.'}
        </p>
      </div>
      <div className="output-body">
        {showDiff && change ? (
          <DiffViewer
            original={change.previousText}
            modified={text}
            language={format}
            label="OpenAPI document before and after the last change"
          />
        ) : (
          <CodeViewer
            value={text}
            language={format}
            label="Rendered OpenAPI document (read-only)"
            {...(change ? { highlightLines: change.diff.addedLines } : {})}
            {...(revealAt ? { reveal: revealAt } : {})}
          />
        )}
      </div>
    </div>
  );
}
