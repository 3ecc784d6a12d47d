import type { DesignDocument } from '../design/types';
import { ownEntry } from '../integrations/render-context';
import type { PermissionPlan } from '../integrations/types';
import type { JsonObject, JsonValue } from '../json';
import { logicalId } from '../references';
import { API } from './logical-ids';

/**
 * One `AWS::Lambda::Permission` per plan, named for its function and source
 * (`PetsFnInvokeGETPets`, `PetsFnInvokeAll`, `AuthInvokeAuthorizers`). The
 * function is the stack's own (Ref gives its name) or an existing one's ARN
 * parameter.
 */
export function permissionResources(
  plans: PermissionPlan[],
  design: DesignDocument,
  authorizerParameters: ReadonlyMap<string, string>,
): JsonObject {
  const resources: JsonObject = {};
  for (const plan of plans) {
    let functionName: JsonValue;
    let owner: string;
    if ('backend' in plan.target) {
      const backend = ownEntry(design.backends, plan.target.backend);
      if (backend?.kind !== 'lambda') continue;
      owner = plan.target.backend;
      functionName =
        backend.function.source === 'new'
          ? { Ref: logicalId(owner, 'Function') }
          : { Ref: logicalId(owner, 'FunctionArn') };
    } else {
      // An authorizer's existing function: its own parameter, or the one of a backend with that ARN.
      const arn = plan.target.functionArn;
      const backendId = Object.entries(design.backends).find(
        ([, b]) =>
          b.kind === 'lambda' && b.function.source === 'existing' && b.function.functionArn === arn,
      )?.[0];
      const parameter =
        authorizerParameters.get(arn) ??
        (backendId === undefined ? undefined : logicalId(backendId, 'FunctionArn'));
      if (parameter === undefined) continue;
      owner = parameter;
      functionName = { Ref: parameter };
    }
    const suffix = plan.sourceArnSuffix === '*/*' ? 'All' : words(plan.sourceArnSuffix);
    let id = logicalId(owner, 'Invoke' + suffix);
    for (let n = 2; id in resources; n++) id = logicalId(owner, `Invoke${suffix}${n}`);
    resources[id] = {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: functionName,
        Principal: 'apigateway.amazonaws.com',
        SourceArn: {
          'Fn::Sub': `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${API}}/${plan.sourceArnSuffix}`,
        },
      },
    };
  }
  return resources;
}

/** The letters and digits of a source ARN suffix, each run capitalized: `GETPets` for `GET /pets`. */
function words(text: string): string {
  return (text.match(/[A-Za-z0-9]+/g) ?? []).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}
