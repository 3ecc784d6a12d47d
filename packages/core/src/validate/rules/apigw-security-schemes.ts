import { diagnostic, type Diagnostic } from '../../diagnostics';
import { isJsonObject, pointer } from '../../json';
import type { RuleContext } from '../context';

/**
 * API Gateway imports only `apiKey` security schemes: API keys (`x-api-key`)
 * and its own authorizers (`x-amazon-apigateway-authtype` /
 * `x-amazon-apigateway-authorizer`). A scheme the design replaces with an
 * authorizer of the same name is rendered from the design, so it is not reported.
 */
export function apigwSecuritySchemes({ model, design, modelAt }: RuleContext): Diagnostic[] {
  const [schemes, at] =
    model.specVersion === '2.0'
      ? [model.document['securityDefinitions'], ['securityDefinitions']]
      : [
          isJsonObject(model.document['components'])
            ? model.document['components']['securitySchemes']
            : undefined,
          ['components', 'securitySchemes'],
        ];
  if (!isJsonObject(schemes)) return [];

  const findings: Diagnostic[] = [];
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!isJsonObject(scheme) || '$ref' in scheme || Object.hasOwn(design.authorizers, name))
      continue;
    const type = typeof scheme['type'] === 'string' ? scheme['type'] : '(none)';
    const isApiKey = type === 'apiKey';
    const hasExtension =
      'x-amazon-apigateway-authtype' in scheme || 'x-amazon-apigateway-authorizer' in scheme;
    const isUsageKey =
      isApiKey && scheme['in'] === 'header' && String(scheme['name']).toLowerCase() === 'x-api-key';
    if (isApiKey && (hasExtension || isUsageKey)) continue;
    const problem = isApiKey
      ? `apiKey scheme "${name}" is neither an API Gateway authorizer (no x-amazon-apigateway-authtype or -authorizer) nor its x-api-key header; require API keys per operation in the design, or`
      : `Security scheme "${name}" has type ${type}, which API Gateway does not import;`;
    findings.push(
      diagnostic(
        'validate.apigw-security-scheme',
        `${problem} add an authorizer named "${name}" to the design to replace it.`,
        modelAt(pointer(...at, name)),
      ),
    );
  }
  return findings;
}
