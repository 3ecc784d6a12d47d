import { createRoute, z } from '@hono/zod-openapi';
import { StoredDesignSchema, TrashEntrySchema, TrashIdParams, errorResponse } from '../api/schemas';
import type { DesignStore } from '../workspace/design-store';
import { newRouter } from './router';
import { etag, unwrap } from './store-results';

const list = createRoute({
  method: 'get',
  path: '/trash',
  summary: 'Deleted designs that can be restored',
  responses: {
    200: {
      description: 'The trash, newest first as the store lists it.',
      content: { 'application/json': { schema: z.object({ entries: z.array(TrashEntrySchema) }) } },
    },
  },
});

const restore = createRoute({
  method: 'post',
  path: '/trash/{trashId}/restore',
  summary: 'Put a deleted design back where it was',
  request: { params: TrashIdParams },
  responses: {
    200: {
      description: 'Restored.',
      content: { 'application/json': { schema: StoredDesignSchema } },
    },
    400: errorResponse('Invalid trash id.'),
    404: errorResponse('No such trash entry.'),
    409: errorResponse('A design has taken its id since; rename that one first.'),
  },
});

/** The trash: what `DELETE /designs/{id}` moved there, and restoring it. */
export function trashRoutes(store: DesignStore) {
  return newRouter()
    .openapi(list, async (c) => c.json({ entries: await store.listTrash() }, 200))
    .openapi(restore, async (c) => {
      const restored = unwrap(await store.restore(c.req.valid('param').trashId));
      c.header('ETag', etag(restored.revision));
      return c.json(restored, 200);
    });
}
