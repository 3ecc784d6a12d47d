import {
  renderOpenApi,
  serializeOpenApi,
  type ApiModel,
  type DesignDocument,
  type JsonObject,
} from '@gatewright/core';

/** The OpenAPI formats the code panel shows and downloads. */
export type OpenApiFormat = 'json' | 'yaml';

/** A design's rendering, with its text in each format made on first use. */
export interface RenderedOpenApi {
  document: JsonObject;
  text: (format: OpenApiFormat) => string;
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
  const { document } = renderOpenApi(model, design);
  const texts = new Map<OpenApiFormat, string>();
  const rendered: RenderedOpenApi = {
    document,
    text: (format) => {
      let text = texts.get(format);
      if (text === undefined) {
        text = serializeOpenApi(document, format);
        texts.set(format, text);
      }
      return text;
    },
  };
  byDesign.set(design, rendered);
  return rendered;
}
