import { diagnostic, type Diagnostic, type SourceLocation } from '../../diagnostics';
import { isJsonObject, pointer, type JsonValue } from '../../json';
import type { RuleContext } from '../context';

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
  scan(model.document, true, (tokens, what) =>
    findings.push(finding(what, 'model', modelAt(pointer(...tokens)))),
  );

  // Other files of a multi-file model: no lines (those are known for the model's own file only).
  for (const [file, document] of Object.entries(model.externalDocuments)) {
    scan(document, false, (tokens, what) =>
      findings.push(finding(what, 'model', { file, pointer: pointer(...tokens) })),
    );
  }

  for (const [key, { integration }] of Object.entries(design.operations)) {
    if (integration?.kind !== 'raw') continue;
    const base = pointer('operations', key, 'integration', 'integration');
    scan(integration.integration, false, (tokens, what) =>
      findings.push(finding(what, 'raw integration', designAt(base + pointer(...tokens), key))),
    );
  }
  return findings;
}

/**
 * Calls `found` with the pointer tokens of each function or placeholder in
 * `root`, not looking inside operations' own integrations when
 * `skipIntegrations` (`/paths/{path}/{method}/x-amazon-apigateway-integration`).
 * The tokens are built as the walk goes, so a pointer is made only for a finding.
 */
function scan(
  root: JsonValue,
  skipIntegrations: boolean,
  found: (tokens: readonly (string | number)[], what: string) => void,
): void {
  const tokens: (string | number)[] = [];
  const visit = (value: JsonValue): void => {
    if (typeof value === 'string') {
      const match = value.includes('${') ? PLACEHOLDER.exec(value) : null;
      if (match !== null) found(tokens, `Template placeholder ${match[0]}`);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        tokens.push(i);
        visit(value[i]!);
        tokens.pop();
      }
    } else if (isJsonObject(value)) {
      const fn = intrinsicName(value);
      if (fn !== undefined) {
        found(tokens, `CloudFormation function ${fn}`);
        return;
      }
      for (const key in value) {
        const child = value[key]!;
        if (PROSE.has(key) && typeof child === 'string') continue;
        if (skipIntegrations && key === INTEGRATION && tokens.length === 3 && tokens[0] === 'paths')
          continue;
        tokens.push(key);
        visit(child);
        tokens.pop();
      }
    }
  };
  visit(root);
}

function finding(what: string, where: string, location: SourceLocation): Diagnostic {
  return diagnostic(
    'validate.cloudformation-function',
    `${what} is left in the ${where}, and API Gateway cannot read it; replace it with the value it stands for.`,
    location,
  );
}

/** A CloudFormation intrinsic is an object with one key: `Ref` or `Fn::Name`. */
function intrinsicName(value: Record<string, JsonValue>): string | undefined {
  // for-in rather than Object.keys: no key array for every object of a large model.
  let only: string | undefined;
  for (const key in value) {
    if (only !== undefined) return undefined;
    only = key;
  }
  return only === 'Ref' || only?.startsWith('Fn::') ? only : undefined;
}
