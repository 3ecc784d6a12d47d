import type { Diagnostic } from '../diagnostics';
import type { DesignDocument } from '../design/types';
import { renderIntegration } from '../integrations/index';
import { renderContext } from '../integrations/render-context';
import { isJsonObject, type JsonObject } from '../json';
import { splitRef } from '../model/ref-paths';
import { HTTP_METHODS, type ApiModel } from '../model/types';
import { applyAuthorizers } from './authorizers';
import { bundleExternalRefs } from './bundle-refs';
import { cloneJson } from './clone-json';
import { addCorsPreflights } from './cors';
import { downgradeOpenApi31 } from './downgrade-31';
import { applyGatewayResponses } from './gateway-responses';
import { valueAt } from './json-pointer';
import { documentIntegrationResponses } from './method-responses';
import { applyRequestValidation } from './request-validators';

/** The OpenAPI document API Gateway imports, and what rendering found on the way. */
export interface RenderResult {
  document: JsonObject;
  diagnostics: Diagnostic[];
}

const INTEGRATION = 'x-amazon-apigateway-integration';

/**
 * The model's document with everything API Gateway needs from the design:
 * each integrated operation's `x-amazon-apigateway-integration` (replacing
 * one the model had; an operation the design does not integrate carries
 * none, since the design is what says what serves it), authorizers and
 * security, CORS preflights, request validation and gateway responses.
 * External `$ref`s are bundled in (API Gateway cannot follow them); internal
 * ones stay. An OpenAPI 3.1 model comes out as 3.0.3; Swagger 2.0 stays 2.0.
 * Pure and deterministic: the model is not changed, and the same input gives
 * the same document, key for key. The document shares the parts rendering
 * does not change with the model (copying a multi-megabyte description for
 * every render costs more than the rest of rendering), so treat it as
 * read-only, as the model is.
 */
export function renderOpenApi(model: ApiModel, design: DesignDocument): RenderResult {
  const diagnostics: Diagnostic[] = [];
  const bundled = bundleExternalRefs(model.document, model);
  // The 3.1 downgrade rewrites schemas anywhere in the document, so it gets a copy of all of it.
  const document = ownOperations(model.specVersion === '3.1' ? cloneJson(bundled) : bundled);
  inlinePathItemRefs(document);
  if (model.specVersion === '3.1') diagnostics.push(...downgradeOpenApi31(document, model));

  const context = renderContext(model, design, (d) => void diagnostics.push(d));
  for (const operation of model.operations) {
    const target = valueAt(document, operation.pointer);
    if (!isJsonObject(target)) continue;
    const integration = design.operations[operation.key]?.integration;
    if (integration === undefined) {
      delete target[INTEGRATION];
      continue;
    }
    const rendered = renderIntegration(operation, integration, context);
    target[INTEGRATION] = rendered;
    documentIntegrationResponses(target, rendered, document, model.specVersion);
  }

  applyAuthorizers(document, model, design);
  addCorsPreflights(document, model, design);
  applyRequestValidation(document, design.requestValidation);
  applyGatewayResponses(document, design);
  return { document, diagnostics };
}

/**
 * A shallow copy of `document` whose `paths`, path items and operations are
 * copies too: the places rendering writes integrations, security and CORS
 * preflights. Everything below them stays shared with the model, so what
 * changes deeper (a method response, a security scheme) is copied where it is
 * changed.
 */
function ownOperations(document: JsonObject): JsonObject {
  const copy = { ...document };
  if (!isJsonObject(copy.paths)) return copy;
  const paths: JsonObject = { ...copy.paths };
  for (const path in paths) {
    const item = paths[path];
    if (!isJsonObject(item)) continue;
    const ownItem: JsonObject = { ...item };
    for (const method of HTTP_METHODS) {
      const operation = ownItem[method];
      if (isJsonObject(operation)) ownItem[method] = { ...operation };
    }
    paths[path] = ownItem;
  }
  copy.paths = paths;
  return copy;
}

/**
 * A path item that is a `$ref` (3.1's `components/pathItems`, or a shared
 * item) is replaced by a copy of what it names, so each operation has its own
 * place for its integration.
 */
function inlinePathItemRefs(document: JsonObject): void {
  const paths = document.paths;
  if (!isJsonObject(paths)) return;
  for (const [path, item] of Object.entries(paths)) {
    if (!isJsonObject(item) || typeof item.$ref !== 'string' || !item.$ref.startsWith('#'))
      continue;
    const target = valueAt(document, splitRef(item.$ref).fragment);
    if (!isJsonObject(target)) continue;
    const { $ref: _ref, ...siblings } = item;
    paths[path] = { ...cloneJson(target), ...siblings };
  }
}
