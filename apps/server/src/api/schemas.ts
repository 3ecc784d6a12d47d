/**
 * The HTTP API's request and response shapes. Every route validates its input
 * with these (through `@hono/zod-openapi`), and the same schemas describe the
 * API at `/api/openapi.json` and type the web app's RPC client.
 */
import { z } from '@hono/zod-openapi';
import type { DesignDocument } from '@gatewright/core';

const MAX_PATH_LENGTH = 1024;

/**
 * A design's id, `petstore/openapi.yaml`, sent as ONE path segment: the client
 * encodes it with `encodeURIComponent` (`petstore%2Fopenapi.yaml`), so ids
 * with folders need no special routing.
 */
export const DesignIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(MAX_PATH_LENGTH)
    .openapi({
      param: { name: 'id', in: 'path' },
      description:
        "The design's id (its model file's path in the workspace), URL-encoded as one segment.",
      example: 'petstore%2Fopenapi.yaml',
    }),
});

export const TrashIdParams = z.object({
  trashId: z
    .string()
    .min(1)
    .max(MAX_PATH_LENGTH)
    .openapi({ param: { name: 'trashId', in: 'path' }, description: 'URL-encoded trash id.' }),
});

/** Writes are conditional: `If-Match` carries the revision the client last read. */
export const IfMatchHeaders = z.object({
  'if-match': z
    .string()
    .max(200)
    .optional()
    .openapi({
      param: { name: 'if-match', in: 'header' },
      description: 'The revision (ETag) the change is based on. Required; without it: 428.',
      example: '"3f2a9c0d1e4b5a67"',
    }),
});

/**
 * A design document. Its shape is checked by core's `loadDesign` against the
 * design schema (findings with pointers), not repeated here.
 */
export const DesignSchema = z
  .custom<DesignDocument>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    { message: 'expected a design document (a JSON object)' },
  )
  .openapi('Design', {
    type: 'object',
    description: 'A design document (design.schema.json, format version 1).',
  });

export const LocationSchema = z
  .object({
    file: z.string().optional(),
    pointer: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    operation: z.string().optional(),
  })
  .openapi('Location');

export const FindingSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    location: LocationSchema,
  })
  .openapi('Finding');

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'revision-conflict' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const DesignSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    revision: z.string(),
    operationCount: z.number().int(),
    integratedCount: z.number().int(),
    modifiedAt: z.string(),
    findings: z.array(FindingSchema).optional(),
  })
  .openapi('DesignSummary');

export const StoredDesignSchema = z
  .object({
    id: z.string(),
    revision: z.string(),
    modelFile: z.string(),
    modelText: z.string(),
    designFile: z.string(),
    designText: z.string().optional(),
    design: DesignSchema.optional(),
    diagnostics: z.array(FindingSchema),
    modifiedAt: z.string(),
  })
  .openapi('StoredDesign');

export const BackupEntrySchema = z
  .object({ revision: z.string(), replacedAt: z.string() })
  .openapi('BackupEntry');

export const BackupParams = DesignIdParams.extend({
  revision: z
    .string()
    .regex(/^[0-9A-Za-z_-]{1,128}$/)
    .openapi({ param: { name: 'revision', in: 'path' }, example: '3f2a9c0d1e4b5a67' }),
});

export const TrashEntrySchema = z
  .object({ trashId: z.string(), id: z.string(), name: z.string(), deletedAt: z.string() })
  .openapi('TrashEntry');

const ModelFileField = z.string().min(1).max(MAX_PATH_LENGTH).openapi({
  description: "The model file's path in the workspace, `/`-separated.",
  example: 'orders/openapi.yaml',
});

export const SAMPLES = ['petstore'] as const;

export const CreateDesignBody = z
  .object({
    modelFile: ModelFileField.optional().openapi({
      description:
        "Where to put the model in the workspace. @default for a sample: '<sample>/openapi.yaml'",
    }),
    modelText: z.string().optional().openapi({ description: 'The model, as pasted or uploaded.' }),
    design: DesignSchema.optional(),
    sample: z.enum(SAMPLES).optional().openapi({ description: 'Copy a sample design instead.' }),
  })
  .refine((body) => (body.modelText === undefined) !== (body.sample === undefined), {
    message: 'give exactly one of modelText and sample',
    path: ['modelText'],
  })
  .refine((body) => body.sample === undefined || body.design === undefined, {
    message: 'a sample brings its own design: leave design out',
    path: ['design'],
  })
  .refine((body) => body.sample !== undefined || body.modelFile !== undefined, {
    message: 'modelFile is required with modelText',
    path: ['modelFile'],
  })
  .openapi('CreateDesign');

export const UpdateDesignBody = z
  .object({
    modelText: z.string().optional(),
    design: DesignSchema.optional(),
  })
  .refine((body) => body.modelText !== undefined || body.design !== undefined, {
    message: 'give modelText, design or both',
    path: ['design'],
  })
  .openapi('UpdateDesign');

export const RenameDesignBody = z.object({ modelFile: ModelFileField }).openapi('RenameDesign');

export const ValidationSchema = z
  .object({
    revision: z.string().optional(),
    findings: z.array(FindingSchema),
    counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  })
  .openapi('Validation');

export const DraftBody = z
  .object({
    modelFile: ModelFileField.optional().openapi({
      description:
        "The draft's model path in the workspace: names it in findings and resolves its relative $refs. @default 'openapi.yaml', and external refs are not followed",
    }),
    modelText: z.string(),
    design: DesignSchema.optional(),
    designText: z
      .string()
      .optional()
      .openapi({ description: 'The design as text, when it does not parse.' }),
  })
  .refine((body) => body.design === undefined || body.designText === undefined, {
    message: 'give design or designText, not both',
    path: ['designText'],
  })
  .openapi('Draft');

export const OpenApiQuery = z.object({
  format: z
    .enum(['json', 'yaml'])
    .default('json')
    .openapi({ param: { name: 'format', in: 'query' } }),
});

export const CdkQuery = z.object({
  language: z
    .enum(['typescript'])
    .default('typescript')
    .openapi({ param: { name: 'language', in: 'query' } }),
});

/** The JSON error body of a status, for route definitions. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ErrorSchema } } } as const;
}
