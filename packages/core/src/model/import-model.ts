import { diagnostic, type Diagnostic } from '../diagnostics';
import { isJsonObject, pointer, type JsonObject, type JsonValue } from '../json';
import { at, loadExternalFiles, type ModelFile } from './load-files';
import { findRefCycles, type RefCycle } from './find-ref-cycles';
import { parseText } from './parse-text';
import { readOperations } from './read-operations';
import { normalisePath, splitRef } from './ref-paths';
import { RefFollower } from './resolve-refs';
import { scanDocument, sightingPointer } from './scan-document';
import type { ApiModel, ImportOptions, ImportResult, Operation, SpecVersion } from './types';

/**
 * Reads an API model: OpenAPI 3.0 or 3.1, or Swagger 2.0, as JSON or YAML.
 * Never throws for bad input: what cannot be read comes back as findings (with
 * file, pointer, line and column), and `model` is undefined only when the text
 * is not an API description at all. External `$ref`s are read through
 * `options.resolveRef`, each file once: it is given the ref's path joined onto
 * the folder of the file that names it (`options.file` for the model itself),
 * so with `file: 'api/openapi.yaml'` a `./schemas/pet.yaml` ref asks for
 * `api/schemas/pet.yaml`, and a `../common.yaml` ref inside that file for
 * `api/common.yaml`.
 *
 * @example
 * const { model, diagnostics } = await importModel(text, { file: 'openapi.yaml', resolveRef: readSibling });
 */
export async function importModel(
  text: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const diagnostics: Diagnostic[] = [];
  // `./api/openapi.yaml` and `api/openapi.yaml` are one file when a ref leads back to the root.
  const path = normalisePath(options.file ?? '');
  const file = options.file === undefined ? {} : { file: options.file };

  const outcome = parseText(text);
  if (!outcome.ok) {
    const problems = outcome.problems.map((p) =>
      diagnostic(
        'model.syntax',
        `The model is not valid YAML or JSON: ${p.message}. Fix the text at this place.`,
        { ...file, ...(p.position ?? {}) },
      ),
    );
    return { diagnostics: problems };
  }
  const { parsed } = outcome;
  for (const p of outcome.problems) {
    diagnostics.push(
      diagnostic(
        'model.syntax',
        `The model is not valid YAML: ${p.message}. The last of the duplicates is used; remove the others.`,
        { ...file, ...(p.position ?? {}) },
      ),
    );
  }
  const document = parsed.value as JsonValue;
  const version: VersionCheck = isJsonObject(document)
    ? specVersionOf(document)
    : { missing: true };
  if ('unsupported' in version) {
    const where = { ...file, pointer: version.pointer, ...(parsed.locate(version.pointer) ?? {}) };
    const message = `Version '${version.unsupported}' is not supported: Gatewright reads Swagger 2.0 and OpenAPI 3.0 and 3.1. Convert the description to one of those.`;
    return {
      diagnostics: [...diagnostics, diagnostic('model.unsupported-version', message, where)],
    };
  }
  if ('missing' in version || !isJsonObject(document)) {
    const where = { ...file, pointer: '', ...(parsed.locate('') ?? {}) };
    const message = `This is not an API description: it has no 'openapi' (3.x) or 'swagger' ('2.0') field at the top. Open an OpenAPI or Swagger file.`;
    return { diagnostics: [...diagnostics, diagnostic('model.not-an-api', message, where)] };
  }

  const root: ModelFile = {
    path,
    ...(options.file !== undefined ? { name: options.file } : {}),
    parsed,
    scan: scanDocument(document),
  };
  const external = await loadExternalFiles(root, options.resolveRef, diagnostics);
  const files = [root, ...external];
  const refs = new RefFollower(new Map(files.map((f) => [f.path, f.parsed.value as JsonValue])));
  const loaded = new Set(files.map((f) => f.path));
  for (const f of files) reportScan(f, refs, loaded, diagnostics);
  for (const cycle of findRefCycles(files, refs)) diagnostics.push(cycleFinding(cycle, path));

  const operations = readOperations({
    document,
    file: path,
    specVersion: version.specVersion,
    refs,
  });
  reportDuplicateOperationIds(root, operations, diagnostics);
  const info = isJsonObject(document.info) ? document.info : {};
  reportMissingInfo(root, info, diagnostics);

  const model: ApiModel = {
    ...file,
    text,
    format: parsed.format,
    specVersion: version.specVersion,
    document,
    externalDocuments: Object.fromEntries(
      external
        .filter((f) => isJsonObject(f.parsed.value))
        .map((f) => [f.path, f.parsed.value as JsonObject]),
    ),
    title: scalarText(info.title),
    version: scalarText(info.version),
    operations,
    locate: (ptr) => parsed.locate(ptr),
  };
  return { model, diagnostics };
}

type VersionCheck =
  { specVersion: SpecVersion } | { unsupported: string; pointer: string } | { missing: true };

function specVersionOf(document: JsonObject): VersionCheck {
  if (document.openapi !== undefined) {
    const v = String(document.openapi);
    if (/^3\.0(\.|$)/.test(v)) return { specVersion: '3.0' };
    if (/^3\.1(\.|$)/.test(v)) return { specVersion: '3.1' };
    return { unsupported: v, pointer: '/openapi' };
  }
  if (document.swagger !== undefined) {
    const v = String(document.swagger);
    return v === '2.0' ? { specVersion: '2.0' } : { unsupported: v, pointer: '/swagger' };
  }
  return { missing: true };
}

function reportScan(f: ModelFile, refs: RefFollower, loaded: Set<string>, out: Diagnostic[]): void {
  for (const site of f.scan.refs) {
    // Refs into files that could not be read were reported when loading them.
    if (
      refs.target(site.value, f.path) === undefined &&
      loaded.has(refs.fileOf(site.value, f.path))
    ) {
      const { fragment } = splitRef(site.value);
      out.push(
        diagnostic(
          'model.unresolved-ref',
          `$ref '${site.value}' points at nothing: there is no '${fragment}' in ${splitRef(site.value).file || 'this file'}. Fix the reference or add the missing definition.`,
          at(f, sightingPointer(site)),
        ),
      );
    }
  }
  for (const site of f.scan.cloudFormationFunctions) {
    out.push(
      diagnostic(
        'model.cloudformation-function',
        `This value is the CloudFormation function '${site.value}', which only CloudFormation can evaluate; it is kept as written. Replace it with the value it stands for to use the model outside that template.`,
        at(f, sightingPointer(site)),
      ),
    );
  }
  for (const site of f.scan.placeholders) {
    out.push(
      diagnostic(
        'model.template-placeholder',
        `The value holds the placeholder '${site.value}', which another tool (CDK, Terraform, SAM) is expected to fill in; it is kept as written. Replace it with the real value to use the model as it is.`,
        at(f, sightingPointer(site)),
      ),
    );
  }
  for (const site of f.scan.httpApiMarks) {
    out.push(
      diagnostic(
        'model.http-api',
        `'${site.value}' belongs to API Gateway HTTP APIs (v2), not REST APIs; Gatewright designs REST APIs, so integrations using it cannot be recovered as they are.`,
        at(f, sightingPointer(site)),
      ),
    );
  }
}

function cycleFinding({ members, file, site }: RefCycle, rootPath: string): Diagnostic {
  const names = members.map((m) => (m.startsWith(`${rootPath}#`) ? m.slice(rootPath.length) : m));
  const shown =
    names.length > 4
      ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more`
      : names.join(', ');
  return diagnostic(
    'model.circular-ref',
    `$ref '${site.value}' closes a cycle of references (${shown}); resolved schemas keep the $ref where the cycle closes, so they stay finite. Nothing to fix unless the recursion is unintended.`,
    at(file, sightingPointer(site)),
  );
}

function reportDuplicateOperationIds(
  root: ModelFile,
  operations: Operation[],
  out: Diagnostic[],
): void {
  const byId = new Map<string, Operation[]>();
  for (const op of operations)
    if (op.operationId !== undefined)
      byId.set(op.operationId, [...(byId.get(op.operationId) ?? []), op]);
  for (const [id, ops] of byId) {
    if (ops.length < 2) continue;
    for (const op of ops) {
      const others = ops
        .filter((o) => o !== op)
        .map((o) => o.key)
        .join(', ');
      out.push(
        diagnostic(
          'model.duplicate-operation-id',
          `operationId '${id}' is also used by ${others}; operationIds must be unique. Rename one of them.`,
          at(root, `${op.pointer}/operationId`, { operation: op.key }),
        ),
      );
    }
  }
}

function reportMissingInfo(root: ModelFile, info: JsonObject, out: Diagnostic[]): void {
  for (const field of ['title', 'version']) {
    if (info[field] === undefined) {
      out.push(
        diagnostic(
          'model.schema',
          `The description has no info.${field}; OpenAPI requires one. Add it under 'info'.`,
          at(
            root,
            isJsonObject(root.parsed.value) && 'info' in root.parsed.value ? pointer('info') : '',
          ),
        ),
      );
    }
  }
}

function scalarText(value: JsonValue | undefined): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}
