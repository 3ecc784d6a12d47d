import { diagnostic, type Diagnostic } from '../diagnostics';
import { isJsonObject, pointer, type JsonObject, type JsonValue } from '../json';
import { PLACEHOLDER_PATTERN } from '../references';

/**
 * A design value the template takes as a parameter (an existing function's
 * ARN, an NLB's DNS name, a VPC link id), and the placeholder that stands for
 * it in the Body. `follows` says what may come right after the value where it
 * is used, so `fn` is not found inside `fn-two`.
 */
export interface ParameterLiteral {
  value: string;
  placeholder: string;
  follows: RegExp;
}

/** Fields of integrations and authorizers where design values for parameters appear. */
const URI_FIELDS = new Set(['uri', 'authorizerUri']);

/**
 * The document as the inline `Body`: every string holding a placeholder the
 * template resolves is wrapped in `Fn::Sub`, with any other `${` in it escaped
 * as `${!` (Fn::Sub's literal form), so a mapping template's `${var}` survives.
 * Design values that are template parameters are first replaced by their
 * placeholders in integration URIs and connection ids. A placeholder naming a
 * resource of the design the template does not create is a finding; it stays
 * as text. Strings without placeholders, and all keys, are left as they are.
 * A CloudFormation function the model itself holds is kept, and is a warning:
 * CloudFormation will evaluate it here.
 */
export function inlineBody(
  document: JsonObject,
  known: ReadonlySet<string>,
  ourNames: ReadonlySet<string>,
  literals: readonly ParameterLiteral[],
): { body: JsonObject; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const sorted = [...literals].sort((a, b) => b.value.length - a.value.length);
  const walk = (value: JsonValue, key: string | number, tokens: (string | number)[]): JsonValue => {
    if (typeof value === 'string') {
      let text = value;
      if (key === 'connectionId') {
        text = sorted.find((l) => l.value === value)?.placeholder ?? value;
      } else if (typeof key === 'string' && URI_FIELDS.has(key)) {
        for (const literal of sorted) text = replaceLiteral(text, literal);
      }
      for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
        if (known.has(match[0]) || !ourNames.has(match[1]!) || reported.has(match[0])) continue;
        reported.add(match[0]);
        diagnostics.push(unresolved(match[0], tokens));
      }
      return usesAny(text, known) ? { 'Fn::Sub': escapeForSub(text, known) } : text;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, i, [...tokens, i]));
    if (isJsonObject(value)) {
      const fn = cloudFormationFunction(value);
      if (fn !== undefined) {
        diagnostics.push(
          diagnostic(
            'render.cfn-model-function',
            `The OpenAPI document holds the CloudFormation function ${fn} (kept as written from the model). CloudFormation evaluates it in this template, where only the resources and parameters Gatewright renders exist; check that it names nothing else, or replace it in the model with a plain value.`,
            { pointer: pointer(...tokens) },
          ),
        );
      }
      const out: JsonObject = {};
      for (const [k, item] of Object.entries(value)) out[k] = walk(item, k, [...tokens, k]);
      return out;
    }
    return value;
  };
  return { body: walk(document, '', []) as JsonObject, diagnostics };
}

/**
 * The document as stored in S3 for `BodyS3Location`: CloudFormation does not
 * read it, so each placeholder is replaced by its value (`resolved`), which
 * may itself be an API Gateway stage variable reference. The model's own
 * CloudFormation functions cannot be evaluated there and are findings.
 */
export function resolvedDocument(
  document: JsonObject,
  resolved: ReadonlyMap<string, string>,
  ourNames: ReadonlySet<string>,
): { document: JsonObject; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const walk = (value: JsonValue, tokens: (string | number)[]): JsonValue => {
    if (typeof value === 'string') {
      return value.replace(PLACEHOLDER_PATTERN, (text, name: string) => {
        const known = resolved.get(text);
        if (known !== undefined) return known;
        if (ourNames.has(name) && !reported.has(text)) {
          reported.add(text);
          diagnostics.push(unresolved(text, tokens));
        }
        return text;
      });
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...tokens, i]));
    if (isJsonObject(value)) {
      const fn = cloudFormationFunction(value);
      if (fn !== undefined) {
        diagnostics.push(
          diagnostic(
            'render.cfn-function-in-s3-body',
            `The OpenAPI document holds the CloudFormation function ${fn} (kept as written from the model). A document read from S3 (BodyS3Location) is not evaluated by CloudFormation, so API Gateway would get the function as data. Replace it in the model with a plain value, or give the operation an integration in the design.`,
            { pointer: pointer(...tokens) },
          ),
        );
      }
      const out: JsonObject = {};
      for (const [k, item] of Object.entries(value)) out[k] = walk(item, [...tokens, k]);
      return out;
    }
    return value;
  };
  return { document: walk(document, []) as JsonObject, diagnostics };
}

/** `Fn::Sub`, `Ref`, ... when the object is a CloudFormation function call (its one key names it). */
export function cloudFormationFunction(value: JsonObject): string | undefined {
  const keys = Object.keys(value);
  return keys.length === 1 && /^(Ref|Fn::[A-Za-z]+)$/.test(keys[0]!) ? keys[0] : undefined;
}

function unresolved(text: string, tokens: (string | number)[]): Diagnostic {
  return diagnostic(
    'render.cfn-unresolved-placeholder',
    `The OpenAPI document refers to ${text}, which this template does not create or take as a parameter, so it is left as text and the integration would not work. Check that the backend it names exists in the design and can be deployed to this target.`,
    { pointer: pointer(...tokens) },
  );
}

function replaceLiteral(text: string, literal: ParameterLiteral): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(literal.value); at >= 0; at = text.indexOf(literal.value, at + 1)) {
    if (at < from) continue;
    const rest = text.slice(at + literal.value.length);
    if (!literal.follows.test(rest)) continue;
    out += text.slice(from, at) + literal.placeholder;
    from = at + literal.value.length;
  }
  return out + text.slice(from);
}

function usesAny(text: string, known: ReadonlySet<string>): boolean {
  if (!text.includes('${')) return false;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) if (known.has(match[0])) return true;
  return false;
}

/** Every `${` that does not open a known placeholder becomes `${!`, which Fn::Sub writes as `${`. */
function escapeForSub(text: string, known: ReadonlySet<string>): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('${'); at >= 0; at = text.indexOf('${', from)) {
    out += text.slice(from, at);
    const end = text.indexOf('}', at);
    const candidate = end >= 0 ? text.slice(at, end + 1) : '';
    if (known.has(candidate)) {
      out += candidate;
      from = end + 1;
    } else {
      out += '${!';
      from = at + 2;
    }
  }
  return out + text.slice(from);
}
