import type { ApiModel, DesignDocument } from '@gatewright/core';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { CodeViewer } from '../../../editors/CodeViewer';
import { DiffViewer } from '../../../editors/DiffViewer';
import type { CodeReveal } from './code-reveal';
import { diffLines } from './line-diff';
import { changedPlaces, summarizeChanges } from './openapi-changes';
import { lineOfOperation } from './operation-line';
import { renderedOpenApi, type OpenApiFormat } from './rendered-openapi';
import type { OutputInputs } from './use-last-change';
import { useOpenApiText } from './use-openapi-text';
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
  const previous = useMemo(() => then && renderedOpenApi(then.model, then.design), [then]);
  const text = useOpenApiText(rendered, format);
  const previousText = useOpenApiText(previous, format);
  // While a worker writes a large API's text, the last one stays in view.
  const shown = useRef<{ text: string; format: OpenApiFormat }>(undefined);
  if (text !== undefined) shown.current = { text, format };
  const visible = shown.current?.format === format ? shown.current.text : undefined;

  const change = useMemo(() => {
    if (!previous || previousText === undefined || text === undefined) return undefined;
    const diff = diffLines(previousText, text);
    const summary = summarizeChanges(changedPlaces(previous.document, rendered.document), diff);
    return { previousText, diff, summary };
  }, [previous, previousText, rendered, text]);

  const revealAt = useMemo(() => {
    if (!reveal || text === undefined) return undefined;
    const line = lineOfOperation(text, format, reveal.path, reveal.method);
    return line === undefined ? undefined : { line };
  }, [reveal, text, format]);
  // A change that only removed lines has nothing to highlight: show where they were.
  const removalAt = useMemo(() => {
    const line = change?.diff.firstChangedLine;
    return change?.diff.addedLines.length === 0 && line !== undefined ? { line } : undefined;
  }, [change]);
  const scrollTo = revealAt ?? removalAt;
  const pending = text === undefined || (previous !== undefined && previousText === undefined);

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
          {pending
            ? `Writing the ${format.toUpperCase()}…`
            : (change?.summary ?? 'Rendered from the current design, saved or not.')}
        </p>
      </div>
      <div className="output-body">
        {visible === undefined ? (
          <p className="muted output-pending" aria-live="polite">
            Writing the {format.toUpperCase()} of {rendered.operationCount} operations…
          </p>
        ) : showDiff && change && text !== undefined ? (
          <DiffViewer
            original={change.previousText}
            modified={text}
            language={format}
            label="OpenAPI document before and after the last change"
          />
        ) : (
          <CodeViewer
            value={visible}
            language={format}
            label="Rendered OpenAPI document (read-only)"
            {...(change ? { highlightLines: change.diff.addedLines } : {})}
            {...(scrollTo ? { reveal: scrollTo } : {})}
          />
        )}
      </div>
    </div>
  );
}
