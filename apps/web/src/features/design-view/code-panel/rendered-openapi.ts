import {
  renderOpenApi,
  serializeOpenApi,
  type ApiModel,
  type DesignDocument,
  type JsonObject,
} from '@gatewright/core';

/** The OpenAPI formats the code panel shows and downloads. */
export type OpenApiFormat = 'json' | 'yaml';

/** A design's rendering, with its text in each format once made. */
export interface RenderedOpenApi {
  document: JsonObject;
  /** The number of operations, which says how long serialising takes. */
  operationCount: number;
  /** The texts made so far, by format. */
  texts: Map<OpenApiFormat, string>;
}

// Designs are immutable values (the design store replaces, never mutates), so
// a design object names one rendering: the "before" of an edit is the "after"
// of the one before it, and is not rendered twice.
const cache = new WeakMap<ApiModel, WeakMap<DesignDocument, RenderedOpenApi>>();

/** The document `model` and `design` render to, memoized per model and design object. */
export function renderedOpenApi(model: ApiModel, design: DesignDocument): RenderedOpenApi {
  let byDesign = cache.get(model);
  if (!byDesign) {
    byDesign = new WeakMap();
    cache.set(model, byDesign);
  }
  const cached = byDesign.get(design);
  if (cached) return cached;
  const rendered: RenderedOpenApi = {
    document: renderOpenApi(model, design).document,
    operationCount: model.operations.length,
    texts: new Map(),
  };
  byDesign.set(design, rendered);
  return rendered;
}

/**
 * Up to this many operations, YAML is written on the main thread as it is
 * asked for (YAML costs a millisecond or two per operation; JSON a tenth of
 * that, so it always is); above it, in a worker, so the page stays responsive.
 */
export const SYNC_YAML_MAX_OPERATIONS = 60;

/** Whether the text in `format` can be made at once, without holding up the page. */
export function isQuickToSerialize(rendered: RenderedOpenApi, format: OpenApiFormat): boolean {
  return format === 'json' || rendered.operationCount <= SYNC_YAML_MAX_OPERATIONS;
}

/** The rendering's text in `format`, made now if not yet made. */
export function openApiText(rendered: RenderedOpenApi, format: OpenApiFormat): string {
  let text = rendered.texts.get(format);
  if (text === undefined) {
    text = serializeOpenApi(rendered.document, format);
    rendered.texts.set(format, text);
  }
  return text;
}
