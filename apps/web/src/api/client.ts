import type { AppType } from '@gatewright/server/src/app';
import { hc } from 'hono/client';

/** The header that carries the per-launch token on every change (POST, PUT, DELETE). */
export const TOKEN_HEADER = 'x-gatewright-token';

/**
 * The per-launch token the server injects into the served page as
 * `<meta name="gatewright-token">`; empty when the page was not served by
 * Gatewright (the dev server), where only reads work.
 */
export function readToken(doc: Document): string {
  return doc.querySelector('meta[name="gatewright-token"]')?.getAttribute('content') ?? '';
}

export interface ApiClientOptions {
  /** The server's origin. @default the page's own origin */
  baseUrl?: string;
  token: string;
  /** @default the global fetch */
  fetch?: typeof fetch;
}

/** The server's API, typed from its routes (Hono RPC over `AppType`). */
export function createApiClient(options: ApiClientOptions) {
  return hc<AppType>(options.baseUrl ?? window.location.origin, {
    headers: { [TOKEN_HEADER]: options.token },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The `param` of a route with a design id: the id contains `/` and travels as
 * ONE URL-encoded segment, and the Hono client does not encode params itself.
 */
export function designParam(designId: string): { id: string } {
  return { id: encodeURIComponent(designId) };
}

/** A refusal from the server: its status and its `{ error: { code, message } }` body. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** Throws an {@link ApiRequestError} for a non-2xx response, naming the server's own reason. */
export async function ensureOk<R extends Response>(response: R): Promise<R> {
  if (response.ok) return response;
  let code = 'http-' + response.status;
  let message = `The server answered ${response.status} ${response.statusText}.`;
  try {
    const body: unknown = await response.clone().json();
    const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code === 'string') code = error.code;
    if (typeof error?.message === 'string') message = error.message;
  } catch {
    // Not the server's JSON error shape (a proxy's page, say): keep the status line.
  }
  throw new ApiRequestError(response.status, code, message);
}
