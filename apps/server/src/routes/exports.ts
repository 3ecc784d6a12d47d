import { createRoute, z } from '@hono/zod-openapi';
import {
  emitCdk,
  hasErrors,
  needsBodyS3Location,
  renderOpenApi,
  renderTemplate,
  serializeOpenApi,
  type ApiModel,
  type DesignDocument,
} from '@gatewright/core';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { CdkQuery, DesignIdParams, OpenApiQuery, errorResponse } from '../api/schemas';
import { ApiError } from '../middleware/errors';
import type { DesignStore } from '../workspace/design-store';
import { loadStoredProject } from './project';
import { newRouter } from './router';
import { etag } from './store-results';

// Fixed entry times keep the archive's bytes a function of the design alone.
// (Zip times start in 1980; a day in, no time zone moves them before it.)
const ZIP_ENTRY_TIME = new Date('1980-01-02T00:00:00Z');

const openApi = createRoute({
  method: 'get',
  path: '/designs/{id}/openapi',
  summary: 'The OpenAPI document API Gateway imports, with its x-amazon-apigateway-* extensions',
  request: { params: DesignIdParams, query: OpenApiQuery },
  responses: {
    200: {
      description: 'The document.',
      content: {
        'application/json': { schema: z.record(z.string(), z.unknown()) },
        'application/yaml': { schema: z.string() },
      },
    },
    404: errorResponse('No such design.'),
    422: errorResponse('The model or the design does not load; details.findings say why.'),
  },
});

const cdk = createRoute({
  method: 'get',
  path: '/designs/{id}/cdk',
  summary: 'The complete CDK app as a zip (cdk.json, the app, the stack, package.json)',
  request: { params: DesignIdParams, query: CdkQuery },
  responses: {
    200: {
      description: 'The zip, as an attachment.',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    404: errorResponse('No such design.'),
    422: errorResponse('The design has errors; details.findings are the errors to fix first.'),
  },
});

const TemplateQuery = z.object({
  target: z
    .enum(['sandbox', 'aws'])
    .default('sandbox')
    .openapi({ param: { name: 'target', in: 'query' } }),
});

const template = createRoute({
  method: 'get',
  path: '/designs/{id}/template',
  summary: 'The CloudFormation template that deploys the API, with its parameters and findings',
  request: { params: DesignIdParams, query: TemplateQuery },
  responses: {
    200: {
      description:
        'The template (document inline as Body), the parameters it takes, what rendering found (a design the target cannot take has errors here), and whether the document must go to S3.',
      content: {
        'application/json': {
          schema: z.object({
            template: z.record(z.string(), z.unknown()),
            parameters: z.array(
              z.object({
                name: z.string(),
                kind: z.string(),
                description: z.string(),
                default: z.string().optional(),
              }),
            ),
            findings: z.array(z.record(z.string(), z.unknown())),
            needsBodyS3Location: z.boolean(),
          }),
        },
      },
    },
    404: errorResponse('No such design.'),
    422: errorResponse('The model or the design does not load; details.findings say why.'),
  },
});

async function loadRenderable(store: DesignStore, id: string) {
  const { stored, project, checked } = await loadStoredProject(store, id);
  const { model, design } = project;
  if (!model || !design) {
    throw new ApiError(
      422,
      'not-renderable',
      `${stored.modelFile} cannot be rendered until ${model ? 'its design' : 'the model'} loads; fix the findings in details.`,
      { findings: project.diagnostics },
    );
  }
  return { stored, project: { ...project, model, design }, checked };
}

/** A file name for the download: the API's name, else its title, as a slug. */
function appName(model: ApiModel, design: DesignDocument): string {
  const slug = (design.apiName ?? model.title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'api'}-cdk`;
}

/** What a design renders to: the OpenAPI document, the CloudFormation template and the CDK app. */
export function exportRoutes(store: DesignStore) {
  return newRouter()
    .openapi(openApi, async (c) => {
      const { stored, project } = await loadRenderable(store, c.req.valid('param').id);
      const { format } = c.req.valid('query');
      const text = serializeOpenApi(renderOpenApi(project.model, project.design).document, format);
      c.header('ETag', etag(stored.revision));
      return c.body(text, 200, {
        'Content-Type':
          format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8',
      });
    })
    .openapi(template, async (c) => {
      const { stored, project } = await loadRenderable(store, c.req.valid('param').id);
      const rendered = renderTemplate(project.model, project.design, {
        target: c.req.valid('query').target,
      });
      c.header('ETag', etag(stored.revision));
      return c.json(
        {
          template: rendered.template,
          parameters: rendered.parameters,
          findings: rendered.diagnostics,
          needsBodyS3Location: needsBodyS3Location(rendered),
        },
        200,
      );
    })
    .openapi(cdk, async (c) => {
      const { project, checked } = await loadRenderable(store, c.req.valid('param').id);
      const errors = checked().findings.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        throw new ApiError(
          422,
          'design-has-errors',
          `The CDK app is not exported while the design has ${errors.length} error${errors.length === 1 ? '' : 's'} (the app would not deploy); fix them first.`,
          { findings: errors },
        );
      }
      const emitted = emitCdk(project.model, project.design, {
        language: c.req.valid('query').language,
      });
      if (hasErrors(emitted.diagnostics)) {
        throw new ApiError(
          422,
          'design-has-errors',
          'Emitting the CDK app found errors; fix them first.',
          {
            findings: emitted.diagnostics.filter((d) => d.severity === 'error'),
          },
        );
      }
      const name = appName(project.model, project.design);
      const files: Zippable = {};
      for (const [path, text] of Object.entries(emitted.files)) {
        files[`${name}/${path}`] = [strToU8(text), { mtime: ZIP_ENTRY_TIME }];
      }
      return c.body(zipSync(files, { level: 6 }), 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${name}.zip"`,
      });
    });
}
