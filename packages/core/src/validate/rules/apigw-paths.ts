import { diagnostic, type Diagnostic } from '../../diagnostics';
import { pointer } from '../../json';
import type { HttpMethod } from '../../model/types';
import type { RuleContext } from '../context';

/** The methods API Gateway imports; anything else (`trace`) fails the import. */
const IMPORTABLE_METHODS: ReadonlySet<HttpMethod> = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'x-amazon-apigateway-any-method',
]);

const LITERAL_SEGMENT = /^[A-Za-z0-9._,-]+$/;
const PARAMETER_SEGMENT = /^\{[^{}+]+\}$/;
const GREEDY_SEGMENT = /^\{[^{}+]+\+\}$/;

/**
 * Methods and paths API Gateway refuses on import. Methods are reported per
 * operation; a bad path once, however many methods it has.
 */
export function apigwPaths({ model, modelAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const seenPaths = new Set<string>();
  for (const op of model.operations) {
    if (!IMPORTABLE_METHODS.has(op.method)) {
      findings.push(
        diagnostic(
          'validate.apigw-unsupported-method',
          `API Gateway does not import ${op.method.toUpperCase()} methods (${op.key}); remove the operation or move it to a supported method.`,
          modelAt(op.pointer, op.key),
        ),
      );
    }
    if (seenPaths.has(op.path)) continue;
    seenPaths.add(op.path);
    const problem = pathProblem(op.path);
    if (problem !== undefined) {
      findings.push(
        diagnostic(
          'validate.apigw-invalid-path',
          `Path ${op.path}: ${problem}.`,
          modelAt(pointer('paths', op.path)),
        ),
      );
    }
  }
  return findings;
}

/** What API Gateway would refuse in a path, or undefined. The root `/` is fine. */
function pathProblem(path: string): string | undefined {
  if (path === '/') return undefined;
  if (!path.startsWith('/')) return 'a path must start with "/"';
  const segments = path.slice(1).split('/');
  for (const [i, segment] of segments.entries()) {
    if (segment === '') return 'it has an empty segment (a doubled or trailing "/"); remove it';
    if (LITERAL_SEGMENT.test(segment) || PARAMETER_SEGMENT.test(segment)) continue;
    if (GREEDY_SEGMENT.test(segment)) {
      if (i === segments.length - 1) continue;
      return `the greedy parameter ${segment} must be the last segment; move it to the end or make it a plain {parameter}`;
    }
    if (/[{}]/.test(segment)) {
      return `segment "${segment}" mixes a parameter with text; API Gateway needs a parameter to fill a whole segment, e.g. split it into two segments`;
    }
    return `segment "${segment}" may hold only letters, digits, "-", ".", "," and "_"; rename it`;
  }
  return undefined;
}
