import { diagnostic, type Diagnostic } from '../../diagnostics';
import type { RuleContext } from '../context';

/** API Gateway does not import OpenAPI 3.1: say so once, where the version is written. */
export function apigwOpenApi31({ model, modelAt }: RuleContext): Diagnostic[] {
  if (model.specVersion !== '3.1') return [];
  return [
    diagnostic(
      'validate.apigw-openapi31',
      `The model is OpenAPI ${String(model.document['openapi'])}, which API Gateway does not import; the exported document is rendered as OpenAPI 3.0, so check the render findings for constructs that changed.`,
      modelAt('/openapi'),
    ),
  ];
}
