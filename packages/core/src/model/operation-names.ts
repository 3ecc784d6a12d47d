import type { OperationKey } from './types';

/** `GET /pets/{petId}`: the upper-cased method, a space, the path exactly as written. */
export function operationKey(method: string, path: string): OperationKey {
  return `${method.toUpperCase()} ${path}`;
}

/**
 * The name of an operation that has no `operationId`, after Type Safe API's rule
 * with the method moved to the front so names read as verbs:
 *
 * 1. each path parameter `{x}` becomes `by-x` (`{proxy+}` becomes `by-proxy`);
 * 2. the method (`x-amazon-apigateway-any-method` counts as `any`) goes first;
 * 3. the result is split into words on every character that is not an ASCII
 *    letter or digit (so `/`, `:`, `-`, `.` and spaces all separate words) and
 *    camelCased: the first word lower-cased, each later word with its first
 *    letter upper-cased and the rest kept as written;
 * 4. a path with no words (`/`) gets `Root`.
 *
 * The result always matches `^[a-z][A-Za-z0-9]*$`; the same input always gives
 * the same name.
 *
 * @example
 * deriveOperationName('get', '/pets/{petId}')          // 'getPetsByPetId'
 * deriveOperationName('post', '/v1/users:batch-create') // 'postV1UsersBatchCreate'
 * deriveOperationName('x-amazon-apigateway-any-method', '/{proxy+}') // 'anyByProxy'
 * deriveOperationName('get', '/')                       // 'getRoot'
 */
export function deriveOperationName(method: string, path: string): string {
  const verb =
    method.toLowerCase() === 'x-amazon-apigateway-any-method'
      ? 'any'
      : method.toLowerCase().replace(/[^a-z0-9]/g, '');
  const first = /^[a-z]/.test(verb) ? verb : 'op' + verb;
  const pathWords = words(path.replace(/\{([^}]*)\}/g, (_, name: string) => `-by-${name}-`));
  const rest = pathWords.length > 0 ? pathWords : ['Root'];
  return first + rest.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * Makes `name` unique among `taken` by appending `2`, `3`, ... (the first free
 * number), then records it as taken. Operations are named in model order, so
 * the first operation keeps the plain name and later clashes get the suffixes.
 */
export function claimUniqueName(name: string, taken: Set<string>): string {
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`;
  taken.add(unique);
  return unique;
}

function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
}
