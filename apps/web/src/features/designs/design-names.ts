/** A model file's text format, as the extension the server stores it under says. */
export type ModelFormat = 'yaml' | 'json';

/** The extensions the server accepts for a model file (its design id ends in one). */
export const MODEL_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

const MAX_SLUG_LENGTH = 60;

/** Whether a file name ends in a model extension, ignoring case, as the server checks it. */
export function hasModelExtension(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return MODEL_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/**
 * The format of pasted text: JSON when it opens with `{` (after a byte-order
 * mark and white space), else YAML, which is also what most descriptions are.
 */
export function guessFormat(text: string): ModelFormat {
  return /^\uFEFF?\s*\{/.test(text) ? 'json' : 'yaml';
}

/**
 * The description's `info.title`, read without parsing the whole model so a
 * half-typed or broken text still names itself; undefined when there is none.
 */
export function modelTitle(text: string): string | undefined {
  if (guessFormat(text) === 'json') {
    try {
      const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      const title = (value as { info?: { title?: unknown } } | null)?.info?.title;
      return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
    } catch {
      const match = /"info"\s*:\s*\{[^{}]*?"title"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
      return match?.[1]?.trim() || undefined;
    }
  }
  // `title:` indented under a top-level `info:`, before the next top-level key.
  const info = /^info:[ \t]*\r?\n((?:[ \t]+.*(?:\r?\n|$)|[ \t]*(?:\r?\n|$))*)/m.exec(text);
  const title = info?.[1] && /^[ \t]+title:[ \t]*(.+?)[ \t]*$/m.exec(info[1])?.[1];
  if (!title) return undefined;
  const unquoted = title.replace(/^(['"])(.*)\1$/, '$2').trim();
  return unquoted === '' ? undefined : unquoted;
}

/**
 * A folder name made of a title or a file name: lower case, words joined by
 * `-`, only letters, digits, `-` and `_`, so it is valid on every file system
 * the server accepts. Empty when nothing usable is left.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}

/** A file name without its folders and its model extension: `specs/orders.v2.yaml` -> `orders.v2`. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const lower = base.toLowerCase();
  const ext = MODEL_EXTENSIONS.find((e) => lower.endsWith(e));
  return ext ? base.slice(0, -ext.length) : base;
}

/** What a new design's id is derived from. */
export interface NewDesignSource {
  /** The uploaded or dropped file's name; absent for pasted text. */
  fileName?: string;
  /** The model text. */
  text: string;
}

/**
 * The id (model file path) proposed for a new design: a folder named after
 * the model's title, else the file's name, else `api`, holding
 * `openapi.<ext>` with the file's own extension or the guessed format's.
 * Ids in `taken` are skipped by numbering the folder (`orders-2/...`).
 */
export function proposeDesignId(source: NewDesignSource, taken: ReadonlySet<string>): string {
  const folder =
    slugify(modelTitle(source.text) ?? '') ||
    (source.fileName === undefined ? '' : slugify(fileStem(source.fileName))) ||
    'api';
  return freeDesignId(`${folder}/openapi${extensionFor(source)}`, taken);
}

function extensionFor(source: NewDesignSource): string {
  const lower = source.fileName?.toLowerCase();
  const ext = lower === undefined ? undefined : MODEL_EXTENSIONS.find((e) => lower.endsWith(e));
  return ext ?? (guessFormat(source.text) === 'json' ? '.json' : '.yaml');
}

/**
 * `id` if it is free, else the first free id made by numbering its first
 * folder (`orders/openapi.yaml` -> `orders-2/openapi.yaml`), or its file name
 * when it has no folder (`orders.yaml` -> `orders-2.yaml`). Ids compare
 * without case: two ids differing only in case are one file on macOS and Windows.
 */
export function freeDesignId(id: string, taken: ReadonlySet<string>): string {
  const lowerTaken = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lowerTaken.has(id.toLowerCase())) return id;
  const slash = id.indexOf('/');
  const [head, tail] = slash === -1 ? splitExtension(id) : [id.slice(0, slash), id.slice(slash)];
  const base = head.replace(/-\d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}${tail}`;
    if (!lowerTaken.has(candidate.toLowerCase())) return candidate;
  }
}

function splitExtension(fileName: string): [string, string] {
  const lower = fileName.toLowerCase();
  const ext = MODEL_EXTENSIONS.find((e) => lower.endsWith(e)) ?? '';
  return [
    fileName.slice(0, fileName.length - ext.length),
    fileName.slice(fileName.length - ext.length),
  ];
}

/**
 * The name to list a design under: the server's name (the design's API name,
 * else the model's title), except that a model with neither, which the server
 * names by its file name (`openapi.yaml`, a name many designs share), goes by
 * its folder instead.
 */
export function displayName(design: { id: string; name: string }): string {
  const segments = design.id.split('/');
  const folder = segments.at(-2);
  return folder !== undefined && design.name === segments.at(-1) ? folder : design.name;
}
