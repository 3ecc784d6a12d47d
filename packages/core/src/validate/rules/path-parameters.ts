import { diagnostic, type Diagnostic } from '../../diagnostics';
import type { RequestParameters } from '../../design/types';
import { pointer } from '../../json';
import { pathParameterMappings, pathParameterNames } from '../../integrations/request-mapping';
import type { RuleContext } from '../context';

const INTEGRATION_PATH = 'integration.request.path.';
const METHOD_PATH = 'method.request.path.';

/**
 * Path parameters of HTTP and VPC-link integrations. A mapping must name a
 * parameter that exists on its side (the backend URL template for
 * `integration.request.path.*`, the operation's path for `method.request.path.*`),
 * and every `{param}` of the URL template needs a mapping, or API Gateway
 * sends it literally. Without `requestParameters`, each parameter of the URL
 * template is mapped from the method parameter of the same name, as the
 * integrations render it.
 */
export function pathParameters({ design, operations, designAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const [key, { integration }] of Object.entries(design.operations)) {
    const op = operations.get(key);
    if (op === undefined || (integration?.kind !== 'http' && integration?.kind !== 'ecs-nlb'))
      continue;
    const template = integration.path ?? op.path;
    const templateParams = new Set(pathParameterNames(template));
    const methodParams = new Set(pathParameterNames(op.path));
    // The renderer's default: each parameter of the URL template from the method parameter of the same name.
    const mapping: RequestParameters =
      integration.requestParameters ?? pathParameterMappings(template);
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
              // Without requestParameters the mapping comes from the path, so point there.
              integration.requestParameters === undefined
                ? at('path')
                : at('requestParameters', target),
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

function suggest(params: Set<string>, side: 'path' | 'operation'): string {
  if (params.size === 0) return `the ${side} has no path parameters, so remove the mapping`;
  return `use one of: ${[...params].map((p) => `{${p}}`).join(', ')}`;
}
