import { createRoute, z } from '@hono/zod-openapi';
import {
  BackupEntrySchema,
  BackupParams,
  CreateDesignBody,
  DesignIdParams,
  DesignSummarySchema,
  IfMatchHeaders,
  RenameDesignBody,
  StoredDesignSchema,
  TrashEntrySchema,
  UpdateDesignBody,
  errorResponse,
} from '../api/schemas';
import type { DesignStore } from '../workspace/design-store';
import { newRouter } from './router';
import { readSample } from './samples';
import { etag, ifMatchRequired, requireRevision, unwrap } from './store-results';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const list = createRoute({
  method: 'get',
  path: '/designs',
  summary: "The workspace's designs",
  responses: { 200: json(z.object({ designs: z.array(DesignSummarySchema) }), 'The designs.') },
});

const create = createRoute({
  method: 'post',
  path: '/designs',
  summary:
    'Create a design from a pasted or uploaded model (and optional design), or from a sample',
  request: jsonBody(CreateDesignBody),
  responses: {
    201: json(StoredDesignSchema, 'Created; ETag is its revision.'),
    400: errorResponse('Invalid body, id or design.'),
    409: errorResponse('A design already has this id.'),
  },
});

const read = createRoute({
  method: 'get',
  path: '/designs/{id}',
  summary: 'A design: its model text, its design and the findings from reading them',
  request: { params: DesignIdParams },
  responses: {
    200: json(StoredDesignSchema, 'The design; ETag is its revision.'),
    400: errorResponse('Invalid id.'),
    404: errorResponse('No such design.'),
  },
});

const writeErrors = {
  400: errorResponse('Invalid id or body.'),
  404: errorResponse('No such design.'),
  412: errorResponse('If-Match is not the current revision; details.currentRevision is.'),
  428: errorResponse('If-Match is missing.'),
} as const;

const update = createRoute({
  middleware: [ifMatchRequired] as const,
  method: 'put',
  path: '/designs/{id}',
  summary: "Replace a design's model text, its design, or both",
  request: { params: DesignIdParams, headers: IfMatchHeaders, ...jsonBody(UpdateDesignBody) },
  responses: { 200: json(StoredDesignSchema, 'Saved; ETag is the new revision.'), ...writeErrors },
});

const rename = createRoute({
  middleware: [ifMatchRequired] as const,
  method: 'post',
  path: '/designs/{id}/rename',
  summary: 'Move the model file (and its design file with it)',
  request: { params: DesignIdParams, headers: IfMatchHeaders, ...jsonBody(RenameDesignBody) },
  responses: {
    200: json(StoredDesignSchema, 'Renamed; the body has the new id.'),
    409: errorResponse('A design already has the new id.'),
    ...writeErrors,
  },
});

const remove = createRoute({
  middleware: [ifMatchRequired] as const,
  method: 'delete',
  path: '/designs/{id}',
  summary: "Move a design's files to the workspace's trash",
  request: { params: DesignIdParams, headers: IfMatchHeaders },
  responses: {
    200: json(TrashEntrySchema, 'In the trash; restore it from there.'),
    ...writeErrors,
  },
});

const backups = createRoute({
  method: 'get',
  path: '/designs/{id}/backups',
  summary: "The revisions a design's saves replaced, newest first",
  request: { params: DesignIdParams },
  responses: {
    200: json(z.object({ backups: z.array(BackupEntrySchema) }), 'The kept revisions.'),
    400: errorResponse('Invalid id.'),
  },
});

const restoreBackup = createRoute({
  middleware: [ifMatchRequired] as const,
  method: 'post',
  path: '/designs/{id}/backups/{revision}/restore',
  summary: 'Make a kept revision current again; the one it replaces is kept in turn',
  request: { params: BackupParams, headers: IfMatchHeaders },
  responses: {
    200: json(StoredDesignSchema, 'Restored; ETag is the new current revision.'),
    409: errorResponse('The files on disk stop the write (see the message).'),
    ...writeErrors,
  },
});

/** Designs: list, create, read, update, rename, delete (to the trash). */
export function designRoutes(store: DesignStore) {
  return newRouter()
    .openapi(list, async (c) => c.json({ designs: await store.list() }, 200))
    .openapi(create, async (c) => {
      const body = c.req.valid('json');
      const sample = body.sample === undefined ? undefined : await readSample(body.sample);
      const modelFile = body.modelFile ?? `${body.sample}/openapi.yaml`;
      // The store checks the design against the schema and points it at its model.
      const created = unwrap(
        await store.create({
          modelFile,
          modelText: sample?.modelText ?? body.modelText ?? '',
          design: sample?.design ?? body.design,
        }),
      );
      c.header('ETag', etag(created.revision));
      c.header('Location', `/api/designs/${encodeURIComponent(created.id)}`);
      return c.json(created, 201);
    })
    .openapi(read, async (c) => {
      const stored = unwrap(await store.read(c.req.valid('param').id));
      c.header('ETag', etag(stored.revision));
      return c.json(stored, 200);
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      const ifMatch = requireRevision(c.req.valid('header')['if-match']);
      const body = c.req.valid('json');
      const saved = unwrap(
        await store.update(id, ifMatch, {
          ...(body.modelText === undefined ? {} : { modelText: body.modelText }),
          ...(body.design === undefined ? {} : { design: body.design }),
        }),
      );
      c.header('ETag', etag(saved.revision));
      return c.json(saved, 200);
    })
    .openapi(rename, async (c) => {
      const { id } = c.req.valid('param');
      const ifMatch = requireRevision(c.req.valid('header')['if-match']);
      const renamed = unwrap(await store.rename(id, ifMatch, c.req.valid('json').modelFile));
      c.header('ETag', etag(renamed.revision));
      return c.json(renamed, 200);
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      const ifMatch = requireRevision(c.req.valid('header')['if-match']);
      return c.json(unwrap(await store.remove(id, ifMatch)), 200);
    })
    .openapi(backups, async (c) =>
      c.json({ backups: unwrap(await store.listBackups(c.req.valid('param').id)) }, 200),
    )
    .openapi(restoreBackup, async (c) => {
      const { id, revision } = c.req.valid('param');
      const ifMatch = requireRevision(c.req.valid('header')['if-match']);
      const restored = unwrap(await store.restoreBackup(id, ifMatch, revision));
      c.header('ETag', etag(restored.revision));
      return c.json(restored, 200);
    });
}
