import { diagnostic, type Diagnostic } from '../diagnostics';
import type { JsonValue } from '../json';
import { parseText, type ParsedText } from './parse-text';
import { resolveRelative, splitRef } from './ref-paths';
import { scanDocument, sightingPointer, type DocumentScan, type Sighting } from './scan-document';
import type { RefResolver } from './types';

/** One file of a model: the root or a file an external `$ref` names. */
export interface ModelFile {
  /** Where refs resolve from: the root's `options.file` normalised (or ''), else the path resolved against the referencing file. */
  path: string;
  /** How findings name the file, when not `path`: the root's `options.file` exactly as the caller gave it. */
  name?: string;
  parsed: ParsedText;
  scan: DocumentScan;
}

/** A file to read, and the `$ref`s that name it (where a failure to read it is reported). */
interface Pending {
  path: string;
  sites: Array<{ from: ModelFile; site: Sighting }>;
}

/**
 * Reads every file the root's external `$ref`s reach, level by level (the
 * files of one level are requested together), each once however many refs
 * name it. Files that cannot be read or parsed become findings at each `$ref`
 * that names them (or, for a parse error, at the error's place in that file).
 */
export async function loadExternalFiles(
  root: ModelFile,
  resolveRef: RefResolver | undefined,
  diagnostics: Diagnostic[],
): Promise<ModelFile[]> {
  const loaded: ModelFile[] = [];
  const known = new Set([root.path]);
  const failed = new Map<string, string>();
  let level: Pending[] = [];
  const byPath = new Map<string, Pending>();

  const collect = (from: ModelFile): void => {
    for (const site of from.scan.refs) {
      const target = splitRef(site.value).file;
      if (target === '') continue;
      const path = resolveRelative(from.path, target);
      const reason = failed.get(path);
      if (reason !== undefined) diagnostics.push(unreadable(path, reason, from, site));
      if (known.has(path) && !byPath.has(path)) continue;
      let entry = byPath.get(path);
      if (!entry) {
        entry = { path, sites: [] };
        byPath.set(path, entry);
        known.add(path);
        level.push(entry);
      }
      entry.sites.push({ from, site });
    }
  };

  collect(root);
  while (level.length > 0) {
    const current = level;
    level = [];
    byPath.clear();
    const texts = await Promise.all(current.map((entry) => readFile(entry.path, resolveRef)));
    const fresh: ModelFile[] = [];
    current.forEach((entry, i) => {
      const file = readEntry(entry, texts[i]!, failed, diagnostics);
      if (file) fresh.push(file);
    });
    // Only now, with this level's failures known, can refs from its files to them be reported.
    for (const file of fresh) {
      loaded.push(file);
      collect(file);
    }
  }
  return loaded;
}

function readEntry(
  entry: Pending,
  text: string | { reason: string },
  failed: Map<string, string>,
  diagnostics: Diagnostic[],
): ModelFile | undefined {
  if (typeof text !== 'string') {
    failed.set(entry.path, text.reason);
    for (const { from, site } of entry.sites)
      diagnostics.push(unreadable(entry.path, text.reason, from, site));
    return undefined;
  }
  const outcome = parseText(text);
  if (!outcome.ok) {
    failed.set(entry.path, 'it is not valid YAML or JSON');
    for (const problem of outcome.problems) {
      diagnostics.push(
        diagnostic(
          'model.syntax',
          `'${entry.path}' is not valid YAML or JSON: ${problem.message}`,
          { file: entry.path, ...(problem.position ?? {}) },
        ),
      );
    }
    return undefined;
  }
  for (const problem of outcome.problems) {
    diagnostics.push(
      diagnostic(
        'model.syntax',
        `'${entry.path}' is not valid YAML: ${problem.message}. The last of the duplicates is used; remove the others.`,
        { file: entry.path, ...(problem.position ?? {}) },
      ),
    );
  }
  return {
    path: entry.path,
    parsed: outcome.parsed,
    scan: scanDocument(outcome.parsed.value as JsonValue),
  };
}

/** A finding location in `file` at `ptr`, with line and column when the file has them. */
export function at(
  file: ModelFile,
  ptr: string,
  extra: { operation?: string } = {},
): Diagnostic['location'] {
  const name = file.name ?? file.path;
  return {
    ...(name !== '' ? { file: name } : {}),
    pointer: ptr,
    ...(file.parsed.locate(ptr) ?? {}),
    ...extra,
  };
}

function unreadable(path: string, reason: string, from: ModelFile, site: Sighting): Diagnostic {
  return diagnostic(
    'model.external-ref',
    `Cannot read '${path}' (named by $ref '${site.value}'): ${reason}.`,
    at(from, sightingPointer(site)),
  );
}

async function readFile(
  path: string,
  resolveRef: RefResolver | undefined,
): Promise<string | { reason: string }> {
  if (!resolveRef)
    return {
      reason:
        'no resolver for external files was given; open the model from its folder so its other files can be read',
    };
  try {
    const text = await resolveRef(path);
    return text === undefined
      ? {
          reason:
            'the file was not found; check the path in the $ref (it is relative to the file that holds it)',
        }
      : text;
  } catch (error) {
    // The resolver is the app's I/O; its failures are the user's missing files, not our bugs.
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}
