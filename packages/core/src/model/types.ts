import type { Diagnostic } from '../diagnostics';
import type { JsonObject, JsonValue } from '../json';

export type SpecVersion = '2.0' | '3.0' | '3.1';
export type ModelFormat = 'json' | 'yaml';

/** The methods a path item can carry, in the order paths list them. */
export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
  'x-amazon-apigateway-any-method',
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * An operation's stable identity in a design: upper-case method, a space, the
 * path as written in the model. `GET /pets/{petId}`,
 * `X-AMAZON-APIGATEWAY-ANY-METHOD /{proxy+}`.
 */
export type OperationKey = string;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie' | 'body' | 'formData';
  required: boolean;
  /** The parameter's schema with `$ref`s resolved (Swagger 2.0: built from type/format/items). */
  schema?: JsonValue;
  example?: JsonValue;
  /** Pointer to where the parameter is declared (path item or operation). */
  pointer: string;
}

export interface MediaContent {
  contentType: string;
  /** Schema with `$ref`s resolved; cycles keep their `$ref`. */
  schema?: JsonValue;
  /** The first example found: `example`, then the first of `examples`. */
  example?: JsonValue;
  hasExample: boolean;
}

export interface ResponseDoc {
  /** As written: `200`, `2XX`, `default`. */
  status: string;
  description?: string;
  content: MediaContent[];
  /** Header names the response documents. */
  headers: string[];
  pointer: string;
}

export interface Operation {
  key: OperationKey;
  method: HttpMethod;
  path: string;
  /** operationId, or the derived name (see `deriveOperationName`). */
  name: string;
  operationId?: string;
  tags: string[];
  summary?: string;
  description?: string;
  /** Path-level and operation-level parameters merged, operation level winning. */
  parameters: Parameter[];
  /** Request body content types (2.0: `consumes` when the operation has a body or form parameter). */
  requestContentTypes: string[];
  requestBody?: { required: boolean; content: MediaContent[] };
  responses: ResponseDoc[];
  /** The operation's own `security`, or undefined to inherit the document's. */
  security?: JsonValue;
  /** `x-amazon-apigateway-integration` as written in the model, untouched. */
  existingIntegration?: JsonObject;
  /** Pointer to the operation object: `/paths/~1pets~1{petId}/get`. */
  pointer: string;
}

/** Reads the text of a file that a `$ref` names, relative to the model. Supplied by the app. */
export type RefResolver = (path: string) => string | undefined | Promise<string | undefined>;

export interface ImportOptions {
  /** Name of the model file, used in finding locations and to resolve relative refs. */
  file?: string;
  /** Resolves external `$ref`s; without it, an external ref is a finding. */
  resolveRef?: RefResolver;
}

/** Line and column (1-based) of a pointer in the model's text. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface ApiModel {
  file?: string;
  /** The model text exactly as given. Core never rewrites it. */
  text: string;
  format: ModelFormat;
  specVersion: SpecVersion;
  /** The parsed document, `$ref`s left in place (external ones inlined under `externalDocuments`). */
  document: JsonObject;
  /** Parsed external files by the path their `$ref` used, resolved relative to `file`. */
  externalDocuments: Record<string, JsonObject>;
  title: string;
  version: string;
  operations: Operation[];
  /** Finds a pointer's place in the text; undefined for pointers not in this file. */
  locate(pointer: string): TextPosition | undefined;
}

export interface ImportResult {
  /** Undefined when the text could not be read as an API model at all. */
  model?: ApiModel;
  diagnostics: Diagnostic[];
}
