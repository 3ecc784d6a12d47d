/**
 * The Node adapter: runs the Hono app on 127.0.0.1 and nothing else. Which
 * workspace, which port and what to print are `commands/serve.ts`'s business.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import type { DesignStore } from './workspace/design-store';

/** Only the loopback interface: the designer is for the person at this machine. */
export const HOSTNAME = '127.0.0.1';

export interface StartOptions {
  store: DesignStore;
  /** @default 0: a free port */
  port?: number;
  webRoot?: string;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Stops accepting requests, ends open event streams, and closes the store. */
  close(): Promise<void>;
}

/** The names a browser may use for this server; anything else in `Host` is refused. */
export function allowedHostsFor(port: number): string[] {
  return [`${HOSTNAME}:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/** Starts the server; resolves once it listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const token = randomBytes(32).toString('base64url');
  // The allowed Host names include the port, known only once listening (port 0
  // picks a free one); no request is answered before the app exists.
  const ready: { app?: ReturnType<typeof createApp> } = {};
  const server = createAdaptorServer({
    fetch: (request, env) =>
      ready.app ? ready.app.fetch(request, env) : new Response('starting', { status: 503 }),
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOSTNAME, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ready.app = createApp({
    store: options.store,
    token,
    allowedHosts: allowedHostsFor(port),
    ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
  });
  return {
    origin: `http://${HOSTNAME}:${port}`,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Event streams never end by themselves; without this, close would wait for every open page.
      server.closeAllConnections();
      await closed;
      await options.store.close();
    },
  };
}
