import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '@gatewright/core';
import { onTestFinished } from 'vitest';
import { createApp, type AppOptions } from '../app';
import { allowedHostsFor } from '../main';
import { TOKEN_HEADER } from '../middleware/mutation-guard';
import { openWorkspace, sampleFolder } from '../workspace/open-workspace';

/** What tests call the server as: its own origin, as the browser page would. */
export const ORIGIN = 'http://127.0.0.1:4321';
export const TOKEN = 'test-token-0123456789';
export const SAMPLE_ID = 'petstore/openapi.yaml';
export const SAMPLE_PATH = `/api/designs/${encodeURIComponent(SAMPLE_ID)}`;

export interface CallInit {
  method?: string;
  /** Sent as JSON unless it is a string (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A real app over a real workspace in a temp folder holding the sample design
 * (`petstore/openapi.yaml`). `call` sends what the served page sends: this
 * server's Origin and the token; tests override headers to leave them out.
 */
export async function testApp(options: Partial<Pick<AppOptions, 'maxBodyBytes' | 'webRoot'>> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'gatewright-app-'));
  cpSync(sampleFolder(), join(root, 'petstore'), { recursive: true });
  const store = await openWorkspace(root);
  onTestFinished(async () => {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  });
  const logs: string[] = [];
  const app = createApp({
    store,
    token: TOKEN,
    allowedHosts: allowedHostsFor(4321),
    log: (line) => logs.push(line),
    ...options,
  });
  const call = (path: string, init: CallInit = {}) => {
    const { method = 'GET', body, headers = {} } = init;
    const json = body !== undefined && typeof body !== 'string';
    return app.request(ORIGIN + path, {
      method,
      headers: {
        origin: ORIGIN,
        [TOKEN_HEADER]: TOKEN,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: json ? JSON.stringify(body) : (body as string) }),
    });
  };
  const revisionOf = async (id = SAMPLE_ID) => {
    const read = await store.read(id);
    if (!read.ok) throw new Error(`${id} does not read: ${read.error.message}`);
    return read.value.revision;
  };
  return { app, root, store, logs, call, revisionOf };
}

/** A response's JSON body, as the type the route promises. */
export async function readJson<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** The `{ error }` body every refusal has. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { currentRevision?: string; findings?: Diagnostic[] };
  };
}

/** A refusal's error. */
export async function errorOf(response: Response): Promise<ErrorBody['error']> {
  return (await readJson<ErrorBody>(response)).error;
}
