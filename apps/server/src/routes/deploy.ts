import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { DesignIdParams, errorResponse } from '../api/schemas';
import type { DeployService } from '../deploy/deploy-service';
import {
  DeployError,
  cancelDeploy,
  deployedInvokeUrl,
  destroyStack,
  executeChangeSet,
  listDesignStacks,
  prepareChangeSet,
} from '../deploy/engine';
import { RenderErrors, designRenderer } from '../deploy/render-design';
import { stackNameFor } from '../deploy/stack-name';
import { confirmationText, type TargetKind } from '../deploy/targets';
import { sendTryRequest, tryUrl, TryRequestSchema, TryResponseSchema } from '../deploy/try-request';
import { ApiError } from '../middleware/errors';
import type { DesignStore } from '../workspace/design-store';
import { loadStoredProject } from './project';
import { newRouter } from './router';

const TargetSchema = z.enum(['sandbox', 'aws']).default('sandbox').openapi({
  description:
    '`sandbox` (the local ministack) or `aws` (the account of the server’s credentials).',
});
const TargetQuery = z.object({ target: TargetSchema });

const ChangeSchema = z
  .object({
    action: z.enum(['Add', 'Modify', 'Remove', 'Import', 'Dynamic']),
    logicalId: z.string(),
    resourceType: z.string(),
    replacement: z.string().optional(),
  })
  .openapi('StackChange');

const ChangeSetSchema = z
  .object({
    stackName: z.string(),
    changeSetId: z.string(),
    type: z.enum(['CREATE', 'UPDATE']),
    changes: z.array(ChangeSchema),
    noChanges: z.boolean(),
    target: z.object({
      kind: z.enum(['sandbox', 'aws']),
      region: z.string(),
      accountId: z.string(),
    }),
    /** What the person approves: names the account and region for AWS. */
    confirmation: z.string(),
    documentVia: z.enum(['inline', 's3']),
    templateVia: z.enum(['inline', 's3']),
  })
  .openapi('ChangeSet');

const StacksSchema = z
  .object({
    stacks: z.array(
      z.object({
        stackName: z.string(),
        status: z.string(),
        updated: z.string().optional(),
        outputs: z.record(z.string(), z.string()),
      }),
    ),
    invokeUrl: z.string().optional(),
    running: z.boolean(),
  })
  .openapi('DesignStacks');

const ERRORS = {
  404: errorResponse('No such design, or nothing to act on.'),
  409: errorResponse('A deploy of this design is running.'),
  422: errorResponse('The design does not render, or the target rejected the template.'),
  502: errorResponse('The target answered with an error the message quotes.'),
  503: errorResponse(
    'The target cannot be reached (the sandbox is not running); the message says how to start it.',
  ),
} as const;

const changeSet = createRoute({
  method: 'post',
  path: '/designs/{id}/deploy/change-set',
  summary: "Render the design's stack and create a change set; returns its changes, runs nothing",
  request: {
    params: DesignIdParams,
    body: { content: { 'application/json': { schema: z.object({ target: TargetSchema }) } } },
  },
  responses: {
    200: {
      description: 'The change set.',
      content: { 'application/json': { schema: ChangeSetSchema } },
    },
    ...ERRORS,
  },
});

const execute = createRoute({
  method: 'post',
  path: '/designs/{id}/deploy/execute',
  summary: 'Run the change set made last; follow it at .../deploy/events',
  request: {
    params: DesignIdParams,
    body: {
      content: { 'application/json': { schema: z.object({ changeSetId: z.string().min(1) }) } },
    },
  },
  responses: {
    202: {
      description: 'Started.',
      content: { 'application/json': { schema: z.object({ stackName: z.string() }) } },
    },
    ...ERRORS,
  },
});

const events = createRoute({
  method: 'get',
  path: '/designs/{id}/deploy/events',
  summary: "Server-sent events of the design's running (or last) deploy, from its start",
  description:
    'Events: `stack-event` (`{event, progress: {done, total}}`, oldest first), `note` (`{message}`), and last `done` (`{result}`: outcome, stack status, outputs, invoke URL, failure in words). The stream ends after `done`.',
  request: { params: DesignIdParams },
  responses: {
    200: {
      description: 'The event stream.',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    404: errorResponse('No deploy of this design has run since the server started.'),
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/designs/{id}/deploy/cancel',
  summary: 'Stop the running deploy: an update is cancelled and rolled back; a create is deleted',
  request: { params: DesignIdParams },
  responses: {
    200: {
      description: 'What was done.',
      content: {
        'application/json': {
          schema: z.object({
            action: z.enum(['update-cancelled', 'create-deleted', 'nothing-running']),
            message: z.string(),
          }),
        },
      },
    },
    ...ERRORS,
  },
});

const stack = createRoute({
  method: 'get',
  path: '/designs/{id}/deploy/stack',
  summary:
    "The design's stacks (tagged gatewright:design), their status and outputs, and the invoke URL",
  request: { params: DesignIdParams, query: TargetQuery },
  responses: {
    200: { description: 'The stacks.', content: { 'application/json': { schema: StacksSchema } } },
    ...ERRORS,
  },
});

const deleteStack = createRoute({
  method: 'delete',
  path: '/designs/{id}/deploy/stack',
  summary: "Delete the design's stack and wait until it is gone",
  request: { params: DesignIdParams, query: TargetQuery },
  responses: {
    200: {
      description: 'Deleted, or there was none.',
      content: {
        'application/json': { schema: z.object({ deleted: z.boolean(), stackName: z.string() }) },
      },
    },
    ...ERRORS,
  },
});

const tryIt = createRoute({
  method: 'post',
  path: '/designs/{id}/try',
  summary: "Send one request to this design's deployed API (only there) and return the answer",
  request: {
    params: DesignIdParams,
    body: { content: { 'application/json': { schema: TryRequestSchema } } },
  },
  responses: {
    200: {
      description: 'The answer.',
      content: { 'application/json': { schema: TryResponseSchema } },
    },
    ...ERRORS,
  },
});

const startSandboxRoute = createRoute({
  method: 'post',
  path: '/sandbox/start',
  summary: 'Start the local sandbox (ministack) when it is not running; it stops with the server',
  responses: {
    200: {
      description: 'Running: started now, or already.',
      content: {
        'application/json': {
          schema: z.object({ started: z.boolean(), pid: z.number().int().optional() }),
        },
      },
    },
    503: errorResponse(
      'The sandbox is not installed or could not be started; the message says why.',
    ),
  },
});

const CANCEL_WORDS = {
  'update-cancelled':
    'The update was cancelled; CloudFormation rolls the stack back to how it was.',
  'create-deleted': 'The stack was still being created, so it is being deleted.',
  'nothing-running': 'No deploy of this design is running.',
} as const;

/** Deploying a design: change set, run, events, cancel, stacks, delete, and "try it". */
export function deployRoutes(store: DesignStore, service: DeployService) {
  const targetFor = (kind: TargetKind) => service.target(kind).catch(toApiError);

  return newRouter()
    .openapi(changeSet, async (c) => {
      const { id } = c.req.valid('param');
      const kind = c.req.valid('json').target;
      // Before reading and rendering anything: a running deploy is refused at once.
      if (service.runs.isBusy(id)) toApiError(busy());
      const { stored, project } = await loadStoredProject(store, id);
      const { model, design } = project;
      if (!model || !design)
        throw new ApiError(
          422,
          'not-renderable',
          `${stored.modelFile} cannot be deployed until ${model ? 'its design' : 'the model'} loads; fix the findings in details.`,
          { findings: project.diagnostics },
        );
      const target = await targetFor(kind);
      const prepared = await service.runs
        .exclusive(stored.id, () =>
          prepareChangeSet(target, {
            designId: stored.id,
            workspace: store.root,
            render: designRenderer(model, design, kind),
          }),
        )
        .catch(toApiError);
      service.runs.setPending(stored.id, prepared, kind);
      return c.json(
        {
          stackName: prepared.stackName,
          changeSetId: prepared.changeSetId,
          type: prepared.type,
          changes: prepared.changes,
          noChanges: prepared.noChanges,
          target: { kind, region: target.region, accountId: target.accountId },
          confirmation: confirmationText(target, prepared.stackName),
          documentVia: prepared.documentVia,
          templateVia: prepared.templateVia,
        },
        200,
      );
    })
    .openapi(execute, async (c) => {
      const { id } = c.req.valid('param');
      const { changeSetId } = c.req.valid('json');
      if (service.runs.isBusy(id)) toApiError(busy());
      const pending = service.runs.takePending(id, changeSetId);
      if (!pending)
        throw new ApiError(
          404,
          'no-change-set',
          'That change set is not the one waiting for approval (it ran, or a newer one was made); create the change set again.',
        );
      const target = await targetFor(pending.target);
      // Another run may have started while the target was being checked.
      const run = refusing(() =>
        service.runs.start(id, pending.prepared, pending.target, (emit, current) =>
          executeChangeSet(target, pending.prepared, {
            emit,
            cancelled: () => current.cancelRequested,
          }),
        ),
      );
      return c.json({ stackName: run.stackName }, 202);
    })
    .openapi(events, (c) => {
      const { id } = c.req.valid('param');
      const run = service.runs.get(id);
      if (!run)
        throw new ApiError(
          404,
          'no-deploy',
          'No deploy of this design has run since the server started.',
        );
      return streamSSE(c, async (stream) => {
        const queue = [...run.events];
        let wake: () => void = () => {};
        const stop = service.runs.subscribe(id, (event) => {
          queue.push(event);
          wake();
        });
        stream.onAbort(() => {
          stop();
          wake();
        });
        try {
          for (;;) {
            const event = queue.shift();
            if (event) {
              await stream.writeSSE({ event: event.kind, data: JSON.stringify(event) });
              if (event.kind === 'done') break;
              continue;
            }
            if (stream.aborted) break;
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, 15_000);
            });
            if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
          }
        } finally {
          stop();
        }
      });
    })
    .openapi(cancel, async (c) => {
      const { id } = c.req.valid('param');
      const run = service.runs.get(id);
      if (!run || run.result || !service.runs.isBusy(id))
        return c.json(
          { action: 'nothing-running' as const, message: CANCEL_WORDS['nothing-running'] },
          200,
        );
      run.cancelRequested = true;
      const target = await targetFor(run.target);
      const action = await cancelDeploy(target, run.stackName).catch(toApiError);
      return c.json({ action, message: CANCEL_WORDS[action] }, 200);
    })
    .openapi(stack, async (c) => {
      const { id } = c.req.valid('param');
      const stored = (await loadStoredProject(store, id)).stored;
      const target = await targetFor(c.req.valid('query').target);
      const stacks = await listDesignStacks(target, stored.id).catch(toApiError);
      const invokeUrl = await deployedInvokeUrl(target, stackNameFor(stored.id)).catch(toApiError);
      return c.json(
        { stacks, ...(invokeUrl ? { invokeUrl } : {}), running: service.runs.isBusy(stored.id) },
        200,
      );
    })
    .openapi(deleteStack, async (c) => {
      const { id } = c.req.valid('param');
      const stored = (await loadStoredProject(store, id)).stored;
      if (service.runs.isBusy(stored.id)) toApiError(busy());
      const target = await targetFor(c.req.valid('query').target);
      const stackName = stackNameFor(stored.id);
      const deleted = await service.runs
        .exclusive(stored.id, () => destroyStack(target, stackName))
        .catch(toApiError);
      return c.json({ deleted, stackName }, 200);
    })
    .openapi(startSandboxRoute, async (c) =>
      c.json(await service.startSandbox().catch(toApiError), 200),
    )
    .openapi(tryIt, async (c) => {
      const { id } = c.req.valid('param');
      const request = c.req.valid('json');
      const stored = (await loadStoredProject(store, id)).stored;
      const target = await targetFor(request.target);
      const invokeUrl = await deployedInvokeUrl(target, stackNameFor(stored.id)).catch(toApiError);
      if (!invokeUrl)
        throw new ApiError(
          404,
          'not-deployed',
          `${stored.id} has no deployed stack on ${request.target === 'aws' ? 'AWS' : 'the sandbox'}; deploy it first.`,
        );
      try {
        tryUrl(invokeUrl, request.path);
      } catch (error) {
        throw new ApiError(400, 'invalid-request', `body.path: ${(error as Error).message}`);
      }
      return c.json(await sendTryRequest(invokeUrl, request), 200);
    });
}

function busy(): DeployError {
  return new DeployError(
    'busy',
    'A deploy of this design is already running; wait for it to finish, or cancel it.',
  );
}

const STATUS: Record<DeployError['code'], 404 | 409 | 422 | 503> = {
  busy: 409,
  'sandbox-down': 503,
  rejected: 422,
  'no-stack': 404,
  'missing-parameter': 422,
  'not-deployable': 422,
};

function refusing<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    return toApiError(error);
  }
}

/** A deploy refusal as the API's error; anything else (a bug) goes on to the 500 handler. */
function toApiError(error: unknown): never {
  if (error instanceof RenderErrors)
    throw new ApiError(422, 'not-deployable', error.message, { findings: error.findings });
  if (error instanceof DeployError)
    throw new ApiError(STATUS[error.code], error.code, error.message);
  // An AWS SDK error: the target refused or failed; its message is meant for people.
  if (error instanceof Error && '$metadata' in error)
    throw new ApiError(502, 'target-error', `The target answered: ${error.name}: ${error.message}`);
  throw error;
}
