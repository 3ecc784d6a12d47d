import { diagnostic, type Diagnostic } from '../../diagnostics';
import type { RequestParameters } from '../../design/types';
import { pointer } from '../../json';
import type { RuleContext } from '../context';

const INTEGRATION_PATH = 'integration.request.path.';
const METHOD_PATH = 'method.request.path.';

/**
 * Path parameters of HTTP and VPC-link integrations. A mapping must name a
 * parameter that exists on its side (the backend URL template for
 * `integration.request.path.*`, the operation's path for `method.request.path.*`),
 * and every `{param}` of the URL template needs a mapping, or API Gateway
 * sends it literally. Without `requestParameters`, each path parameter of the
 * operation is mapped to itself.
 */
export function pathParameters({ design, operations, designAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const [key, { integration }] of Object.entries(design.operations)) {
    const op = operations.get(key);
    if (op === undefined || (integration?.kind !== 'http' && integration?.kind !== 'ecs-nlb'))
      continue;
    const template = integration.path ?? op.path;
    const templateParams = templateParameters(template);
    const methodParams = templateParameters(op.path);
    const mapping: RequestParameters =
      integration.requestParameters ??
      Object.fromEntries([...methodParams].map((p) => [INTEGRATION_PATH + p, METHOD_PATH + p]));
    const at = (...tokens: string[]) =>
      designAt(pointer('operations', key, 'integration', ...tokens), key);

    for (const [target, source] of Object.entries(mapping)) {
      if (target.startsWith(INTEGRATION_PATH)) {
        const name = target.slice(INTEGRATION_PATH.length);
        if (!templateParams.has(name)) {
          findings.push(
            diagnostic(
              'validate.unknown-path-parameter',
              `${target} maps to {${name}}, which the integration path "${template}" does not have; ${suggest(templateParams, 'path')}.`,
              at('requestParameters', target),
            ),
          );
        }
      }
      if (source.startsWith(METHOD_PATH)) {
        const name = source.slice(METHOD_PATH.length);
        if (!methodParams.has(name)) {
          findings.push(
            diagnostic(
              'validate.unknown-path-parameter',
              `${source} names {${name}}, which ${key} does not have; ${suggest(methodParams, 'operation')}.`,
              at('requestParameters', target),
            ),
          );
        }
      }
    }

    for (const name of templateParams) {
      if (mapping[INTEGRATION_PATH + name] === undefined) {
        findings.push(
          diagnostic(
            'validate.unmapped-path-parameter',
            `{${name}} in the integration path "${template}" is not mapped, so the backend would receive it literally; ` +
              `add requestParameters "${INTEGRATION_PATH}${name}" from a method.request.path parameter.`,
            at(integration.path === undefined ? 'requestParameters' : 'path'),
          ),
        );
      }
    }
  }
  return findings;
}

/** `{name}` and greedy `{name+}` parameters of a path, by name (API Gateway maps `{proxy+}` as `proxy`). */
function templateParameters(path: string): Set<string> {
  return new Set([...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!.replace(/\+$/, '')));
}

function suggest(params: Set<string>, side: 'path' | 'operation'): string {
  if (params.size === 0) return `the ${side} has no path parameters, so remove the mapping`;
  return `use one of: ${[...params].map((p) => `{${p}}`).join(', ')}`;
}
