import type { MiddlewareHandler } from 'hono';
import type { Revision, StoreError, StoreResult } from '../workspace/design-store';
import { ApiError } from '../middleware/errors';

/** The revision as an HTTP entity tag. */
export function etag(revision: Revision): string {
  return `"${revision}"`;
}

/**
 * The revision a write is based on, from `If-Match`. A write without one is
 * refused (428): it would overwrite whatever is there, unseen.
 */
export function requireRevision(ifMatch: string | undefined): Revision {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new ApiError(
      428,
      'if-match-required',
      'Send If-Match with the revision (ETag) you last read, so a newer revision is never overwritten unseen.',
    );
  }
  // Compression turns the ETag weak (W/"..."), so a client may echo either form.
  return ifMatch
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}

/** Refuses a write without `If-Match` before its body is read or validated. */
export const ifMatchRequired: MiddlewareHandler = async (c, next) => {
  requireRevision(c.req.header('if-match'));
  await next();
};

/** The store's value, or the refusal as the matching HTTP error. */
export function unwrap<T>(result: StoreResult<T>): T {
  if (result.ok) return result.value;
  throw storeError(result.error);
}

function storeError(error: StoreError): ApiError {
  switch (error.code) {
    case 'not-found':
      return new ApiError(404, error.code, error.message);
    case 'revision-conflict':
      return new ApiError(
        412,
        error.code,
        `${error.message} Nothing was written: read the current revision, reapply your change, and send it again.`,
        { currentRevision: error.currentRevision },
        { ETag: etag(error.currentRevision) },
      );
    case 'already-exists':
    case 'unusable-files':
      return new ApiError(409, error.code, error.message);
    case 'invalid-id':
      return new ApiError(400, error.code, error.message);
    case 'invalid-input':
      return new ApiError(
        400,
        error.code,
        error.message,
        error.diagnostics && { findings: error.diagnostics },
      );
  }
}
