import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { ApiError } from '../middleware/errors';

const TARGET_NAMES: Record<string, string> = {
  json: 'body',
  param: 'path',
  query: 'query',
  header: 'header',
};

/**
 * Turns a failed input validation into a 400 naming each bad field
 * (`body.modelFile: Invalid input: expected string, received number`).
 */
export const validationHook: Hook<unknown, Env, string, undefined> = (result) => {
  if (result.success) return;
  const where = TARGET_NAMES[result.target] ?? result.target;
  const issues = result.error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ApiError(
    400,
    'invalid-request',
    issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    { issues },
  );
};

/** A router whose routes validate their input and describe themselves in the app's OpenAPI document. */
export function newRouter(): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: validationHook });
}
