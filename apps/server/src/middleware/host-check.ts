import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors';

/**
 * Refuses requests addressed to any other host name than the server's own.
 * A page on an attacker's domain that re-points its DNS name at 127.0.0.1
 * (DNS rebinding) still sends its own name in `Host`, so it is stopped here,
 * before any route reads anything.
 *
 * @param allowedHosts `host:port` values, compared case-insensitively: `127.0.0.1:4321`, `localhost:4321`, `[::1]:4321`
 */
export function hostCheck(allowedHosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return async (c, next) => {
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    if (!allowed.has(host)) {
      throw new ApiError(
        403,
        'foreign-host',
        `This server answers only to ${[...allowed].join(', ')}, not to Host ${JSON.stringify(host)}. Open the URL the gatewright command printed.`,
      );
    }
    await next();
  };
}
