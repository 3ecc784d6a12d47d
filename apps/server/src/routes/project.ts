import { realpathSync } from 'node:fs';
import {
  importModel,
  loadDesign,
  locateInDesignText,
  renderOpenApi,
  validate,
  type ApiModel,
  type DesignDocument,
  type Diagnostic,
  type JsonObject,
  type RefResolver,
  type ValidateOptions,
} from '@gatewright/core';
import { openApiSchemaFindings } from './openapi-schema-check';
import { unwrap } from './store-results';
import type { DesignStore, StoredDesign } from '../workspace/design-store';
import { readWorkspaceRef } from '../workspace/read-ref';

/** A model and its design as the routes work on them, with the findings from reading both. */
export interface LoadedProject {
  model?: ApiModel;
  design?: DesignDocument;
  diagnostics: Diagnostic[];
  /** Names the design file in findings and places them in its text. */
  validateOptions: ValidateOptions;
}

export interface ProjectInput {
  /** Workspace-relative model path, used in findings and to resolve relative `$ref`s. */
  modelFile: string;
  modelText: string;
  designFile: string;
  /** The design, already loaded (a stored design), or its text to load. */
  design?: DesignDocument;
  designText?: string;
  /** Findings from reading the design elsewhere (the store's). */
  designDiagnostics?: Diagnostic[];
}

/**
 * Imports the model (its external `$ref`s read from the workspace, never from
 * outside it) and loads the design when only its text is given.
 *
 * @param root the workspace folder refs are read from; undefined: external refs are findings
 */
export async function loadProject(
  root: string | undefined,
  input: ProjectInput,
): Promise<LoadedProject> {
  const imported = await importModel(input.modelText, {
    file: input.modelFile,
    ...(root === undefined ? {} : { resolveRef: workspaceRefReader(root) }),
  });
  const loaded =
    input.design === undefined && input.designText !== undefined
      ? loadDesign(input.designText, input.designFile)
      : { design: input.design, diagnostics: [] };
  return {
    model: imported.model,
    design: loaded.design,
    validateOptions: {
      designFile: input.designFile,
      ...(input.designText === undefined
        ? {}
        : { locateInDesign: locateInDesignText(input.designText) }),
    },
    diagnostics: [
      ...imported.diagnostics,
      ...(input.designDiagnostics ?? []),
      ...loaded.diagnostics,
    ],
  };
}

/**
 * Checks a design the way a client can rely on before deploying it: the
 * findings from reading, core's rules, rendering, and the official OpenAPI
 * schema against the rendered document.
 */
export function projectFindings(project: LoadedProject): {
  findings: Diagnostic[];
  document?: JsonObject;
} {
  const { model, design } = project;
  if (!model || !design) return { findings: project.diagnostics };
  const rendered = renderOpenApi(model, design);
  return {
    findings: [
      ...project.diagnostics,
      ...validate(model, design, project.validateOptions),
      ...rendered.diagnostics,
      ...openApiSchemaFindings(rendered.document, model),
    ],
    document: rendered.document,
  };
}

/**
 * Reads the files a model's `$ref`s name, relative to the workspace, by the
 * store's rules (see `readWorkspaceRef`): what is refused is reported by core
 * as an unreadable ref instead of being read.
 */
export function workspaceRefReader(root: string): RefResolver {
  const realRoot = realpathSync(root);
  return (path) => readWorkspaceRef(realRoot, path);
}

/** A stored design with its project loaded, and its findings computed once, on first use. */
export interface StoredProject {
  stored: StoredDesign;
  project: LoadedProject;
  checked(): { findings: Diagnostic[]; document?: JsonObject };
}

/** Revisions kept per store: the designs someone is working on, not the whole workspace. */
const REVISIONS_KEPT = 8;
const storedProjects = new WeakMap<DesignStore, Map<string, Promise<StoredProject>>>();

/**
 * Reads a stored design and loads it, reusing the work done for the same
 * revision before: a revision names the exact bytes of both files, so a kept
 * entry cannot go stale. Models with external `$ref`s are not kept, since the
 * files they name are not part of the revision.
 */
export async function loadStoredProject(store: DesignStore, id: string): Promise<StoredProject> {
  const stored = unwrap(await store.read(id));
  let kept = storedProjects.get(store);
  if (!kept) storedProjects.set(store, (kept = new Map()));
  const key = `${stored.id}\n${stored.revision}`;
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const entry = loadProject(store.root, {
    modelFile: stored.modelFile,
    modelText: stored.modelText,
    designFile: stored.designFile,
    design: stored.design,
    designText: stored.designText,
    designDiagnostics: stored.diagnostics,
  }).then((project): StoredProject => {
    let checked: ReturnType<typeof projectFindings> | undefined;
    return { stored, project, checked: () => (checked ??= projectFindings(project)) };
  });
  kept.set(key, entry);
  while (kept.size > REVISIONS_KEPT) kept.delete(kept.keys().next().value!);
  entry.then(
    ({ project }) => {
      if (Object.keys(project.model?.externalDocuments ?? {}).length > 0) kept.delete(key);
    },
    () => kept.delete(key),
  );
  return entry;
}
