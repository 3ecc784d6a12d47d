/**
 * Path arithmetic for external `$ref`s. Core has no `node:path`, and refs use
 * URL-style `/` paths on every platform, so this is a small POSIX-like subset:
 * enough to resolve `../common/Error.yaml` against `spec/swagger.yaml`.
 */

/** A `$ref` split into the file it names (empty for the same file) and its JSON pointer fragment. */
export interface RefParts {
  file: string;
  /** The fragment without `#`, URI-decoded: `/components/schemas/Pet`, or '' for the whole file. */
  fragment: string;
}

/** `other.yaml#/Foo` -> `{ file: 'other.yaml', fragment: '/Foo' }`; a local ref has file ''. */
export function splitRef(ref: string): RefParts {
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  const raw = hash === -1 ? '' : ref.slice(hash + 1);
  return { file, fragment: decodeFragment(raw) };
}

/** Resolves `relative` against the file `from` names (its folder), normalising `.` and `..`. */
export function resolveRelative(from: string, relative: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative) || relative.startsWith('/'))
    return normalisePath(relative);
  const slash = from.lastIndexOf('/');
  const folder = slash === -1 ? '' : from.slice(0, slash + 1);
  return normalisePath(folder + relative);
}

/** Removes `.` segments and folds `name/..`; leading `..` that climb above the start are kept. */
export function normalisePath(path: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path)?.[0] ?? '';
  const rest = path.slice(scheme.length);
  const absolute = rest.startsWith('/');
  const out: string[] = [];
  for (const segment of rest.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment === '..' && absolute) continue;
    else out.push(segment);
  }
  return scheme + (absolute ? '/' : '') + out.join('/');
}

function decodeFragment(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    // A stray `%` is more likely literal text than a broken escape.
    return raw;
  }
}
