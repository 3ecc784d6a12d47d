import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/client';
import {
  createDesignMutation,
  deleteDesignMutation,
  designListQuery,
  designQuery,
  designKeys,
  renameDesignMutation,
  restoreDesignMutation,
  setApiNameMutation,
} from './queries';
import { RefusalWithFindings } from './refusal';

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
    expect(designKeys.detail('a/b.yaml').slice(0, 1)).toEqual(designKeys.all);
  });
});

/** A fake server: records each request and answers with `answer`. */
function recordingApi(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const api = createApiClient({
    baseUrl: 'http://127.0.0.1:4321',
    token: 't',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      return answer(request);
    },
  });
  return { api, requests };
}

const stored = {
  id: 'orders/openapi.yaml',
  revision: 'r9',
  modelFile: 'orders/openapi.yaml',
  modelText: 'openapi: 3.0.3\n',
  designFile: 'orders/openapi.gatewright.json',
  diagnostics: [],
  modifiedAt: '2026-11-25T11:00:00.000Z',
};

describe('design mutations', () => {
  it('creates a design, keeps its answer as the design and refreshes the list', async () => {
    const { api, requests } = recordingApi(() => Response.json(stored, { status: 201 }));
    const { client, Wrapper } = wrapper();
    client.setQueryData(designKeys.list(), [summary]);
    const { result } = renderHook(() => useMutation(createDesignMutation(api, client)), {
      wrapper: Wrapper,
    });
    await act(() =>
      result.current.mutateAsync({
        modelFile: 'orders/openapi.yaml',
        modelText: 'openapi: 3.0.3\n',
      }),
    );
    expect(requests[0]?.method).toBe('POST');
    expect(await requests[0]?.json()).toEqual({
      modelFile: 'orders/openapi.yaml',
      modelText: 'openapi: 3.0.3\n',
    });
    expect(client.getQueryData(designKeys.detail('orders/openapi.yaml'))).toEqual(stored);
    expect(client.getQueryState(designKeys.list())?.isInvalidated).toBe(true);
  });

  it('refuses a model that does not parse with its findings, by line', async () => {
    const { api } = recordingApi(() =>
      Response.json(
        {
          error: {
            code: 'invalid-input',
            message: 'orders/openapi.yaml is not an OpenAPI 3.x or Swagger 2.0 description',
            details: {
              findings: [
                {
                  code: 'model.syntax',
                  severity: 'error',
                  message: 'Bad YAML.',
                  location: { line: 4 },
                },
              ],
            },
          },
        },
        { status: 400 },
      ),
    );
    const { client, Wrapper } = wrapper();
    const { result } = renderHook(() => useMutation(createDesignMutation(api, client)), {
      wrapper: Wrapper,
    });
    await act(async () => {
      await result.current
        .mutateAsync({ modelFile: 'orders/openapi.yaml', modelText: 'openapi: [' })
        .catch(() => undefined);
    });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(RefusalWithFindings));
    const error = result.current.error;
    expect((error as RefusalWithFindings).findings).toEqual([
      { code: 'model.syntax', severity: 'error', message: 'Bad YAML.', location: { line: 4 } },
    ]);
  });

  it('names a taken id as already-exists', async () => {
    const { api } = recordingApi(() =>
      Response.json(
        { error: { code: 'already-exists', message: 'petstore/openapi.yaml already exists' } },
        { status: 409 },
      ),
    );
    const { client, Wrapper } = wrapper();
    const { result } = renderHook(() => useMutation(createDesignMutation(api, client)), {
      wrapper: Wrapper,
    });
    await act(async () => {
      await result.current
        .mutateAsync({ modelFile: 'petstore/openapi.yaml', sample: 'petstore' })
        .catch(() => undefined);
    });
    await waitFor(() =>
      expect(result.current.error).toMatchObject({ status: 409, code: 'already-exists' }),
    );
  });

  it('drops a deleted design from the list at once, sending its revision', async () => {
    let answer!: (response: Response) => void;
    const { api, requests } = recordingApi(
      () => new Promise<Response>((resolve) => (answer = resolve)),
    );
    const { client, Wrapper } = wrapper();
    client.setQueryData(designKeys.list(), [summary]);
    const { result } = renderHook(() => useMutation(deleteDesignMutation(api, client)), {
      wrapper: Wrapper,
    });
    act(() => result.current.mutate(summary));
    await waitFor(() => expect(client.getQueryData(designKeys.list())).toEqual([]));
    expect(requests[0]?.method).toBe('DELETE');
    expect(requests[0]?.url).toBe('http://127.0.0.1:4321/api/designs/petstore%2Fopenapi.yaml');
    expect(requests[0]?.headers.get('if-match')).toBe('"r1"');
    const entry = { trashId: 't1', id: summary.id, name: summary.name, deletedAt: 'now' };
    answer(Response.json(entry));
    await waitFor(() => expect(result.current.data).toEqual(entry));
  });

  it('puts a design back in the list when the server refuses to delete it', async () => {
    const { api } = recordingApi(() =>
      Response.json(
        { error: { code: 'revision-conflict', message: 'It changed.' } },
        { status: 412 },
      ),
    );
    const { client, Wrapper } = wrapper();
    client.setQueryData(designKeys.list(), [summary]);
    const { result } = renderHook(() => useMutation(deleteDesignMutation(api, client)), {
      wrapper: Wrapper,
    });
    act(() => result.current.mutate(summary));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(client.getQueryData(designKeys.list())).toEqual([summary]);
    expect(result.current.error?.message).toBe('It changed.');
  });

  it('restores from the trash by the entry’s id and refreshes the list', async () => {
    const { api, requests } = recordingApi(() => Response.json(stored));
    const { client, Wrapper } = wrapper();
    client.setQueryData(designKeys.list(), []);
    const { result } = renderHook(() => useMutation(restoreDesignMutation(api, client)), {
      wrapper: Wrapper,
    });
    await act(() =>
      result.current.mutateAsync({
        trashId: 't-1',
        id: stored.id,
        name: 'orders',
        deletedAt: 'now',
      }),
    );
    expect(requests[0]?.url).toBe('http://127.0.0.1:4321/api/trash/t-1/restore');
    expect(client.getQueryState(designKeys.list())?.isInvalidated).toBe(true);
  });

  it('renames with the revision it was listed at', async () => {
    const { api, requests } = recordingApi(() =>
      Response.json({ ...stored, id: 'shop/openapi.yaml' }),
    );
    const { client, Wrapper } = wrapper();
    const { result } = renderHook(() => useMutation(renameDesignMutation(api, client)), {
      wrapper: Wrapper,
    });
    await act(() =>
      result.current.mutateAsync({ design: summary, modelFile: 'shop/openapi.yaml' }),
    );
    expect(requests[0]?.url).toBe(
      'http://127.0.0.1:4321/api/designs/petstore%2Fopenapi.yaml/rename',
    );
    expect(requests[0]?.headers.get('if-match')).toBe('"r1"');
    expect(await requests[0]?.json()).toEqual({ modelFile: 'shop/openapi.yaml' });
  });

  it('sets the API name on the design as it is now, and clears it back to the title', async () => {
    const design = { formatVersion: 1, model: 'openapi.yaml', apiName: 'Old', operations: {} };
    const { api, requests } = recordingApi((request) =>
      request.method === 'GET'
        ? Response.json({ ...stored, revision: 'r10', design })
        : Response.json({ ...stored, revision: 'r11' }),
    );
    const { client, Wrapper } = wrapper();
    const { result } = renderHook(() => useMutation(setApiNameMutation(api, client)), {
      wrapper: Wrapper,
    });
    await act(() => result.current.mutateAsync({ id: stored.id, apiName: ' Orders ' }));
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('if-match')).toBe('"r10"');
    expect(await put?.json()).toEqual({ design: { ...design, apiName: 'Orders' } });

    await act(() => result.current.mutateAsync({ id: stored.id, apiName: '' }));
    const { apiName: _old, ...untitled } = design;
    expect(await requests.filter((r) => r.method === 'PUT')[1]?.json()).toEqual({
      design: untitled,
    });
  });

  it('refuses to name a design whose model does not load', async () => {
    const { api, requests } = recordingApi(() => Response.json(stored));
    const { client, Wrapper } = wrapper();
    const { result } = renderHook(() => useMutation(setApiNameMutation(api, client)), {
      wrapper: Wrapper,
    });
    await act(async () => {
      await result.current.mutateAsync({ id: stored.id, apiName: 'X' }).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.error?.message).toContain('has no design yet'));
    expect(requests.map((r) => r.method)).toEqual(['GET']);
  });
});
