import type { IntegrationOptions } from '../design/types';
import type { JsonObject } from '../json';

/**
 * The `contentHandling`, `cacheNamespace` and `cacheKeyParameters` fields of an
 * integration, each only when the design sets it; an empty
 * `cacheKeyParameters` is kept, as exports write it.
 */
export function integrationOptionFields(options: IntegrationOptions): JsonObject {
  const fields: JsonObject = {};
  if (options.contentHandling !== undefined) fields.contentHandling = options.contentHandling;
  if (options.cacheNamespace !== undefined) fields.cacheNamespace = options.cacheNamespace;
  if (options.cacheKeyParameters !== undefined)
    fields.cacheKeyParameters = [...options.cacheKeyParameters];
  return fields;
}
