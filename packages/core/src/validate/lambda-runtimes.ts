import type { LambdaRuntime } from '../design/types';

/** When Lambda stopped supporting a runtime, and what to move to. */
export interface RuntimeDeprecation {
  /** ISO date the runtime was deprecated. */
  deprecated: string;
  /** ISO date from which new functions can no longer use it, when announced. */
  blockFunctionCreate?: string;
  replacement: LambdaRuntime;
}

/**
 * Deprecated runtimes among those a design can name. The one table of these
 * dates; update it from AWS's "Lambda runtimes" page
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), as the
 * design notes (INTEGRATIONS.md, "Limits that bite real APIs") did. It lists
 * only deprecations already in force, so findings do not depend on the day
 * validation runs.
 */
export const DEPRECATED_RUNTIMES: Readonly<Partial<Record<LambdaRuntime, RuntimeDeprecation>>> = {
  'nodejs18.x': { deprecated: '2025-09-01', replacement: 'nodejs24.x' },
  'nodejs20.x': {
    deprecated: '2026-04-30',
    blockFunctionCreate: '2027-02-01',
    replacement: 'nodejs24.x',
  },
  'python3.9': { deprecated: '2025-12-15', replacement: 'python3.14' },
};
