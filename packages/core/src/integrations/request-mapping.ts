import type { RequestParameters } from '../design/types';
import type { Operation } from '../model/types';

/**
 * The integration's HTTP method: the given one upper-cased, else the
 * operation's; API Gateway's catch-all `x-amazon-apigateway-any-method` is `ANY`.
 */
export function integrationHttpMethod(operation: Operation, override?: string): string {
  if (override !== undefined) return override.toUpperCase();
  return operation.method === 'x-amazon-apigateway-any-method'
    ? 'ANY'
    : operation.method.toUpperCase();
}

/**
 * A path as an integration URI uses it, appended to a host or base URL: with a
 * leading `/`, and a greedy `{proxy+}` named `{proxy}`, the name its request
 * parameter has.
 */
export function uriPath(path: string): string {
  const rooted = path === '' || path.startsWith('/') ? path : `/${path}`;
  return rooted.replace(/\{([^}]+?)\+\}/g, '{$1}');
}

/** The path parameters a path template names, in order, greedy ones without their `+`. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+?)\+?\}/g)].map((m) => m[1]!);
}

/** Every path parameter of the path passed to the backend under its own name. */
export function pathParameterMappings(path: string): RequestParameters {
  const mappings: RequestParameters = {};
  for (const name of pathParameterNames(path))
    mappings[`integration.request.path.${name}`] = `method.request.path.${name}`;
  return mappings;
}
