import type { Diagnostic } from '../diagnostics';
import type { DesignDocument } from '../design/types';
import type { ApiModel } from '../model/types';
import type { RenderContext } from './types';

/**
 * The context integration modules render in. Backends are looked up as the
 * design's own entries only, so an id such as `constructor` or `toString`
 * names a backend of the design or nothing, never a property every object has.
 */
export function renderContext(
  model: ApiModel,
  design: DesignDocument,
  report: (diagnostic: Diagnostic) => void,
): RenderContext {
  return { model, design, backend: (id) => ownEntry(design.backends, id), report };
}

/** `record[key]` when `record` has it as its own entry, else undefined. */
export function ownEntry<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
