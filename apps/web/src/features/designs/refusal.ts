import { ApiRequestError, ensureOk } from '../../api/client';

/** A finding the server sends with a refusal: what is wrong with the model, and where. */
export interface RefusalFinding {
  severity: 'error' | 'warning' | 'info';
  message: string;
  location?: { line?: number; column?: number };
}

/**
 * A refusal that came with findings (`details.findings`), as a model that
 * does not parse is refused: each one says what to fix and on which line.
 */
export class RefusalWithFindings extends ApiRequestError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly findings: readonly RefusalFinding[],
  ) {
    super(status, code, message);
    this.name = 'RefusalWithFindings';
  }
}

/**
 * Like {@link ensureOk}, but a refusal with findings throws a
 * {@link RefusalWithFindings} so they can be shown beside the text.
 */
export async function ensureOkWithFindings<R extends Response>(response: R): Promise<R> {
  if (response.ok) return response;
  const findings = await findingsOf(response);
  try {
    return await ensureOk(response);
  } catch (error) {
    if (error instanceof ApiRequestError && findings.length > 0)
      throw new RefusalWithFindings(error.status, error.code, error.message, findings);
    throw error;
  }
}

async function findingsOf(response: Response): Promise<RefusalFinding[]> {
  try {
    const body = (await response.clone().json()) as {
      error?: { details?: { findings?: unknown } };
    };
    const findings = body.error?.details?.findings;
    return Array.isArray(findings) ? findings.filter(isFinding) : [];
  } catch {
    return [];
  }
}

function isFinding(value: unknown): value is RefusalFinding {
  const finding = value as Partial<RefusalFinding> | null;
  return typeof finding?.message === 'string' && typeof finding.severity === 'string';
}

/** Where a create dialog shows a refusal: under the path, under the text, or for the whole form. */
export type RefusalPlace = 'path' | 'text' | 'form';

/** The field a refusal is about: a taken or invalid id is the path's, findings are the text's. */
export function refusalPlace(error: Error): RefusalPlace {
  if (error instanceof RefusalWithFindings) return 'text';
  if (
    error instanceof ApiRequestError &&
    (error.code === 'already-exists' || error.code === 'invalid-id')
  )
    return 'path';
  return 'form';
}

/**
 * A refused write to a listed design, in the list's terms: the list was read
 * at a revision, so a conflict or a missing design means it was out of date
 * (and has been refreshed), which the person can act on; other refusals keep
 * the server's own words.
 */
export function describeListedWriteRefusal(error: Error, designName: string): string {
  if (error instanceof ApiRequestError && error.code === 'revision-conflict')
    return `${designName} changed since the list was loaded (in another tab or on disk). The list now shows it as it is; try again.`;
  if (error instanceof ApiRequestError && error.status === 404)
    return `${designName} is no longer in the workspace (moved or deleted elsewhere). The list is refreshed.`;
  return error.message;
}
