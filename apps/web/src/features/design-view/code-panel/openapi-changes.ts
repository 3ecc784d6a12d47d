import { HTTP_METHODS, isJsonObject, type JsonObject, type JsonValue } from '@gatewright/core';
import type { LineDiff } from './line-diff';

/** One field of the rendered document that an edit added, removed or changed. */
export interface ChangedPlace {
  /** The field's name, e.g. `x-amazon-apigateway-integration`. */
  field: string;
  /** The operation it belongs to (`GET /pets`), the path (`/pets`), or none for a top-level field. */
  owner?: string;
  change: 'added' | 'removed' | 'changed';
}

const METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);

/**
 * The fields of the rendered OpenAPI document that differ between two
 * renderings: each operation's fields (its integration, security, responses),
 * each path's other fields, and the top-level fields besides `paths`. In
 * document order. Subtrees rendering did not touch are shared with the model,
 * so most comparisons end at an identity check.
 */
export function changedPlaces(before: JsonObject, after: JsonObject): ChangedPlace[] {
  const places: ChangedPlace[] = [];
  for (const field of unionKeys(before, after)) {
    if (field !== 'paths') {
      pushIfChanged(places, field, undefined, before[field], after[field]);
      continue;
    }
    const paths = { before: objectOr(before.paths), after: objectOr(after.paths) };
    for (const path of unionKeys(paths.before, paths.after)) {
      const items = { before: paths.before[path], after: paths.after[path] };
      if (items.before === items.after) continue;
      const item = { before: objectOr(items.before), after: objectOr(items.after) };
      for (const key of unionKeys(item.before, item.after)) {
        if (!METHODS.has(key)) {
          pushIfChanged(places, key, path, item.before[key], item.after[key]);
          continue;
        }
        const operation = `${methodLabel(key)} ${path}`;
        const was = item.before[key];
        const now = item.after[key];
        if (was === undefined || now === undefined) {
          pushIfChanged(places, 'operation', operation, was, now);
          continue;
        }
        const ops = { before: objectOr(was), after: objectOr(now) };
        for (const field of unionKeys(ops.before, ops.after)) {
          pushIfChanged(places, field, operation, ops.before[field], ops.after[field]);
        }
      }
    }
  }
  return places;
}

/**
 * One sentence for people (and screen readers) on what an edit changed in the
 * rendered document: "x-amazon-apigateway-integration of GET /pets changed,
 * +12 −3 lines".
 */
export function summarizeChanges(places: readonly ChangedPlace[], diff: LineDiff): string {
  if (places.length === 0 && diff.addedLines.length === 0 && diff.removedCount === 0) {
    return 'The OpenAPI document did not change.';
  }
  const lines = `+${diff.addedLines.length} −${diff.removedCount} line${
    diff.addedLines.length + diff.removedCount === 1 ? '' : 's'
  }`;
  const [first, second, ...rest] = places;
  if (!first) return `The OpenAPI document changed, ${lines}`;
  if (!second) return `${describe(first)} ${first.change}, ${lines}`;
  const named = [first, second].map(describe).join('; ');
  const more = rest.length > 0 ? ` and ${rest.length} more` : '';
  return `${places.length} places changed (${named}${more}), ${lines}`;
}

function describe(place: ChangedPlace): string {
  if (place.field === 'operation' && place.owner !== undefined) return `Operation ${place.owner}`;
  return place.owner === undefined ? place.field : `${place.field} of ${place.owner}`;
}

function pushIfChanged(
  places: ChangedPlace[],
  field: string,
  owner: string | undefined,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): void {
  if (before === after) return;
  const change =
    before === undefined
      ? 'added'
      : after === undefined
        ? 'removed'
        : JSON.stringify(before) === JSON.stringify(after)
          ? undefined
          : 'changed';
  if (change === undefined) return;
  places.push(owner === undefined ? { field, change } : { field, owner, change });
}

/** The keys of `before` in order, then those only `after` has. */
function unionKeys(before: JsonObject, after: JsonObject): string[] {
  const keys = Object.keys(before);
  for (const key of Object.keys(after)) if (!(key in before)) keys.push(key);
  return keys;
}

function objectOr(value: JsonValue | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}

function methodLabel(method: string): string {
  return method === 'x-amazon-apigateway-any-method' ? 'ANY' : method.toUpperCase();
}
