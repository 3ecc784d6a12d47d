import { createRoute } from '@hono/zod-openapi';
import { basename } from 'node:path';
import { designFileFor, emptyDesign, type Diagnostic } from '@gatewright/core';
import { DesignIdParams, DraftBody, ValidationSchema, errorResponse } from '../api/schemas';
import { countBySeverity } from '../findings';
import type { DesignStore } from '../workspace/design-store';
import { loadProject, loadStoredProject, projectFindings } from './project';
import { newRouter } from './router';
import { unwrap } from './store-results';
import { checkDesignId } from '../workspace/design-ids';

const validation = {
  description: 'Every finding, each with a location to jump to.',
  content: { 'application/json': { schema: ValidationSchema } },
};

const validateSaved = createRoute({
  method: 'post',
  path: '/designs/{id}/validate',
  summary: 'Check a saved design: core rules, rendering, and the official OpenAPI schema',
  request: { params: DesignIdParams },
  responses: {
    200: validation,
    400: errorResponse('Invalid id.'),
    404: errorResponse('No such design.'),
  },
});

const validateDraft = createRoute({
  method: 'post',
  path: '/validate',
  summary: 'Check an unsaved draft (model text and design) the same way',
  request: { body: { content: { 'application/json': { schema: DraftBody } }, required: true } },
  responses: { 200: validation, 400: errorResponse('Invalid body.') },
});

function result(findings: Diagnostic[], revision?: string) {
  return {
    ...(revision === undefined ? {} : { revision }),
    findings,
    counts: countBySeverity(findings),
  };
}

/** Validation of saved designs and of drafts. POST: it computes, and drafts are too large for a URL. */
export function validateRoutes(store: DesignStore) {
  return newRouter()
    .openapi(validateSaved, async (c) => {
      const { stored, checked } = await loadStoredProject(store, c.req.valid('param').id);
      return c.json(result(checked().findings, stored.revision), 200);
    })
    .openapi(validateDraft, async (c) => {
      const draft = c.req.valid('json');
      // The name resolves the draft's refs in the workspace: it follows the rules a design id does.
      if (draft.modelFile !== undefined) unwrap(checkDesignId(draft.modelFile, 'model file'));
      const modelFile = draft.modelFile ?? 'openapi.yaml';
      const project = await loadProject(draft.modelFile === undefined ? undefined : store.root, {
        modelFile,
        modelText: draft.modelText,
        designFile: designFileFor(modelFile),
        // A draft without a design has nothing wired yet: check it as such.
        designText:
          draft.designText ??
          JSON.stringify(draft.design ?? emptyDesign(basename(modelFile)), null, 2),
      });
      return c.json(result(projectFindings(project).findings), 200);
    });
}
