import { z } from '@hono/zod-openapi';

/** One request a person sends to their deployed API from the "Try it" panel. */
export const TryRequestSchema = z
  .object({
    target: z.enum(['sandbox', 'aws']).default('sandbox'),
    method: z.enum(['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']),
    /** The path under the stage, with its parameters filled in and an optional query: `/pets/7?full=true`. */
    path: z
      .string()
      .max(4096)
      .regex(/^\/(?!\/)/, 'must start with one / (a path under the deployed stage)'),
    headers: z.record(z.string(), z.string()).default({}),
    body: z
      .string()
      .max(10 * 1024 * 1024)
      .optional(),
  })
  .openapi('TryRequest');

export type TryRequest = z.infer<typeof TryRequestSchema>;

export const TryResponseSchema = z
  .object({
    url: z.string(),
    status: z.number().int(),
    headers: z.record(z.string(), z.string()),
    body: z.string(),
    timeMillis: z.number(),
  })
  .openapi('TryResponse');

export type TryResponse = z.infer<typeof TryResponseSchema>;

/** Headers the server sets itself, or that would let a request go elsewhere. */
const DROPPED_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'x-gatewright-token',
  'cookie',
]);

const TRY_TIMEOUT_MILLIS = 30_000;

/** The URL a try goes to: always under the invoke URL, whatever the path says. */
export function tryUrl(invokeUrl: string, path: string): string {
  const base = new URL(invokeUrl.endsWith('/') ? invokeUrl : invokeUrl + '/');
  const url = new URL('.' + path, base);
  // `..` segments are resolved by URL; a path that climbs out of the stage is refused.
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname))
    throw new RangeError(`${path} leaves the deployed API`);
  return url.toString();
}

/**
 * Sends the request to the design's deployed API and returns what came back
 * and how long it took. A network failure or a timeout is an answer too
 * (status 0, the reason as the body), so the panel always shows something.
 * Throws a RangeError for a path that leaves the API (see `tryUrl`).
 */
export async function sendTryRequest(invokeUrl: string, request: TryRequest): Promise<TryResponse> {
  const url = tryUrl(invokeUrl, request.path);
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => !DROPPED_HEADERS.has(name.toLowerCase())),
  );
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: request.method,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(TRY_TIMEOUT_MILLIS),
      ...(request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD'
        ? { body: request.body }
        : {}),
    });
    const body = await response.text();
    return {
      url,
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body,
      timeMillis: Math.round(performance.now() - started),
    };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `No answer within ${TRY_TIMEOUT_MILLIS / 1000} s.`
        : `The request could not be sent: ${error instanceof Error ? error.message : String(error)}`;
    return {
      url,
      status: 0,
      headers: {},
      body: reason,
      timeMillis: Math.round(performance.now() - started),
    };
  }
}
