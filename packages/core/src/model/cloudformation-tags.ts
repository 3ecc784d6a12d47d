import type { CollectionTag, ScalarTag } from 'yaml';

/** The intrinsic functions CloudFormation YAML may write in short form (`!Sub ...`). */
const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
];

/**
 * YAML tags for CloudFormation's short-form functions (`!Ref X`, `!Sub '...'`,
 * `!GetAtt Fn.Arn`, `!Join [...]`), read as the long form CloudFormation
 * defines them to mean (`{"Ref": "X"}`, `{"Fn::Sub": "..."}`,
 * `{"Fn::GetAtt": ["Fn", "Arn"]}`). Without them a SAM body's `!Ref Role`
 * would silently become the string `Role`; as objects, the importer reports
 * them like any other CloudFormation function.
 */
export const CLOUDFORMATION_TAGS: Array<ScalarTag | CollectionTag> = [
  ...['Ref', 'Condition'].flatMap((name) => tags(name, name)),
  ...FUNCTIONS.flatMap((name) => tags(name, `Fn::${name}`)),
];

function tags(name: string, key: string): Array<ScalarTag | CollectionTag> {
  return [
    {
      tag: `!${name}`,
      // `!GetAtt Resource.Attribute` is the short form of a two-item list.
      resolve: (value: string) => ({
        [key]:
          name === 'GetAtt' && value.includes('.')
            ? [value.slice(0, value.indexOf('.')), value.slice(value.indexOf('.') + 1)]
            : value,
      }),
    },
    { tag: `!${name}`, collection: 'seq', resolve: (seq) => ({ [key]: seq.toJSON() }) },
    { tag: `!${name}`, collection: 'map', resolve: (map) => ({ [key]: map.toJSON() }) },
  ];
}
