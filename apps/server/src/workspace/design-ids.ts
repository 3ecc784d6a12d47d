import type { DesignId, StoreResult } from './design-store';

/** Extensions a model file may have; the design id is the model file's path, so they bound ids too. */
export const MODEL_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** The store's own folder (journal, backups, trash) at the workspace root. Never holds designs. */
export const STORE_FOLDER = '.gatewright';

/** Longest file or folder name most file systems accept (ext4, APFS, NTFS). */
export const MAX_SEGMENT_LENGTH = 255;
/** Longest id accepted; well under Linux's PATH_MAX once joined to a root. */
export const MAX_ID_LENGTH = 1024;

const DESIGN_SUFFIX = '.gatewright.json';
// Control characters (C0, DEL, C1) make names that terminals and logs show wrongly.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Characters Windows refuses in names: a workspace should survive a copy to another machine.
const NOT_PORTABLE = /[<>:"|?*]/;

/**
 * Checks a design id (the model file's path relative to the workspace, `/`-separated)
 * as text, before it touches the file system: relative, no `.`/`..`/empty segments,
 * no backslashes, control characters or characters Windows refuses, no dot-names
 * (dot-folders are not scanned), length limits, a model extension, and not a
 * design file itself. Symlinks are checked later, against the disk (see `workspace-paths`).
 *
 * @returns the id unchanged when it is valid
 */
export function checkDesignId(id: string, what = 'design id'): StoreResult<DesignId> {
  const path = checkWorkspacePath(id, what);
  if (!path.ok) return path;
  const refuse = (why: string): StoreResult<DesignId> => ({
    ok: false,
    error: { code: 'invalid-id', message: `${what} ${JSON.stringify(id)} ${why}` },
  });
  if (!isModelFileName(id))
    return refuse(`does not end in ${MODEL_EXTENSIONS.join(', ')}; a model file is YAML or JSON`);
  if (isDesignFileName(id))
    return refuse(
      `ends in "${DESIGN_SUFFIX}", the name of a design file; name the model file instead`,
    );
  return { ok: true, value: id };
}

/**
 * Checks a path inside the workspace (relative, `/`-separated) as text, by the
 * rules every name the server opens follows: those of `checkDesignId` less the
 * extension rules. Dot-names are refused, so `.env`, `.git/` and the store's own
 * `.gatewright/` are never read on a request's behalf.
 *
 * @returns the path unchanged when it is valid
 */
export function checkWorkspacePath(id: string, what = 'path'): StoreResult<string> {
  const refuse = (why: string): StoreResult<string> => ({
    ok: false,
    error: { code: 'invalid-id', message: `${what} ${JSON.stringify(id)} ${why}` },
  });
  if (typeof id !== 'string' || id.length === 0)
    return refuse('is empty; name a model file such as "petstore/openapi.yaml"');
  if (id.length > MAX_ID_LENGTH)
    return refuse(`is ${id.length} characters long; the limit is ${MAX_ID_LENGTH}`);
  if (CONTROL.test(id))
    return refuse('contains a control character (NUL, newline, ...); remove it');
  if (id.includes('\\')) return refuse('contains a backslash; separate folders with "/"');
  if (id.startsWith('/') || /^[A-Za-z]:/.test(id))
    return refuse('is an absolute path; give a path relative to the workspace');
  if (NOT_PORTABLE.test(id))
    return refuse('contains one of < > : " | ? *, which Windows refuses in file names; remove it');
  for (const segment of id.split('/')) {
    if (segment === '' || segment === '.' || segment === '..')
      return refuse(
        `has a ${segment === '' ? 'empty' : `"${segment}"`} path segment; ids stay inside the workspace, with no "." or ".." and no "//"`,
      );
    if (segment.startsWith('.'))
      return refuse(
        `has the hidden name "${segment}"; names starting with "." are not scanned, so rename it`,
      );
    if (segment.length > MAX_SEGMENT_LENGTH)
      return refuse(
        `has a name of ${segment.length} characters; the limit is ${MAX_SEGMENT_LENGTH}`,
      );
    if (segment !== segment.trim())
      return refuse(`has the name "${segment}" starting or ending with a space; trim it`);
  }
  return { ok: true, value: id };
}

/** Whether a file name has a model extension (case-insensitive, as `designFileFor` treats it). */
export function isModelFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return MODEL_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** Whether a file name is a design file's (`<model>.gatewright.json`). */
export function isDesignFileName(name: string): boolean {
  return name.toLowerCase().endsWith(DESIGN_SUFFIX);
}

/**
 * The names a design file's model could have: `api.gatewright.json` belongs to
 * `api.yaml`, `api.yml` or `api.json`.
 */
export function modelNamesFor(designFile: string): string[] {
  const stem = designFile.slice(0, -DESIGN_SUFFIX.length);
  return MODEL_EXTENSIONS.map((ext) => stem + ext);
}

/** Whether a trash id is one `trash.ts` made: a single safe path segment. */
export function isTrashId(trashId: string): boolean {
  return typeof trashId === 'string' && /^[0-9A-Za-z][0-9A-Za-z_-]{0,127}$/.test(trashId);
}
