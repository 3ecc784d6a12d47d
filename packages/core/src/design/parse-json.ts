import { escapePointerToken, type JsonObject, type JsonValue } from '../json';
import type { TextPosition } from '../model/types';

/** Where a value sits in the text, and for an object member, where its key sits. */
export interface ValuePlace {
  value: TextPosition;
  key?: TextPosition;
}

/** A problem that stops the text being read as JSON, at its place. */
export interface JsonSyntaxError extends TextPosition {
  message: string;
}

export interface JsonParseResult {
  /** Undefined when the text is not JSON. */
  value?: JsonValue;
  /** The first syntax error; parsing stops there. */
  error?: JsonSyntaxError;
  /** The place of every value by its JSON pointer (`''` for the root). */
  places: Map<string, ValuePlace>;
}

/**
 * Reads strict JSON (RFC 8259), recording where every value is so findings can
 * point at a line and column. `JSON.parse` gives neither positions for values
 * nor a usable position for errors, and silently keeps the last of two equal
 * keys; here a repeated key is a syntax error, since the design file must never
 * lose a field without saying so. A leading byte order mark is skipped.
 */
export function parseJson(text: string): JsonParseResult {
  const parser = new Parser(text);
  try {
    parser.skipBom();
    parser.skipSpace();
    if (parser.atEnd())
      parser.fail(
        'The file is empty: a design file is a JSON object, `{ "formatVersion": 1, ... }`.',
      );
    const value = parser.value('');
    parser.skipSpace();
    if (!parser.atEnd()) {
      parser.fail(
        `Unexpected ${parser.describeNext()} after the end of the document: a JSON file holds exactly one value; remove what follows.`,
      );
    }
    return { value, places: parser.places };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { error: e.error, places: parser.places };
    throw e;
  }
}

class SyntaxFailure {
  constructor(readonly error: JsonSyntaxError) {}
}

/**
 * Deeper nesting is refused rather than parsed: the parser recurses, and a
 * hostile or broken file must become a finding, not a stack overflow. No design
 * comes near it.
 */
const MAX_DEPTH = 256;

const VALUE_START = 'a value (an object, array, string, number, true, false or null)';

class Parser {
  readonly places = new Map<string, ValuePlace>();
  private index = 0;
  private depth = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  skipBom(): void {
    if (this.text.charCodeAt(0) === 0xfeff) this.index = 1;
    this.lineStart = this.index;
  }

  position(): TextPosition {
    return { line: this.line, column: this.index - this.lineStart + 1 };
  }

  fail(message: string, at: TextPosition = this.position()): never {
    throw new SyntaxFailure({ message, ...at });
  }

  describeNext(): string {
    if (this.atEnd()) return 'end of file';
    const c = this.text[this.index]!;
    return c === '`' ? 'character "`"' : `\`${c}\``;
  }

  skipSpace(): void {
    for (;;) {
      const c = this.text[this.index];
      if (c === '\n') {
        this.index++;
        this.line++;
        this.lineStart = this.index;
      } else if (c === ' ' || c === '\t' || c === '\r') {
        this.index++;
      } else if (
        c === '/' &&
        (this.text[this.index + 1] === '/' || this.text[this.index + 1] === '*')
      ) {
        this.fail(
          'Comments are not allowed in JSON: remove the comment (put notes in a `label` instead).',
        );
      } else {
        return;
      }
    }
  }

  value(path: string, key?: TextPosition): JsonValue {
    const start = this.position();
    this.places.set(path, key ? { value: start, key } : { value: start });
    const c = this.text[this.index];
    switch (c) {
      case '{':
        return this.nested(() => this.object(path, start));
      case '[':
        return this.nested(() => this.array(path, start));
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      case "'":
        return this.fail('Strings in JSON use double quotes: replace the single quotes with `"`.');
      case undefined:
        return this.fail(`Unexpected end of file: expected ${VALUE_START}.`);
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        if (/[A-Za-z_]/.test(c)) return this.unexpectedWord();
        return this.fail(`Unexpected ${this.describeNext()}: expected ${VALUE_START}.`);
    }
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH)
      this.fail(
        `Nested more than ${MAX_DEPTH} levels deep: a design file is never this deep; the file is damaged.`,
      );
    const result = parse();
    this.depth--;
    return result;
  }

  private object(path: string, start: TextPosition): JsonObject {
    this.index++;
    const result: JsonObject = {};
    const keyPlaces = new Map<string, TextPosition>();
    this.skipSpace();
    if (this.text[this.index] === '}') {
      this.index++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      const keyAt = this.position();
      if (this.text[this.index] !== '"') {
        if (this.text[this.index] === '}')
          this.fail(
            'Trailing comma before `}`: JSON allows no comma after the last field; remove it.',
          );
        if (this.atEnd()) this.unclosed('object', start, '}');
        if (this.text[this.index] === "'")
          this.fail('Field names in JSON use double quotes: replace the single quotes with `"`.');
        this.fail(`Expected a field name in double quotes, found ${this.describeNext()}.`);
      }
      const key = this.string();
      const first = keyPlaces.get(key);
      if (first) {
        this.fail(
          `The field "${key}" appears twice in this object (first at line ${first.line}, column ${first.column}); keep one of them.`,
          keyAt,
        );
      }
      keyPlaces.set(key, keyAt);
      this.skipSpace();
      if (this.text[this.index] !== ':') {
        if (this.atEnd()) this.unclosed('object', start, '}');
        this.fail(`Expected \`:\` after the field name "${key}", found ${this.describeNext()}.`);
      }
      this.index++;
      this.skipSpace();
      const member = this.value(`${path}/${escapePointerToken(key)}`, keyAt);
      // Defined rather than assigned, so a `__proto__` field stays data.
      Object.defineProperty(result, key, {
        value: member,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipSpace();
      const c = this.text[this.index];
      if (c === ',') {
        this.index++;
      } else if (c === '}') {
        this.index++;
        return result;
      } else if (c === undefined) {
        this.unclosed('object', start, '}');
      } else {
        this.fail(
          `Expected \`,\` or \`}\` after the value of "${key}", found ${this.describeNext()}.`,
        );
      }
    }
  }

  private array(path: string, start: TextPosition): JsonValue[] {
    this.index++;
    const result: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.index] === ']') {
      this.index++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] === ']')
        this.fail(
          'Trailing comma before `]`: JSON allows no comma after the last item; remove it.',
        );
      if (this.atEnd()) this.unclosed('array', start, ']');
      result.push(this.value(`${path}/${result.length}`));
      this.skipSpace();
      const c = this.text[this.index];
      if (c === ',') {
        this.index++;
      } else if (c === ']') {
        this.index++;
        return result;
      } else if (c === undefined) {
        this.unclosed('array', start, ']');
      } else {
        this.fail(`Expected \`,\` or \`]\` after an array item, found ${this.describeNext()}.`);
      }
    }
  }

  private unclosed(what: 'object' | 'array', start: TextPosition, closer: string): never {
    return this.fail(
      `Unexpected end of file: the ${what} opened at line ${start.line}, column ${start.column} is never closed; add \`${closer}\`.`,
    );
  }

  private string(): string {
    const start = this.position();
    this.index++;
    let out = '';
    let runStart = this.index;
    for (;;) {
      const code = this.text.charCodeAt(this.index);
      if (Number.isNaN(code)) {
        this.fail(
          `Unterminated string starting at line ${start.line}, column ${start.column}: add the closing \`"\`.`,
        );
      }
      if (code === 0x22) {
        out += this.text.slice(runStart, this.index);
        this.index++;
        return out;
      }
      if (code < 0x20) {
        this.fail(
          code === 0x0a
            ? `Line break inside the string starting at line ${start.line}, column ${start.column}: close the string, or write the break as \`\\n\`.`
            : `Control character U+${code.toString(16).padStart(4, '0').toUpperCase()} inside a string: write it as an escape such as \`\\t\`.`,
        );
      }
      if (code === 0x5c) {
        out += this.text.slice(runStart, this.index);
        out += this.escape();
        runStart = this.index;
      } else {
        this.index++;
      }
    }
  }

  private escape(): string {
    const at = this.position();
    const c = this.text[this.index + 1];
    this.index += 2;
    switch (c) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        const hex = this.text.slice(this.index, this.index + 4);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex))
          this.fail('`\\u` must be followed by four hex digits, e.g. `\\u00e9`.', at);
        this.index += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        return this.fail(
          `Invalid escape \`\\${c ?? ''}\` in a string: JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \`\\\\\`.`,
          at,
        );
    }
  }

  private number(): number {
    const match = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(
      this.text.slice(this.index, this.index + 400),
    );
    const next = this.text[this.index + (match?.[0].length ?? 0)];
    if (!match || (next !== undefined && /[0-9A-Za-z.+-]/.test(next))) {
      const word = /^[^\s,:\]}]+/.exec(this.text.slice(this.index))?.[0] ?? '';
      this.fail(
        `Invalid number \`${word}\`: JSON numbers look like \`12\`, \`-3.5\` or \`1e3\` (no leading zeros, \`+\`, hex or NaN).`,
      );
    }
    this.index += match[0].length;
    return Number(match[0]);
  }

  private literal<T extends JsonValue>(word: string, value: T): T {
    if (
      this.text.startsWith(word, this.index) &&
      !/[A-Za-z0-9_]/.test(this.text[this.index + word.length] ?? '')
    ) {
      this.index += word.length;
      return value;
    }
    return this.unexpectedWord();
  }

  private unexpectedWord(): never {
    const word = /^[A-Za-z0-9_]+/.exec(this.text.slice(this.index))![0];
    return this.fail(
      `Unexpected \`${word}\`: expected ${VALUE_START}; strings need double quotes.`,
    );
  }
}
