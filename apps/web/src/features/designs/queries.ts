import type { DesignDocument } from '@gatewright/core';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { designParam, ensureOk, type ApiClient } from '../../api/client';
import { ensureOkWithFindings } from './refusal';

/** Query keys, general to specific, so invalidating `all` reaches every design query. */
export const designKeys = {
  all: ['designs'] as const,
  list: () => [...designKeys.all, 'list'] as const,
  detail: (id: string) => [...designKeys.all, id] as const,
};

/** The workspace's designs, as summaries. */
export function designListQuery(api: ApiClient) {
  return queryOptions({
    queryKey: designKeys.list(),
    queryFn: async () => {
      const response = await ensureOk(await api.api.designs.$get());
      return (await response.json()).designs;
    },
  });
}

/** One design: model text, design document, findings and revision. */
export function designQuery(api: ApiClient, id: string) {
  return queryOptions({
    queryKey: designKeys.detail(id),
    queryFn: async () => {
      const response = await api.api.designs[':id'].$get({ param: designParam(id) });
      await ensureOk(response);
      if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
      const stored = await response.json();
      // Hono's JSON typing widens the design's JSON values; on the wire it is the document.
      return stored as Omit<typeof stored, 'design'> & { design?: DesignDocument };
    },
  });
}

/** A design as the list shows it. */
export type DesignSummary = InferResponseType<
  ApiClient['api']['designs']['$get'],
  200
>['designs'][number];

/** A design as the server stores it, as a create, rename or restore answers. */
export type CreatedDesign = InferResponseType<ApiClient['api']['designs']['$post'], 201>;

/** What a new design is made of: a model's text, or a copy of a sample, and where it goes. */
export type NewDesign =
  { modelFile: string; modelText: string } | { modelFile: string; sample: 'petstore' };

/** An entry in the trash, which restores the design it holds. */
export type TrashEntry = InferResponseType<ApiClient['api']['designs'][':id']['$delete'], 200>;

const ifMatch = (revision: string) => ({ 'if-match': `"${revision}"` });

/**
 * Creates a design. A model that does not parse is refused with its findings
 * ({@link RefusalWithFindings}); an id in use with 409 (`already-exists`).
 */
export function createDesignMutation(api: ApiClient, queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...designKeys.all, 'create'],
    mutationFn: async (input: NewDesign): Promise<CreatedDesign> => {
      const response = await ensureOkWithFindings(await api.api.designs.$post({ json: input }));
      if (response.status !== 201) throw new Error(`unexpected status ${response.status}`);
      return response.json();
    },
    onSuccess: (created) => {
      // Fresh from the server: the design view opens on it without another read.
      queryClient.setQueryData(designKeys.detail(created.id), created);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: designKeys.list() }),
  });
}

/** Moves a design's model file (and its design file) to another path; refused 409 if taken. */
export function renameDesignMutation(api: ApiClient, queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...designKeys.all, 'rename'],
    mutationFn: async (input: { design: DesignSummary; modelFile: string }) => {
      const response = await ensureOk(
        await api.api.designs[':id'].rename.$post({
          param: designParam(input.design.id),
          header: ifMatch(input.design.revision),
          json: { modelFile: input.modelFile },
        }),
      );
      if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
      return response.json();
    },
    onSuccess: (_renamed, input) =>
      queryClient.removeQueries({ queryKey: designKeys.detail(input.design.id) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: designKeys.list() }),
  });
}

/**
 * Sets the name a design gives its API (`apiName`; blank goes back to the
 * model's title). Reads the design afresh and changes only that field, so a
 * change made elsewhere since the list was read is kept, not overwritten.
 */
export function setApiNameMutation(api: ApiClient, queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...designKeys.all, 'api-name'],
    mutationFn: async (input: { id: string; apiName: string }) => {
      const current = await queryClient.fetchQuery({ ...designQuery(api, input.id), staleTime: 0 });
      if (!current.design)
        throw new Error(
          `${input.id} has no design yet (its model does not load); open it and fix the model first.`,
        );
      const { apiName: _previous, ...rest } = current.design;
      const design =
        input.apiName.trim() === '' ? rest : { ...rest, apiName: input.apiName.trim() };
      const response = await ensureOk(
        await api.api.designs[':id'].$put({
          param: designParam(input.id),
          header: ifMatch(current.revision),
          json: { design },
        }),
      );
      if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
      return response.json();
    },
    onSuccess: (_saved, input) =>
      queryClient.invalidateQueries({ queryKey: designKeys.detail(input.id) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: designKeys.list() }),
  });
}

/**
 * Moves a design to the trash. The list drops it at once and gets it back if
 * the server refuses; the answer is the trash entry that restores it.
 */
export function deleteDesignMutation(api: ApiClient, queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...designKeys.all, 'delete'],
    mutationFn: async (design: DesignSummary): Promise<TrashEntry> => {
      const response = await ensureOk(
        await api.api.designs[':id'].$delete({
          param: designParam(design.id),
          header: ifMatch(design.revision),
        }),
      );
      if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
      return response.json();
    },
    onMutate: async (design) => {
      await queryClient.cancelQueries({ queryKey: designKeys.list() });
      const previous = queryClient.getQueryData<DesignSummary[]>(designKeys.list());
      queryClient.setQueryData<DesignSummary[]>(designKeys.list(), (designs) =>
        designs?.filter((d) => d.id !== design.id),
      );
      return { previous };
    },
    onError: (_error, _design, context) => {
      if (context?.previous) queryClient.setQueryData(designKeys.list(), context.previous);
    },
    onSuccess: (_entry, design) =>
      queryClient.removeQueries({ queryKey: designKeys.detail(design.id) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: designKeys.list() }),
  });
}

/** Puts a deleted design back where it was; refused 409 if a design took its id since. */
export function restoreDesignMutation(api: ApiClient, queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...designKeys.all, 'restore'],
    mutationFn: async (entry: TrashEntry) => {
      const response = await ensureOk(
        await api.api.trash[':trashId'].restore.$post({
          param: { trashId: encodeURIComponent(entry.trashId) },
        }),
      );
      if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
      return response.json();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: designKeys.list() }),
  });
}
