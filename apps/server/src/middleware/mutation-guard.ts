import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors';

/** The header that carries the per-launch token; the served page has it in `<meta name="gatewright-token">`. */
export const TOKEN_HEADER = 'x-gatewright-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface MutationGuardOptions {
  /** The per-launch secret. */
  token: string;
  /** The server's own origins, `http://127.0.0.1:4321` and its aliases. */
  allowedOrigins: readonly string[];
}

/**
 * Every request that may change something (any method but GET, HEAD and
 * OPTIONS) needs the per-launch token, and, when it has an `Origin`, the
 * server's own. Another site open in the same browser can neither read the
 * token (the same-origin policy keeps it out of its reach) nor send our
 * Origin, so it can change nothing. A request without `Origin` is not from a
 * browser page (browsers send it on every cross-origin and every non-GET
 * fetch); the token alone lets it through, as for a script or the bench.
 * Runs before any body is read.
 */
export function mutationGuard(options: MutationGuardOptions): MiddlewareHandler {
  const origins = new Set(options.allowedOrigins.map((origin) => origin.toLowerCase()));
  const expected = Buffer.from(options.token);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.has(origin.toLowerCase())) {
      throw new ApiError(
        403,
        'foreign-origin',
        `Changes are accepted only from this server's own page (${[...origins][0]}), not from ${JSON.stringify(origin)}.`,
      );
    }
    const given = c.req.header(TOKEN_HEADER);
    if (given === undefined) {
      throw new ApiError(
        403,
        'missing-token',
        `This request changes something and needs the ${TOKEN_HEADER} header: the page served at / carries it in <meta name="gatewright-token">.`,
      );
    }
    const received = Buffer.from(given);
    if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
      throw new ApiError(
        403,
        'invalid-token',
        `The ${TOKEN_HEADER} header does not match this launch's token; reload the page (the server may have restarted).`,
      );
    }
    await next();
  };
}
