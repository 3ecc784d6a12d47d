import { diagnostic, type Diagnostic } from '../../diagnostics';
import { pointer, type JsonValue } from '../../json';
import type { RuleContext } from '../context';

/** API Gateway's default bounds for `timeoutInMillis`. */
const MIN_TIMEOUT_MILLIS = 50;
const MAX_TIMEOUT_MILLIS = 29_000;

/** Integration timeouts outside what API Gateway accepts by default, in modelled and raw integrations. */
export function timeouts({ design, designAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const [key, { integration }] of Object.entries(design.operations)) {
    if (integration === undefined || integration.kind === 'mock') continue;
    const timeout: JsonValue | undefined =
      integration.kind === 'raw'
        ? integration.integration['timeoutInMillis']
        : integration.timeoutInMillis;
    if (timeout === undefined || inRange(timeout)) continue;
    const at =
      integration.kind === 'raw'
        ? pointer('operations', key, 'integration', 'integration', 'timeoutInMillis')
        : pointer('operations', key, 'integration', 'timeoutInMillis');
    findings.push(
      diagnostic(
        'validate.timeout-out-of-range',
        `Timeout ${JSON.stringify(timeout)} ms of ${key} is outside ${MIN_TIMEOUT_MILLIS}..${MAX_TIMEOUT_MILLIS}; ` +
          `use a whole number of milliseconds in that range (a longer one needs a raised API Gateway quota).`,
        designAt(at, key),
      ),
    );
  }
  return findings;
}

function inRange(timeout: JsonValue): boolean {
  return (
    typeof timeout === 'number' &&
    Number.isInteger(timeout) &&
    timeout >= MIN_TIMEOUT_MILLIS &&
    timeout <= MAX_TIMEOUT_MILLIS
  );
}
