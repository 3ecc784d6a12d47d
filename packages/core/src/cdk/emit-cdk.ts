/**
 * CDK code for a design: model + design -> the rendered OpenAPI document ->
 * the app as language-neutral data (`build-app.ts`, `ir.ts`) -> one emitter
 * per language (`emit/<language>.ts`), all writing through `writer.ts`.
 */
import type { Diagnostic } from '../diagnostics';
import type { DesignDocument } from '../design/types';
import { assertNever } from '../integrations/index';
import type { ApiModel } from '../model/types';
import { renderOpenApi } from '../openapi/render-openapi';
import { buildCdkApp } from './build-app';
import type { CdkApp } from './ir';
import { compareCodeUnits } from './identifiers';
import { emitTypeScript } from './emit/typescript';

/** The languages CDK code is emitted in; each is one module under `emit/`. */
export type CdkLanguage = 'typescript';

export interface EmitOptions {
  language: CdkLanguage;
}

export interface EmitResult {
  /** File text by path relative to the app's root (`/`-separated), in path order. */
  files: Record<string, string>;
  /** What rendering the document and building the app found. */
  diagnostics: Diagnostic[];
}

/** The CDK app that deploys the design's API, in the language asked for. Pure and deterministic. */
export function emitCdk(model: ApiModel, design: DesignDocument, options: EmitOptions): EmitResult {
  const rendered = renderOpenApi(model, design);
  const { app, diagnostics } = buildCdkApp(model, design, rendered.document);
  const files = emitFor(options.language, app);
  return {
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => compareCodeUnits(a, b))),
    diagnostics: [...rendered.diagnostics, ...diagnostics],
  };
}

function emitFor(language: CdkLanguage, app: CdkApp): Record<string, string> {
  switch (language) {
    case 'typescript':
      return emitTypeScript(app);
    default:
      return assertNever(language);
  }
}
