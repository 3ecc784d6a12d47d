import type { Operation, RequestParameters } from '@gatewright/core';

const INTEGRATION_PATH = 'integration.request.path.';
const METHOD_PATH = 'method.request.path.';

/** One path parameter as the rendered integration passes it to the backend. */
export interface PathMapping {
  /** `integration.request.path.petId` */
  integrationParameter: string;
  /** `method.request.path.petId`, or a `'literal'`. */
  source: string;
}

/** What the integration does with the operation's path parameters. */
export interface PathParameterHints {
  /** The operation's own path parameters, in path order. */
  operationParameters: string[];
  /** The backend URL the integration renders, `{param}` placeholders kept. */
  url: string;
  /** The mappings the render makes (the design's, else each URL parameter from its namesake). */
  mappings: PathMapping[];
  /** `{param}`s of the URL that no mapping fills from the operation: the backend would get them literally. */
  unknownInUrl: string[];
  /** Operation path parameters the backend never receives. */
  unused: string[];
}

/** The `{param}` names of a URL or path template, greedy ones without their `+`. */
export function placeholderNames(template: string): string[] {
  return [...template.matchAll(/\{([^}]+?)\+?\}/g)].map((match) => match[1]!);
}

/**
 * The mapping hints for an HTTP or VPC-link integration: the URL it renders
 * (base URL plus the path override or the operation's path), the
 * `integration.request.path.x` <- `method.request.path.x` pairs the render
 * makes, and the placeholders the operation cannot fill. Mirrors core's
 * renderer, which maps only the path's parameters: a `{param}` in the base URL
 * is never mapped by default.
 */
export function pathParameterHints(
  operation: Pick<Operation, 'path'>,
  integration: { path?: string; requestParameters?: RequestParameters },
  baseUrl: string,
): PathParameterHints {
  const path = integration.path ?? operation.path;
  const rooted = path === '' || path.startsWith('/') ? path : `/${path}`;
  const url = baseUrl.replace(/\/+$/, '') + rooted.replace(/\{([^}]+?)\+\}/g, '{$1}');
  const operationParameters = placeholderNames(operation.path);
  const parameters =
    integration.requestParameters ??
    Object.fromEntries(
      placeholderNames(path).map((name) => [INTEGRATION_PATH + name, METHOD_PATH + name]),
    );
  const mappings = Object.entries(parameters)
    .filter(([target]) => target.startsWith(INTEGRATION_PATH))
    .map(([integrationParameter, source]) => ({ integrationParameter, source }));
  const filled = (name: string) => {
    const source = parameters[INTEGRATION_PATH + name];
    if (source === undefined) return false;
    if (!source.startsWith(METHOD_PATH)) return true;
    return operationParameters.includes(source.slice(METHOD_PATH.length));
  };
  const urlParameters = unique(placeholderNames(url));
  const used = new Set(
    mappings
      .map(({ source }) => source)
      .filter((source) => source.startsWith(METHOD_PATH))
      .map((source) => source.slice(METHOD_PATH.length)),
  );
  return {
    operationParameters,
    url,
    mappings,
    unknownInUrl: urlParameters.filter((name) => !filled(name)),
    unused: operationParameters.filter((name) => !used.has(name)),
  };
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
