import { emptyDesign, importModel, type DesignDocument } from '@gatewright/core';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { designKeys } from '../designs/queries';

/** What the design view reads from a stored design. */
export interface StoredDesignInput {
  id: string;
  revision: string;
  modelFile: string;
  modelText: string;
  /** As the server loaded it; absent when there is no design file yet or it does not load. */
  design?: DesignDocument;
}

/**
 * The model read in the browser with core, beside the design, keyed by
 * revision (a revision names exact bytes, so the result never goes stale). A
 * missing design is an empty one: the canvas still shows every operation,
 * unwired.
 */
export function projectQuery(stored: StoredDesignInput) {
  return queryOptions({
    queryKey: [...designKeys.detail(stored.id), 'project', stored.revision] as const,
    queryFn: async () => {
      const imported = await importModel(stored.modelText, { file: stored.modelFile });
      return {
        // keepPreviousData may show another design's project while this one is read.
        id: stored.id,
        // The text the model was read from: the editor reads its own again if it differs.
        text: stored.modelText,
        model: imported.model,
        design: designOrEmpty(stored),
        diagnostics: imported.diagnostics,
      };
    },
    staleTime: Infinity,
  });
}

/**
 * The stored design, or an empty one beside its model: a design names its
 * model relative to itself, and the two files share a folder.
 */
export function designOrEmpty(stored: Pick<StoredDesignInput, 'modelFile' | 'design'>) {
  return (
    stored.design ?? emptyDesign(stored.modelFile.slice(stored.modelFile.lastIndexOf('/') + 1))
  );
}

const NOTHING: StoredDesignInput = { id: '', revision: '', modelFile: '', modelText: '' };

/** {@link projectQuery} for a stored design, once it has loaded. */
export function useProject(stored: StoredDesignInput | undefined) {
  return useQuery({
    ...projectQuery(stored ?? NOTHING),
    enabled: stored !== undefined,
    // A save makes a new revision: the editor keeps the model it has while it is read again.
    placeholderData: keepPreviousData,
  });
}
