import type { ApiModel, Operation, OperationKey } from '../model/types';
import { emptyDesign } from './defaults';
import { initialLayout } from './initial-layout';
import { STARTER_HANDLER, starterCode } from './starter-code';
import type { Backend, BackendId, DesignDocument, MockResponse, OperationDesign } from './types';

/**
 * How `gatewright init` wires a new design:
 * - `mock-all`: every operation answers with a mock of its first documented success response;
 * - `lambda-all`: one new Lambda function (`handler`) serves every operation;
 * - `empty`: nothing wired.
 */
export type DesignPattern = 'mock-all' | 'lambda-all' | 'empty';

export interface CreateDesignOptions {
  pattern: DesignPattern;
  /** The model's path; the design file sits beside it (see `designFileFor`) and records its file name. */
  modelPath: string;
}

/** The id of the Lambda backend `lambda-all` creates. */
export const SHARED_HANDLER_ID: BackendId = 'handler';

/**
 * A new design for a model, wired by a pattern, with every other setting at
 * its default and the canvas laid out (operations in a column grouped by first
 * tag, backends to the right).
 *
 * With `mock-all`, each operation's mock answers its first documented success
 * response: the lowest `2xx` status, else `2XX`, else `default`, else the lowest
 * documented redirect (`3xx`, then `3XX`). An operation that documents none of
 * these (only errors) gets a custom `200` mock with the body `{}`, so every
 * operation is still wired; `validate` then warns that 200 is undocumented.
 */
export function createDesign(model: ApiModel, options: CreateDesignOptions): DesignDocument {
  const { backends, operations } = WIRINGS[options.pattern](model.operations);
  return {
    ...emptyDesign(fileName(options.modelPath)),
    backends,
    operations,
    layout: initialLayout(model.operations, Object.keys(backends)),
  };
}

interface Wiring {
  backends: Record<BackendId, Backend>;
  operations: Record<OperationKey, OperationDesign>;
}

/** One entry per pattern; the record type makes adding a pattern without its wiring a type error. */
const WIRINGS: Record<DesignPattern, (operations: readonly Operation[]) => Wiring> = {
  'mock-all': (operations) => ({
    backends: {},
    operations: Object.fromEntries(
      operations.map((op): [OperationKey, OperationDesign] => [
        op.key,
        { integration: { kind: 'mock', response: successMock(op) } },
      ]),
    ),
  }),
  'lambda-all': (operations) => ({
    backends: {
      [SHARED_HANDLER_ID]: {
        kind: 'lambda',
        function: {
          source: 'new',
          runtime: 'nodejs24.x',
          handler: STARTER_HANDLER,
          memoryMiB: 256,
          timeoutSeconds: 29,
          code: starterCode('nodejs24.x'),
        },
      },
    },
    operations: Object.fromEntries(
      operations.map((op): [OperationKey, OperationDesign] => [
        op.key,
        { integration: { kind: 'lambda', backend: SHARED_HANDLER_ID } },
      ]),
    ),
  }),
  empty: () => ({ backends: {}, operations: {} }),
};

function successMock(operation: Operation): MockResponse {
  const statuses = operation.responses.map((r) => r.status);
  const numbered = statuses.filter((s) => /^2\d\d$/.test(s)).sort((a, b) => Number(a) - Number(b));
  // A redirect is how some operations succeed (GitHub's archive downloads answer 302).
  const redirects = statuses.filter((s) => /^3\d\d$/.test(s)).sort((a, b) => Number(a) - Number(b));
  const status =
    numbered[0] ??
    statuses.find((s) => s.toUpperCase() === '2XX') ??
    statuses.find((s) => s === 'default') ??
    redirects[0] ??
    statuses.find((s) => s.toUpperCase() === '3XX');
  return status === undefined
    ? { source: 'custom', statusCode: 200, body: '{}' }
    : { source: 'documented', status };
}

/** The last segment of a path, `/` or `\` separated; the design file lives in the same folder. */
function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
