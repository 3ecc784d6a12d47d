import {
  createDesign,
  emptyDesign,
  validate,
  type ApiModel,
  type Backend,
  type LambdaRuntime,
} from '@gatewright/core';

// Core exports the runtime union as a type only; this record makes a runtime
// added there a type error here until it is offered.
const OFFERED: Record<LambdaRuntime, true> = {
  'nodejs24.x': true,
  'nodejs22.x': true,
  'nodejs20.x': true,
  'nodejs18.x': true,
  'python3.14': true,
  'python3.13': true,
  'python3.12': true,
  'python3.11': true,
  'python3.10': true,
  'python3.9': true,
};

/** The runtimes a new function can have, newest first per language. */
export const LAMBDA_RUNTIMES = Object.keys(OFFERED) as LambdaRuntime[];

const NO_MODEL: ApiModel = {
  text: '',
  format: 'yaml',
  specVersion: '3.0',
  document: { openapi: '3.0.3', info: { title: 'runtimes', version: '1' }, paths: {} },
  externalDocuments: {},
  title: 'runtimes',
  version: '1',
  operations: [],
  locate: () => undefined,
};

let deprecated: ReadonlyMap<LambdaRuntime, string> | undefined;

/**
 * Deprecated runtimes with core's finding about each. Core keeps the one
 * table of deprecation dates but does not export it, so it is read through
 * `validate`: a design with a function per runtime, once.
 */
export function deprecatedRuntimes(): ReadonlyMap<LambdaRuntime, string> {
  if (deprecated) return deprecated;
  const backends: Record<string, Backend> = {};
  for (const runtime of LAMBDA_RUNTIMES) {
    backends[runtime] = {
      kind: 'lambda',
      function: {
        source: 'new',
        runtime,
        handler: 'index.handler',
        memoryMiB: 256,
        timeoutSeconds: 29,
        code: '',
      },
    };
  }
  const findings = validate(NO_MODEL, { ...emptyDesign('runtimes.yaml'), backends }).filter(
    (finding) => finding.code === 'validate.deprecated-runtime',
  );
  deprecated = new Map(
    LAMBDA_RUNTIMES.flatMap((runtime) => {
      const finding = findings.find(
        (f) => f.location.pointer === `/backends/${runtime}/function/runtime`,
      );
      return finding ? [[runtime, finding.message] as const] : [];
    }),
  );
  return deprecated;
}

/**
 * Core's starter handler, taken from the design `lambda-all` creates (core
 * does not export the starter code itself). It is written for Node.js.
 */
export function starterFunction(): Extract<Backend, { kind: 'lambda' }>['function'] {
  const design = createDesign(NO_MODEL, { pattern: 'lambda-all', modelPath: 'starter.yaml' });
  const backend = Object.values(design.backends)[0];
  if (backend?.kind !== 'lambda')
    throw new Error('core’s lambda-all pattern made no Lambda backend');
  return backend.function;
}
