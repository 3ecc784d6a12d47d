import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * A refusal the client can act on: the status, a stable code, a message naming
 * what was wrong and how to fix it, and details (the current revision, the
 * findings) as data. Thrown anywhere in a request; `onError` turns it into
 * `{ error: { code, message, details } }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. the current `ETag` with a 412. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The one error body every failing request gets. */
export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

// Hono's own refusals (malformed JSON, a body without a content type) carry
// only a status and a terse message; these codes make them as clear as ours.
const HTTP_EXCEPTION_CODES: Partial<Record<number, string>> = {
  400: 'bad-request',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

/**
 * Maps every error to a JSON body. Anything not an `ApiError` or an
 * `HTTPException` is a bug: the client gets a plain 500 without the stack,
 * and `log` gets the stack (never headers, so never the token).
 */
export function onError(log: (line: string) => void): ErrorHandler {
  return (error, c) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
      return c.json(errorBody(error.code, error.message, error.details), error.status);
    }
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      const message = /malformed json/i.test(error.message)
        ? 'The request body is not valid JSON.'
        : error.status === 415
          ? 'Send the body as JSON with Content-Type: application/json.'
          : error.message || 'The request was refused.';
      return c.json(errorBody(HTTP_EXCEPTION_CODES[status] ?? 'http-error', message), status);
    }
    log(
      `${c.req.method} ${new URL(c.req.url).pathname}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return c.json(
      errorBody(
        'internal',
        'Gatewright failed to answer this request; the server log has the cause.',
      ),
      500,
    );
  };
}

/** A 404 with the error body, for API paths no route matches. */
export const apiNotFound: NotFoundHandler = (c: Context) =>
  c.json(errorBody('not-found', `No API route answers ${c.req.method} ${c.req.path}.`), 404);
