import { isJsonObject, unescapePointerToken, type JsonObject, type JsonValue } from '../json';
import { resolveRelative, splitRef } from './ref-paths';

const MAX_CHAIN = 32;

/** A value found by following a `$ref`, with the file it lives in (refs inside it are relative to that file). */
export interface Located {
  value: JsonValue;
  file: string;
}

/**
 * Follows `$ref`s across the files of one model. Every file is parsed once and
 * held in `files` by its resolved path; look-ups and deep resolutions are
 * cached, so resolving the schemas of hundreds of operations that share
 * components costs about one pass over the components.
 *
 * Cycles never hang: a `$ref` met again while its own target is being
 * expanded stays a `$ref` (as written) at that point. Which occurrence stays a
 * `$ref` depends on which operation reached the cycle first; the order is the
 * model's, so the result is deterministic.
 */
export class RefFollower {
  /** Each node's resolved form. A Map, not a WeakMap: it lives only as long as one import, and is faster. */
  private readonly resolved = new Map<object, JsonValue>();
  /** Ref targets being expanded; a ref back into one of them closes a cycle. */
  private readonly expanding = new Set<object>();
  /** Look-ups by file, then by the ref as written. */
  private readonly targets = new Map<string, Map<string, Located | undefined>>();

  constructor(private readonly files: ReadonlyMap<string, JsonValue>) {}

  /** The file a `$ref` written in `file` names. */
  fileOf(ref: string, file: string): string {
    const target = splitRef(ref).file;
    return target === '' ? file : resolveRelative(file, target);
  }

  /** The value a `$ref` written in `file` points at, or undefined when it points at nothing. */
  target(ref: string, file: string): Located | undefined {
    // Big descriptions repeat the same few hundred refs thousands of times.
    let inFile = this.targets.get(file);
    if (!inFile) this.targets.set(file, (inFile = new Map()));
    if (inFile.has(ref)) return inFile.get(ref);
    const found = this.lookUp(ref, file);
    inFile.set(ref, found);
    return found;
  }

  private lookUp(ref: string, file: string): Located | undefined {
    const { fragment } = splitRef(ref);
    const targetFile = this.fileOf(ref, file);
    let value = this.files.get(targetFile);
    if (value === undefined) return undefined;
    if (fragment !== '') {
      if (!fragment.startsWith('/')) return undefined;
      for (const token of fragment.slice(1).split('/').map(unescapePointerToken)) {
        if (Array.isArray(value)) value = /^\d+$/.test(token) ? value[Number(token)] : undefined;
        else if (isJsonObject(value) && Object.hasOwn(value, token)) value = value[token];
        else value = undefined;
        if (value === undefined) return undefined;
      }
    }
    return { value, file: targetFile };
  }

  /**
   * Follows `value` while it is a `$ref` (a ref to a ref to a path item, say).
   * Stops at a ref that points at nothing, returning it; a loop of refs stops
   * after `MAX_CHAIN` hops at one of its refs.
   */
  follow(value: JsonValue, file: string): Located {
    let current: Located = { value, file };
    // Almost every value is not a ref or a single one; a chain longer than any
    // real model uses is a loop, and stops where it is.
    for (let hops = 0; isRef(current.value) && hops < MAX_CHAIN; hops++) {
      const next = this.target(current.value.$ref, current.file);
      if (next === undefined) break;
      current = next;
    }
    return current;
  }

  /**
   * `value` with every `$ref` inside replaced by what it points at, deeply.
   * Unresolvable refs and refs closing a cycle stay as written. Parts without
   * refs are returned as they are (shared with the parsed document, so treat
   * results as read-only).
   */
  deep(value: JsonValue, file: string): JsonValue {
    if (value === null || typeof value !== 'object') return value;
    const cached = this.resolved.get(value);
    if (cached !== undefined) return cached;

    let result: JsonValue;
    if (isRef(value)) {
      const target = this.target(value.$ref, file);
      if (target === undefined || this.expanding.has(target.value as object)) return value;
      // Only ref targets are marked: parsed values are trees, so every cycle passes through a ref.
      const marked = typeof target.value === 'object' && target.value !== null;
      if (marked) this.expanding.add(target.value as object);
      result = this.deep(target.value, target.file);
      if (marked) this.expanding.delete(target.value as object);
    } else {
      result = Array.isArray(value) ? this.deepArray(value, file) : this.deepObject(value, file);
    }
    this.resolved.set(value, result);
    return result;
  }

  private deepArray(value: JsonValue[], file: string): JsonValue[] {
    let copy: JsonValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = this.deep(value[i]!, file);
      if (item !== value[i]) (copy ??= value.slice())[i] = item;
    }
    return copy ?? value;
  }

  private deepObject(value: JsonObject, file: string): JsonObject {
    let copy: JsonObject | undefined;
    // for-in rather than Object.keys: no key array for every object of every schema resolved.
    for (const key in value) {
      const item = this.deep(value[key]!, file);
      if (item !== value[key]) (copy ??= { ...value })[key] = item;
    }
    return copy ?? value;
  }
}

function isRef(value: JsonValue | undefined): value is JsonObject & { $ref: string } {
  return isJsonObject(value) && typeof value.$ref === 'string';
}
