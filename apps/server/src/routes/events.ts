import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { DesignIdParams, errorResponse } from '../api/schemas';
import type { DesignStore } from '../workspace/design-store';
import { newRouter } from './router';
import { unwrap } from './store-results';

/** Proxies close idle streams; a comment line this often keeps it open. */
const KEEP_ALIVE_MILLIS = 15_000;

const events = createRoute({
  method: 'get',
  path: '/designs/{id}/events',
  summary: "Server-sent events: the design's revision now, then each time its files change",
  description:
    'Each event is `event: revision` with `data: {"id": ..., "revision": ...}`; `revision` is null once the design is gone (deleted, renamed or moved away). The first event is the current revision, so a client that read earlier knows at once whether it is stale.',
  request: { params: DesignIdParams },
  responses: {
    200: {
      description: 'The event stream.',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    404: errorResponse('No such design.'),
  },
});

/** Tells a client holding a design when its files change, in the app or outside it. */
export function eventRoutes(store: DesignStore) {
  return newRouter().openapi(events, async (c) => {
    const { id } = c.req.valid('param');
    const current = unwrap(await store.read(id));
    return streamSSE(c, async (stream) => {
      let wake: () => void = () => {};
      let sent: string | null | undefined;
      const send = async (revision: string | null) => {
        if (revision === sent || stream.aborted) return;
        sent = revision;
        await stream.writeSSE({ event: 'revision', data: JSON.stringify({ id, revision }) });
      };
      const stop = store.watch((event) => {
        if (event.id === id) void send(event.revision).catch(() => {});
      });
      stream.onAbort(() => {
        stop();
        wake();
      });
      await send(current.revision);
      while (!stream.aborted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, KEEP_ALIVE_MILLIS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        if (stream.aborted) break;
        // A change made while the store's watcher was starting, or one the file
        // system did not report, still reaches the client by the next tick.
        const now = await store.read(id);
        await send(now.ok ? now.value.revision : null);
        await stream.write(': keep-alive\n\n');
      }
    });
  });
}
