import {
  escapePointerToken,
  isJsonObject,
  pointer,
  type JsonObject,
  type JsonValue,
} from '../json';
import { claimUniqueName, deriveOperationName, operationKey } from './operation-names';
import type { RefFollower } from './resolve-refs';
import {
  HTTP_METHODS,
  type HttpMethod,
  type MediaContent,
  type Operation,
  type Parameter,
  type ResponseDoc,
  type SpecVersion,
} from './types';

/** What reading operations needs: the root document, where refs start, and how to follow them. */
export interface OperationSource {
  document: JsonObject;
  /** The root file's path, for relative refs. */
  file: string;
  specVersion: SpecVersion;
  refs: RefFollower;
}

/** Swagger 2.0 parameter fields that describe its value, copied into the schema built for it. */
const SWAGGER2_SCHEMA_FIELDS = [
  'type',
  'format',
  'items',
  'collectionFormat',
  'default',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'enum',
  'multipleOf',
];

/**
 * The model's operations: paths in the order written, methods in `HTTP_METHODS`
 * order, refs resolved in every field but `existingIntegration`. Names are
 * operationIds where given; the others get derived names, made unique against
 * every operationId and earlier derived name (see `claimUniqueName`).
 */
export function readOperations(source: OperationSource): Operation[] {
  const { document, refs } = source;
  const paths = isJsonObject(document.paths) ? document.paths : {};
  const found: Array<Omit<Operation, 'name'>> = [];
  for (const path of Object.keys(paths)) {
    if (path.startsWith('x-')) continue;
    const item = refs.follow(paths[path]!, source.file);
    if (!isJsonObject(item.value)) continue;
    for (const method of HTTP_METHODS) {
      if (!(method in item.value)) continue;
      const op = refs.follow(item.value[method]!, item.file);
      if (!isJsonObject(op.value)) continue;
      found.push(readOperation(source, path, method, item.value, item.file, op.value, op.file));
    }
  }
  const taken = new Set(found.flatMap((o) => (o.operationId === undefined ? [] : [o.operationId])));
  // Named in place rather than copied: these objects are new, and a large model has thousands.
  return found.map((o) =>
    Object.assign(o, {
      name: o.operationId ?? claimUniqueName(deriveOperationName(o.method, o.path), taken),
    }),
  );
}

function readOperation(
  source: OperationSource,
  path: string,
  method: HttpMethod,
  item: JsonObject,
  itemFile: string,
  op: JsonObject,
  opFile: string,
): Omit<Operation, 'name'> {
  const opPointer = pointer('paths', path, method);
  const parameters = mergeParameters(
    readParameters(source, item.parameters, itemFile, pointer('paths', path, 'parameters')),
    readParameters(source, op.parameters, opFile, pointer('paths', path, method, 'parameters')),
  );
  const requestBody =
    source.specVersion === '2.0'
      ? swagger2Body(source, op, parameters)
      : oas3Body(source, op.requestBody, opFile);
  const integration = op['x-amazon-apigateway-integration'];
  return {
    key: operationKey(method, path),
    method,
    path,
    ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}),
    tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
    ...(typeof op.summary === 'string' ? { summary: op.summary } : {}),
    ...(typeof op.description === 'string' ? { description: op.description } : {}),
    parameters,
    requestContentTypes: requestBody?.content.map((c) => c.contentType) ?? [],
    ...(requestBody ? { requestBody } : {}),
    responses: readResponses(source, op, opFile, opPointer),
    ...(op.security !== undefined ? { security: op.security } : {}),
    ...(isJsonObject(integration) ? { existingIntegration: integration } : {}),
    pointer: opPointer,
  };
}

function readParameters(
  source: OperationSource,
  list: JsonValue | undefined,
  file: string,
  listPointer: string,
): Parameter[] {
  if (!Array.isArray(list)) return [];
  const out: Parameter[] = [];
  list.forEach((entry, i) => {
    const found = source.refs.follow(entry, file);
    const p = found.value;
    if (!isJsonObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string') return;
    const where = p.in as Parameter['in'];
    const schema =
      p.schema !== undefined
        ? source.refs.deep(p.schema, found.file)
        : where === 'body'
          ? undefined
          : (contentSchema(source, p.content, found.file) ?? swagger2Schema(source, p, found.file));
    const example =
      p.example !== undefined ? p.example : firstExample(source, p.examples, found.file);
    out.push({
      name: p.name,
      in: where,
      required: p.required === true || where === 'path',
      ...(schema !== undefined ? { schema } : {}),
      ...(example !== undefined ? { example } : {}),
      pointer: `${listPointer}/${i}`,
    });
  });
  return out;
}

/** Path-level parameters in order, each replaced by an operation-level one with the same name and `in`; then the operation's others. */
function mergeParameters(pathLevel: Parameter[], operationLevel: Parameter[]): Parameter[] {
  const id = (p: Parameter) => `${p.in}\u0000${p.name}`;
  const overrides = new Map(operationLevel.map((p) => [id(p), p]));
  const merged = pathLevel.map((p) => overrides.get(id(p)) ?? p);
  const used = new Set(merged.map(id));
  return [...merged, ...operationLevel.filter((p) => !used.has(id(p)))];
}

/** OAS 3 parameters may give their schema under `content` (one media type) instead of `schema`. */
function contentSchema(
  source: OperationSource,
  content: JsonValue | undefined,
  file: string,
): JsonValue | undefined {
  if (!isJsonObject(content)) return undefined;
  const media = Object.values(content)[0];
  return isJsonObject(media) && media.schema !== undefined
    ? source.refs.deep(media.schema, file)
    : undefined;
}

function swagger2Schema(
  source: OperationSource,
  p: JsonObject,
  file: string,
): JsonValue | undefined {
  if (source.specVersion !== '2.0') return undefined;
  const schema: JsonObject = {};
  for (const field of SWAGGER2_SCHEMA_FIELDS) if (p[field] !== undefined) schema[field] = p[field];
  return Object.keys(schema).length > 0 ? source.refs.deep(schema, file) : undefined;
}

function oas3Body(
  source: OperationSource,
  body: JsonValue | undefined,
  file: string,
): Operation['requestBody'] {
  if (body === undefined) return undefined;
  const found = source.refs.follow(body, file);
  if (!isJsonObject(found.value)) return undefined;
  return {
    required: found.value.required === true,
    content: readContent(source, found.value.content, found.file),
  };
}

function readContent(
  source: OperationSource,
  content: JsonValue | undefined,
  file: string,
): MediaContent[] {
  if (!isJsonObject(content)) return [];
  return Object.keys(content).map((contentType) => {
    const media = content[contentType];
    const m = isJsonObject(media) ? media : {};
    const example =
      m.example !== undefined
        ? exampleValue(source, m.example, file)
        : firstExample(source, m.examples, file);
    return {
      contentType,
      ...(m.schema !== undefined ? { schema: source.refs.deep(m.schema, file) } : {}),
      ...(example !== undefined ? { example } : {}),
      hasExample: example !== undefined,
    };
  });
}

/**
 * An example value: literal data, so refs inside it are not followed (nor its
 * possibly large tree walked); a value that is itself only a `$ref`, which
 * multi-file descriptions use to keep examples in files of their own, is.
 */
function exampleValue(source: OperationSource, value: JsonValue, file: string): JsonValue {
  return source.refs.follow(value, file).value;
}

/** The `value` of the first entry of an OAS 3 `examples` map (entries may be refs to `components/examples`). */
function firstExample(
  source: OperationSource,
  examples: JsonValue | undefined,
  file: string,
): JsonValue | undefined {
  if (!isJsonObject(examples)) return undefined;
  for (const key of Object.keys(examples)) {
    const entry = source.refs.follow(examples[key]!, file);
    if (isJsonObject(entry.value) && entry.value.value !== undefined)
      return exampleValue(source, entry.value.value, entry.file);
  }
  return undefined;
}

/**
 * Swagger 2.0 keeps the body among the parameters: a `body` parameter's schema,
 * or the `formData` parameters as the properties of an object, for each
 * content type in `consumes` (the operation's, else the document's). Without
 * `consumes` the body is taken as `application/json`, and form data as
 * `multipart/form-data` when a field is a file, else
 * `application/x-www-form-urlencoded`, as Swagger tools assume.
 */
function swagger2Body(
  source: OperationSource,
  op: JsonObject,
  parameters: Parameter[],
): Operation['requestBody'] {
  const body = parameters.find((p) => p.in === 'body');
  const form = parameters.filter((p) => p.in === 'formData');
  if (!body && form.length === 0) return undefined;
  const consumes = stringList(op.consumes) ?? stringList(source.document.consumes);
  const hasFile = form.some((p) => isJsonObject(p.schema) && p.schema.type === 'file');
  const contentTypes = consumes ?? [
    body
      ? 'application/json'
      : hasFile
        ? 'multipart/form-data'
        : 'application/x-www-form-urlencoded',
  ];
  const schema: JsonValue | undefined = body
    ? body.schema
    : {
        type: 'object',
        properties: Object.fromEntries(form.map((p) => [p.name, p.schema ?? {}])),
        ...(form.some((p) => p.required)
          ? { required: form.filter((p) => p.required).map((p) => p.name) }
          : {}),
      };
  return {
    required: body ? body.required : form.some((p) => p.required),
    content: contentTypes.map((contentType) => ({
      contentType,
      ...(schema !== undefined ? { schema } : {}),
      hasExample: false,
    })),
  };
}

function readResponses(
  source: OperationSource,
  op: JsonObject,
  file: string,
  opPointer: string,
): ResponseDoc[] {
  const responses = op.responses;
  if (!isJsonObject(responses)) return [];
  const produces = stringList(op.produces) ?? stringList(source.document.produces);
  return Object.keys(responses)
    .filter((status) => !status.startsWith('x-'))
    .map((status) => {
      const found = source.refs.follow(responses[status]!, file);
      const r = isJsonObject(found.value) ? found.value : {};
      return {
        status,
        ...(typeof r.description === 'string' ? { description: r.description } : {}),
        content:
          source.specVersion === '2.0'
            ? swagger2Content(source, r, found.file, produces)
            : readContent(source, r.content, found.file),
        headers: isJsonObject(r.headers) ? Object.keys(r.headers) : [],
        pointer: `${opPointer}/responses/${escapePointerToken(status)}`,
      };
    });
}

/**
 * A Swagger 2.0 response's `schema` and `examples` for each content type in
 * `produces`; without `produces`, the content types its `examples` name, else
 * `application/json` when it has a schema.
 */
function swagger2Content(
  source: OperationSource,
  r: JsonObject,
  file: string,
  produces: string[] | undefined,
): MediaContent[] {
  const examples = isJsonObject(r.examples) ? r.examples : {};
  if (r.schema === undefined && Object.keys(examples).length === 0) return [];
  const fallback = Object.keys(examples).length > 0 ? Object.keys(examples) : ['application/json'];
  const schema = r.schema !== undefined ? source.refs.deep(r.schema, file) : undefined;
  return (produces ?? fallback).map((contentType) => {
    const example = examples[contentType];
    return {
      contentType,
      ...(schema !== undefined ? { schema } : {}),
      ...(example !== undefined ? { example } : {}),
      hasExample: example !== undefined,
    };
  });
}

function stringList(value: JsonValue | undefined): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}
