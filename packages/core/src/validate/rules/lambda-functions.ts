import { diagnostic, type Diagnostic } from '../../diagnostics';
import { pointer } from '../../json';
import type { RuleContext } from '../context';
import { DEPRECATED_RUNTIMES } from '../lambda-runtimes';

const MEMORY_MIB = { min: 128, max: 10_240 };
const TIMEOUT_SECONDS = { min: 1, max: 900 };

/** Settings of new Lambda functions that Lambda refuses, and runtimes it no longer supports. */
export function lambdaFunctions({ design, designAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const [id, backend] of Object.entries(design.backends)) {
    if (backend.kind !== 'lambda' || backend.function.source !== 'new') continue;
    const fn = backend.function;
    const at = (field: string) => designAt(pointer('backends', id, 'function', field));

    if (!within(fn.memoryMiB, MEMORY_MIB)) {
      findings.push(
        diagnostic(
          'validate.lambda-settings',
          `Memory ${fn.memoryMiB} MiB of function "${id}" is outside ${MEMORY_MIB.min}..${MEMORY_MIB.max}; use a whole number of MiB in that range.`,
          at('memoryMiB'),
        ),
      );
    }
    if (!within(fn.timeoutSeconds, TIMEOUT_SECONDS)) {
      findings.push(
        diagnostic(
          'validate.lambda-settings',
          `Timeout ${fn.timeoutSeconds} s of function "${id}" is outside ${TIMEOUT_SECONDS.min}..${TIMEOUT_SECONDS.max}; use a whole number of seconds in that range.`,
          at('timeoutSeconds'),
        ),
      );
    }

    const deprecation = DEPRECATED_RUNTIMES[fn.runtime];
    if (deprecation !== undefined) {
      const blocked =
        deprecation.blockFunctionCreate === undefined
          ? ''
          : ` (creating functions with it fails from ${deprecation.blockFunctionCreate})`;
      findings.push(
        diagnostic(
          'validate.deprecated-runtime',
          `Runtime ${fn.runtime} of function "${id}" was deprecated on ${deprecation.deprecated}${blocked}; use ${deprecation.replacement}.`,
          at('runtime'),
        ),
      );
    }
  }
  return findings;
}

function within(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}
