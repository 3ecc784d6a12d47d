import { isJsonObject, pointer, type JsonValue } from '../json';

/** Something the walk noticed, at a place in the walked file. */
export interface Sighting {
  /** The pointer's tokens; `sightingPointer` makes the pointer (only findings need it, so only they pay). */
  path: readonly string[];
  /** What was seen: the `$ref` string, the function name (`Fn::Sub`), the placeholder, the extension. */
  value: string;
}

/** Everything the importer needs from one pass over a parsed file. */
export interface DocumentScan {
  /** Every `{ "$ref": "<string>" }`, pointing at the `$ref` member itself. */
  refs: Sighting[];
  /** Objects that are CloudFormation intrinsic functions (`{"Fn::Sub": ...}`, `{"Ref": "X"}`). */
  cloudFormationFunctions: Sighting[];
  /** String values with `${...}` placeholders that some other tool substitutes. */
  placeholders: Sighting[];
  /** Marks of an API Gateway HTTP API (v2) body. */
  httpApiMarks: Sighting[];
}

const INTRINSIC = /^Fn::[A-Za-z]+$/;
/**
 * `${...}` that something outside API Gateway fills in. `${stageVariables.x}` is
 * API Gateway's own syntax, resolved at request time, so it is not one.
 */
const PLACEHOLDER = /\$\{(?!stageVariables\.)[^}\s]+\}/;
/**
 * Prose, examples, code samples (Redoc's `x-codeSamples` entries keep theirs in
 * `source`) and VTL mapping templates legitimately hold `${...}`.
 */
const NO_PLACEHOLDER_CHECK = new Set([
  'description',
  'summary',
  'example',
  'examples',
  'x-codeSamples',
  'x-code-samples',
  'source',
  'requestTemplates',
  'responseTemplates',
]);

/**
 * Where the walk is, as far as refs go. Example values are literal data: a
 * `$ref` inside one is not a reference, except when the whole value is one
 * (multi-file descriptions keep examples in files of their own that way).
 */
type Mode = 'normal' | 'names' | 'example' | 'examples' | 'exampleEntry' | 'literal';

/** Maps whose keys are names the user chose (a property called `example` is not an example). */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'schemas',
  'parameters',
  'responses',
  'headers',
  'securitySchemes',
  'securityDefinitions',
  'requestBodies',
  'links',
  'callbacks',
  'pathItems',
  'paths',
  'encoding',
  'content',
]);

/** The mode of a member `key` of an object walked in `mode`. */
function childMode(mode: Mode, key: string): Mode {
  switch (mode) {
    case 'literal':
    case 'example':
      return 'literal';
    case 'examples':
      return 'exampleEntry';
    case 'exampleEntry':
      return key === 'value' ? 'example' : 'literal';
    case 'names':
      return 'normal';
    case 'normal':
      return key === 'example'
        ? 'example'
        : key === 'examples'
          ? 'examples'
          : NAME_MAPS.has(key)
            ? 'names'
            : 'normal';
  }
}

/**
 * Walks a parsed file once. Pointers are built only for what is found, so the
 * walk of a multi-megabyte description costs little more than visiting it.
 * The inside of a CloudFormation function is not walked: its `${...}` belong
 * to `Fn::Sub` and are reported with it. Parsed values are trees (`parseText`
 * refuses recursive YAML aliases), so the walk needs no cycle guard.
 */
export function scanDocument(root: JsonValue): DocumentScan {
  const scan: DocumentScan = {
    refs: [],
    cloudFormationFunctions: [],
    placeholders: [],
    httpApiMarks: [],
  };
  const path: string[] = [];

  const walk = (value: JsonValue, checkPlaceholders: boolean, mode: Mode): void => {
    if (typeof value === 'string') {
      if (checkPlaceholders && value.includes('${')) {
        const match = PLACEHOLDER.exec(value);
        if (match) scan.placeholders.push({ path: [...path], value: match[0] });
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(String(i));
        walk(
          value[i]!,
          checkPlaceholders,
          mode === 'names' ? 'normal' : childMode(mode, String(i)),
        );
        path.pop();
      }
    } else {
      visitObject(value, checkPlaceholders, mode);
    }
  };

  const visitObject = (
    value: Record<string, JsonValue>,
    checkPlaceholders: boolean,
    mode: Mode,
  ): void => {
    if (mode === 'literal') {
      for (const key in value) {
        path.push(key);
        walk(value[key]!, false, 'literal');
        path.pop();
      }
      return;
    }
    if (typeof value.$ref === 'string')
      scan.refs.push({ path: [...path, '$ref'], value: value.$ref });
    const integration = value['x-amazon-apigateway-integration'];
    if (isJsonObject(integration)) {
      for (const key of ['payloadFormatVersion', 'integrationSubtype']) {
        if (key in integration)
          scan.httpApiMarks.push({
            path: [...path, 'x-amazon-apigateway-integration', key],
            value: key,
          });
      }
    }
    if ('x-amazon-apigateway-cors' in value)
      scan.httpApiMarks.push({
        path: [...path, 'x-amazon-apigateway-cors'],
        value: 'x-amazon-apigateway-cors',
      });
    // One for-in, no key array: this runs for every object of multi-megabyte models. A
    // first key that may name a CloudFormation function is held back until a second
    // key shows the object is not one (a function is an object with one key).
    let held: string | undefined;
    let count = 0;
    for (const key in value) {
      count++;
      if (
        count === 1 &&
        (INTRINSIC.test(key) || (key === 'Ref' && typeof value.Ref === 'string'))
      ) {
        held = key;
        continue;
      }
      if (held !== undefined) {
        visitMember(value, held, checkPlaceholders, mode);
        held = undefined;
      }
      visitMember(value, key, checkPlaceholders, mode);
    }
    if (held !== undefined) scan.cloudFormationFunctions.push({ path: [...path], value: held });
  };

  const visitMember = (
    value: Record<string, JsonValue>,
    key: string,
    checkPlaceholders: boolean,
    mode: Mode,
  ): void => {
    path.push(key);
    walk(value[key]!, checkPlaceholders && !NO_PLACEHOLDER_CHECK.has(key), childMode(mode, key));
    path.pop();
  };

  walk(root, true, 'normal');
  return scan;
}

/** The JSON pointer of a sighting, for a finding's location. */
export function sightingPointer(sighting: Sighting): string {
  return pointer(...sighting.path);
}
