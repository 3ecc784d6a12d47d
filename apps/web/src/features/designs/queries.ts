import type { DesignDocument } from '@gatewright/core';
import { queryOptions } from '@tanstack/react-query';
import { designParam, ensureOk, type ApiClient } from '../../api/client';

/** Query keys, general to specific, so invalidating `all` reaches every design query. */
export const designKeys = {
  all: ['designs'] as const,
  list: () => [...designKeys.all, 'list'] as const,
  detail: (id: string) => [...designKeys.all, id] as const,
  openApi: (id: string, revision: string, format: 'json' | 'yaml') =>
    [...designKeys.detail(id), 'openapi', revision, format] as const,
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

/**
 * The OpenAPI document the design renders to, as the server serialises it.
 * Keyed by revision: a revision names exact bytes, so its rendering never
 * goes stale.
 */
export function openApiQuery(
  api: ApiClient,
  id: string,
  revision: string,
  format: 'json' | 'yaml',
) {
  return queryOptions({
    queryKey: designKeys.openApi(id, revision, format),
    queryFn: async () => {
      const response = await api.api.designs[':id'].openapi.$get({
        param: designParam(id),
        query: { format },
      });
      await ensureOk(response);
      return response.text();
    },
    staleTime: Infinity,
  });
}
