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
