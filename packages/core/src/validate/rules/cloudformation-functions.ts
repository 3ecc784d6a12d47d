import { diagnostic, type Diagnostic } from '../../diagnostics';
import { isJsonObject, type JsonValue } from '../../json';
import type { RuleContext } from '../context';
import { pointerOf, type Place } from '../document-place';

/** `${...}`: CloudFormation `Fn::Sub` variables, Terraform `templatefile` and SAM placeholders alike. */
const PLACEHOLDER = /\$\{[^{}\s]+\}/;
/** Prose fields: a `${...}` there is text (code samples), not a placeholder. */
const PROSE = new Set(['description', 'summary']);

/**
 * CloudFormation functions (`Fn::Sub`, `Ref`, ...) and `${...}` template
 * placeholders left in a model copied out of a SAM, CDK or Terraform project.
 * They only mean something to the tool that filled them in; exported as they
 * are, API Gateway receives them literally. Each is reported once, at the
 * outermost place that holds it.
 */
export function cloudFormationFunctions({ model, modelAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const stack: Place[] = [{ value: model.document, key: '', parent: undefined }];
  for (let place = stack.pop(); place !== undefined; place = stack.pop()) {
    const { value } = place;
    if (typeof value === 'string') {
      const match = value.includes('${') ? PLACEHOLDER.exec(value) : null;
      if (match !== null) {
        findings.push(
          diagnostic(
            'validate.cloudformation-function',
            `Template placeholder ${match[0]} is left in the model; replace it with the value it stands for.`,
            modelAt(pointerOf(place)),
          ),
        );
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, key: i, parent: place }));
    } else if (isJsonObject(value)) {
      const fn = intrinsicName(value);
      if (fn !== undefined) {
        findings.push(
          diagnostic(
            'validate.cloudformation-function',
            `CloudFormation function ${fn} is left in the model, and API Gateway cannot read it; replace it with the value it resolves to.`,
            modelAt(pointerOf(place)),
          ),
        );
        continue;
      }
      for (const key in value) {
        const child = value[key]!;
        if (!PROSE.has(key) || typeof child !== 'string')
          stack.push({ value: child, key, parent: place });
      }
    }
  }
  return findings;
}

/** A CloudFormation intrinsic is an object with one key: `Ref` or `Fn::Name`. */
function intrinsicName(value: Record<string, JsonValue>): string | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}
