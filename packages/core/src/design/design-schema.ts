import type { JsonValue } from '../json';
import designSchema from './design.schema.json';

/**
 * `design.schema.json` as data, for code that walks it: validation messages,
 * the canonical field order of saved files, the tests that keep it in step
 * with `types.ts`.
 */
export const DESIGN_SCHEMA: SchemaNode = designSchema as SchemaNode;

/** The parts of a JSON Schema node Gatewright reads. */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string;
  const?: JsonValue;
  enum?: JsonValue[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: string[];
  oneOf?: SchemaNode[];
  discriminator?: { propertyName: string };
  $defs?: Record<string, SchemaNode>;
}

/** Follows a local `$ref` (`#/$defs/Name`) to its schema; other nodes are returned as they are. */
export function resolveRef(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1];
  const target = name === undefined ? undefined : DESIGN_SCHEMA.$defs?.[name];
  if (!target) throw new Error(`design schema: unresolvable $ref ${node.$ref}`);
  return target;
}

/** For a discriminated union node, the branch whose tag matches the value's; undefined when none does. */
export function unionBranch(node: SchemaNode, value: JsonValue): SchemaNode | undefined {
  const tag = node.discriminator?.propertyName;
  if (tag === undefined || typeof value !== 'object' || value === null || Array.isArray(value))
    return undefined;
  return node.oneOf
    ?.map(resolveRef)
    .find((branch) => branch.properties?.[tag]?.const === value[tag]);
}
