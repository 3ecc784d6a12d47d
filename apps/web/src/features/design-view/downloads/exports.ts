import type { Diagnostic } from '@gatewright/core';
import { designParam, type ApiClient } from '../../../api/client';

/** What the Download menu offers, each from the server's export routes. */
export type ExportKind = 'openapi-json' | 'openapi-yaml' | 'cdk-typescript';

/** A file to hand to the browser, or why the server would not make it. */
export type ExportResult =
  | { ok: true; fileName: string; blob: Blob }
  | { ok: false; message: string; findings: Diagnostic[] };

/** The menu's label of each export. */
export const EXPORT_LABELS: Record<ExportKind, string> = {
  'openapi-json': 'OpenAPI (JSON)',
  'openapi-yaml': 'OpenAPI (YAML)',
  'cdk-typescript': 'CDK app, TypeScript (zip)',
};

/**
 * Fetches an export of the design's saved revision. A refusal (422: the
 * design has errors) comes back as a value with the server's message and
 * findings, to show where the person is.
 */
export async function fetchExport(
  api: ApiClient,
  designId: string,
  kind: ExportKind,
): Promise<ExportResult> {
  const designs = api.api.designs[':id'];
  const param = designParam(designId);
  const response =
    kind === 'cdk-typescript'
      ? await designs.cdk.$get({ param, query: { language: 'typescript' } })
      : await designs.openapi.$get({
          param,
          query: { format: kind === 'openapi-json' ? 'json' : 'yaml' },
        });
  if (!response.ok) return refusal(response);
  const extension = kind === 'cdk-typescript' ? 'zip' : kind === 'openapi-json' ? 'json' : 'yaml';
  return {
    ok: true,
    fileName:
      attachmentName(response.headers.get('Content-Disposition')) ??
      `${fileStem(designId)}.${extension}`,
    blob: await response.blob(),
  };
}

/** The server's `{ error: { message, details: { findings } } }`, or the status line. */
async function refusal(response: Response): Promise<ExportResult> {
  try {
    const body = (await response.json()) as {
      error?: { message?: unknown; details?: { findings?: unknown } };
    };
    const findings = body.error?.details?.findings;
    return {
      ok: false,
      message:
        typeof body.error?.message === 'string'
          ? body.error.message
          : `The server answered ${response.status}.`,
      findings: Array.isArray(findings) ? (findings as Diagnostic[]) : [],
    };
  } catch {
    return { ok: false, message: `The server answered ${response.status}.`, findings: [] };
  }
}

/** The file name a `Content-Disposition: attachment; filename="..."` header gives. */
export function attachmentName(header: string | null): string | undefined {
  return header ? /filename="([^"]+)"/.exec(header)?.[1] : undefined;
}

/** A download's name from the design's id: `petstore/openapi.yaml` -> `petstore-openapi`. */
export function fileStem(designId: string): string {
  const stem = designId
    .replace(/\.(ya?ml|json)$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem || 'openapi';
}

/** Hands a file to the browser's downloads. */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once click() returns; the URL can go after this task.
  setTimeout(() => URL.revokeObjectURL(url));
}
