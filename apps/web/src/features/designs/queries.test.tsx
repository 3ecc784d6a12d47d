import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/client';
import { designListQuery, designQuery, designKeys } from './queries';

function wrapper() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, Wrapper };
}

const summary = {
  id: 'petstore/openapi.yaml',
  name: 'pet-store-sample',
  revision: 'r1',
  operationCount: 5,
  integratedCount: 4,
  modifiedAt: '2026-11-25T10:00:00.000Z',
};

function apiAnswering(answer: (url: string) => Response) {
  return createApiClient({
    baseUrl: 'http://127.0.0.1:4321',
    token: 't',
    fetch: async (input) => answer(new Request(input).url),
  });
}

describe('design queries', () => {
  it('lists the designs under the list key', async () => {
    const api = apiAnswering(() => Response.json({ designs: [summary] }));
    const { client, Wrapper } = wrapper();
    const { result } = renderHook(() => useQuery(designListQuery(api)), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual([summary]);
    expect(client.getQueryData(designKeys.list())).toEqual([summary]);
  });

  it('fails a design that does not exist with the server’s message', async () => {
    const api = apiAnswering(() =>
      Response.json({ error: { code: 'not-found', message: 'No such design.' } }, { status: 404 }),
    );
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useQuery(designQuery(api, 'missing.yaml')), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toBe('No such design.');
  });

  it('keys every query of a design under the design', () => {
    expect(designKeys.openApi('a/b.yaml', 'r1', 'yaml').slice(0, 2)).toEqual(
      designKeys.detail('a/b.yaml'),
    );
    expect(designKeys.detail('a/b.yaml').slice(0, 1)).toEqual(designKeys.all);
  });
});
