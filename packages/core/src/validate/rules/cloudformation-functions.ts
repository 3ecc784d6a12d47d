import { diagnostic, type Diagnostic, type SourceLocation } from '../../diagnostics';
import { isJsonObject, pointer, type JsonValue } from '../../json';
import type { RuleContext } from '../context';
import { pointerOf, type Place } from '../document-place';

/** `${...}`: CloudFormation `Fn::Sub` variables, Terraform `templatefile` and SAM placeholders alike. */
const PLACEHOLDER = /\$\{[^{}\s]+\}/;
/** Prose fields: a `${...}` there is text (code samples), not a placeholder. */
const PROSE = new Set(['description', 'summary']);
const INTEGRATION = 'x-amazon-apigateway-integration';

/**
 * CloudFormation functions (`Fn::Sub`, `Ref`, ...) and `${...}` template
 * placeholders left in a model copied out of a SAM, CDK or Terraform project.
 * They only mean something to the tool that filled them in; exported as they
 * are, API Gateway receives them literally. Each is reported once, at the
 * outermost place that holds it.
 *
 * Files a multi-file model pulls in are scanned whole. An operation's own
 * `x-amazon-apigateway-integration` in the model's file is skipped: the
 * rendered document replaces it with the design's. What the design kept of
 * it, a raw integration, is checked instead, in the design.
 */
export function cloudFormationFunctions({
  model,
  design,
  modelAt,
  designAt,
}: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const root: Place = { value: model.document, key: '', parent: undefined };
  scan(root, isOperationIntegration, (place, what) =>
    findings.push(finding(what, 'model', modelAt(pointerOf(place)))),
  );

  // Other files of a multi-file model: no lines (those are known for the model's own file only).
  for (const [file, document] of Object.entries(model.externalDocuments)) {
    scan(
      { value: document, key: '', parent: undefined },
      () => false,
      (place, what) => findings.push(finding(what, 'model', { file, pointer: pointerOf(place) })),
    );
  }

  for (const [key, { integration }] of Object.entries(design.operations)) {
    if (integration?.kind !== 'raw') continue;
    const base = pointer('operations', key, 'integration', 'integration');
    const rawRoot: Place = { value: integration.integration, key: '', parent: undefined };
    scan(
      rawRoot,
      () => false,
      (place, what) =>
        findings.push(finding(what, 'raw integration', designAt(base + pointerOf(place), key))),
    );
  }
  return findings;
}

/** Calls `found` for each function or placeholder under `root`, not looking inside `skip`ped places. */
function scan(
  root: Place,
  skip: (place: Place) => boolean,
  found: (place: Place, what: string) => void,
): void {
  const stack: Place[] = [root];
  for (let place = stack.pop(); place !== undefined; place = stack.pop()) {
    const { value } = place;
    if (typeof value === 'string') {
      const match = value.includes('${') ? PLACEHOLDER.exec(value) : null;
      if (match !== null) found(place, `Template placeholder ${match[0]}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, key: i, parent: place }));
    } else if (isJsonObject(value)) {
      const fn = intrinsicName(value);
      if (fn !== undefined) {
        found(place, `CloudFormation function ${fn}`);
        continue;
      }
      for (const key in value) {
        const child: Place = { value: value[key]!, key, parent: place };
        if ((PROSE.has(key) && typeof child.value === 'string') || skip(child)) continue;
        stack.push(child);
      }
    }
  }
}

function finding(what: string, where: string, location: SourceLocation): Diagnostic {
  return diagnostic(
    'validate.cloudformation-function',
    `${what} is left in the ${where}, and API Gateway cannot read it; replace it with the value it stands for.`,
    location,
  );
}

/** `/paths/{path}/{method}/x-amazon-apigateway-integration`. */
function isOperationIntegration(place: Place): boolean {
  const paths = place.parent?.parent?.parent;
  return place.key === INTEGRATION && paths?.key === 'paths' && paths.parent?.parent === undefined;
}

/** A CloudFormation intrinsic is an object with one key: `Ref` or `Fn::Name`. */
function intrinsicName(value: Record<string, JsonValue>): string | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}
