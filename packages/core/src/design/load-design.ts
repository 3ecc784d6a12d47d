import { diagnostic, type Diagnostic, type SourceLocation } from '../diagnostics';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { TextPosition } from '../model/types';
import { canonicalOrder } from './canonical-order';
import { parseJson, type ValuePlace } from './parse-json';
import { DESIGN_SCHEMA } from './design-schema';
import { schemaFindings } from './schema-findings';
import { DESIGN_FORMAT_VERSION, type DesignDocument } from './types';

/** What reading a design file gives: the design when it is sound, and every finding. */
export interface LoadDesignResult {
  /** Undefined when any finding is an error: a design is returned only whole. */
  design?: DesignDocument;
  diagnostics: Diagnostic[];
}

/** Rewrites a design of one format version into the next version's shape. Pure. */
type Migration = (document: JsonObject) => JsonObject;

/**
 * Upgrades from older format versions, keyed by the version each one reads.
 * Empty while version 1 is the only version. When version 2 comes, add
 * `1: (v1) => v2` here and raise `DESIGN_FORMAT_VERSION`: old files then load,
 * are upgraded in memory, and are written back in the new version on save.
 */
const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * Reads a design file's text: JSON syntax (`design.syntax`, with line and
 * column), the format version (`design.version-too-new`,
 * `design.version-unsupported`), then the schema (`design.schema`,
 * `design.unknown-field`, each with the JSON pointer and the line and column of
 * the offending value). Unknown fields are errors, never dropped: a field this
 * Gatewright does not know may matter to whoever wrote it.
 *
 * @param text the design file's content
 * @param file the file's name, used in finding locations
 */
export function loadDesign(text: string, file?: string): LoadDesignResult {
  const parsed = parseJson(text);
  const at = (pointer: string | undefined, place?: ValuePlace): SourceLocation => ({
    ...(file === undefined ? {} : { file }),
    ...(pointer === undefined ? {} : { pointer }),
    ...(place?.value ?? {}),
  });
  if (parsed.error) {
    const { message, line, column } = parsed.error;
    return {
      diagnostics: [diagnostic('design.syntax', message, { ...at(undefined), line, column })],
    };
  }
  const document = parsed.value!;
  if (!isJsonObject(document)) {
    return {
      diagnostics: [
        diagnostic(
          'design.schema',
          `The design file holds ${Array.isArray(document) ? 'an array' : JSON.stringify(document)}; a design file is a JSON object, \`{ "formatVersion": ${DESIGN_FORMAT_VERSION}, "model": "openapi.yaml", ... }\`.`,
          at('', parsed.places.get('')),
        ),
      ],
    };
  }
  const version = document.formatVersion;
  const versionAt = at(
    version === undefined ? '' : '/formatVersion',
    parsed.places.get(version === undefined ? '' : '/formatVersion'),
  );
  const versionProblem = checkVersion(version);
  if (versionProblem)
    return { diagnostics: [diagnostic(versionProblem.code, versionProblem.message, versionAt)] };

  let current = document;
  for (let v = version as number; v < DESIGN_FORMAT_VERSION; v++) current = MIGRATIONS[v]!(current);

  const diagnostics = schemaFindings(current, parsed.places, file);
  return diagnostics.length > 0
    ? { diagnostics }
    : { design: current as unknown as DesignDocument, diagnostics };
}

/**
 * Where the value a JSON pointer names sits in a design file's text, for
 * findings made after loading (`validate`'s `locateInDesign`); undefined for
 * a pointer to nothing, or for every pointer when the text is not JSON. While
 * no migration moves a field, pointers into the file are pointers into the
 * loaded design. The text is read once, when this is called.
 */
export function locateInDesignText(text: string): (pointer: string) => TextPosition | undefined {
  const { places, error } = parseJson(text);
  return (pointer) => (error === undefined ? places.get(pointer)?.value : undefined);
}

function checkVersion(
  version: JsonValue | undefined,
): { code: 'design.version-too-new' | 'design.version-unsupported'; message: string } | undefined {
  const supported = `this Gatewright reads format version ${DESIGN_FORMAT_VERSION}`;
  if (version === undefined) {
    return {
      code: 'design.version-unsupported',
      message: `The design file has no "formatVersion"; ${supported}: add \`"formatVersion": ${DESIGN_FORMAT_VERSION}\` if the file was written for it.`,
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return {
      code: 'design.version-unsupported',
      message: `"formatVersion" is ${JSON.stringify(version)}; it must be a whole number, and ${supported}.`,
    };
  }
  if (version > DESIGN_FORMAT_VERSION) {
    return {
      code: 'design.version-too-new',
      message: `The design file has "formatVersion" ${version}: it was written by a newer Gatewright, and ${supported}. Upgrade Gatewright to open it.`,
    };
  }
  if (version !== DESIGN_FORMAT_VERSION && !(version in MIGRATIONS)) {
    return {
      code: 'design.version-unsupported',
      message: `"formatVersion" ${version} is not a version Gatewright has written, and ${supported}; set it to ${DESIGN_FORMAT_VERSION} if the file follows that format.`,
    };
  }
  return undefined;
}

/**
 * The design as file text, stable so git diffs stay small: 2-space JSON, fields
 * in the schema's order (the top level as in `DesignDocument`), maps such as
 * `operations`, `backends` and `layout.nodes` sorted by key, a final newline.
 * Saving an unchanged design gives the same bytes.
 */
export function serializeDesign(design: DesignDocument): string {
  return (
    JSON.stringify(canonicalOrder(design as unknown as JsonObject, DESIGN_SCHEMA), null, 2) + '\n'
  );
}

/**
 * The design file that belongs to a model: beside it, named after it.
 * `api/openapi.yaml` -> `api/openapi.gatewright.json`. A `.yaml`, `.yml` or
 * `.json` extension is replaced; any other name is kept whole, so `api.v1` and
 * `api.v2` do not share a design.
 */
export function designFileFor(modelPath: string): string {
  const nameStart = Math.max(modelPath.lastIndexOf('/'), modelPath.lastIndexOf('\\')) + 1;
  const name = modelPath.slice(nameStart);
  const stem = name.replace(/(?<=.)\.(ya?ml|json)$/i, '');
  return modelPath.slice(0, nameStart) + stem + '.gatewright.json';
}
