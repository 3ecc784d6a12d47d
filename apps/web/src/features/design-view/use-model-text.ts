import { importModel, type ApiModel, type Diagnostic, type ImportResult } from '@gatewright/core';
import { useEffect, useState } from 'react';
import type { CodeMarker } from '../../editors/CodeEditor';

/**
 * How long typing settles before a text of this many characters is read
 * again. Reading runs on the main thread and a large YAML model takes seconds
 * (Stripe's 4 MB: about 4 s), so the longer the text, the longer the pause
 * that counts as done typing.
 */
export function reimportDelayMillis(length: number): number {
  return Math.min(3000, 300 + Math.round(length / 2000));
}

/** The model the canvas shows, and what is wrong with the text as it is now. */
export interface ModelState {
  /**
   * The model of the last text that read as an API: the canvas, inspector and
   * outputs show it while the text as it is now does not read.
   */
  model: ApiModel;
  /** The text the findings are about. */
  text: string;
  /** Findings about that text, with the lines they are at. */
  diagnostics: Diagnostic[];
  /** That text does not read as an API: `model` is an earlier text's. */
  stale: boolean;
  /** No text has read as an API yet: `model` is an empty stand-in. */
  neverRead: boolean;
}

/**
 * The state after the text was read again: its model when it has one,
 * otherwise the last good model kept, marked stale.
 */
export function nextModelState(
  previous: ModelState,
  text: string,
  imported: ImportResult,
): ModelState {
  const diagnostics = imported.diagnostics.map((finding) => located(finding, imported.model));
  if (imported.model)
    return { model: imported.model, text, diagnostics, stale: false, neverRead: false };
  return { ...previous, text, diagnostics, stale: true };
}

/** The state of a text read once, before any editing; a text with no API shows no operations. */
export function initialModelState(text: string, file: string, imported: ImportResult): ModelState {
  return nextModelState(
    { model: emptyModel(text, file), text, diagnostics: [], stale: false, neverRead: true },
    text,
    imported,
  );
}

/** Findings as editor markers: those with a line, at their line. */
export function markersOf(diagnostics: readonly Diagnostic[]): CodeMarker[] {
  return diagnostics.flatMap(({ location, message, severity }) =>
    location.line === undefined
      ? []
      : [
          {
            line: location.line,
            ...(location.column === undefined ? {} : { column: location.column }),
            message,
            severity,
          },
        ],
  );
}

/**
 * Reads the model text again a moment after it changes (in the background,
 * the latest text winning over slower earlier reads) and keeps the last model
 * that read.
 */
export function useModelText(
  modelText: string,
  modelFile: string,
  initial: () => ModelState,
): ModelState {
  const [state, setState] = useState(initial);

  useEffect(() => {
    if (modelText === state.text) return;
    let current = true;
    const timer = setTimeout(() => {
      void importModel(modelText, { file: modelFile }).then((imported) => {
        if (current) setState((previous) => nextModelState(previous, modelText, imported));
      });
    }, reimportDelayMillis(modelText.length));
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [modelText, modelFile, state.text]);

  return state;
}

/** A finding with a pointer but no line gets the line the pointer is at, when the model knows it. */
function located(finding: Diagnostic, model: ApiModel | undefined): Diagnostic {
  if (finding.location.line !== undefined || finding.location.pointer === undefined) return finding;
  const position = model?.locate(finding.location.pointer);
  return position ? { ...finding, location: { ...finding.location, ...position } } : finding;
}

/** A model with no operations, for a text that has never read as an API. */
function emptyModel(text: string, file: string): ApiModel {
  return {
    file,
    text,
    format: file.endsWith('.json') ? 'json' : 'yaml',
    specVersion: '3.0',
    document: {},
    externalDocuments: {},
    title: '',
    version: '',
    operations: [],
    locate: () => undefined,
  };
}
