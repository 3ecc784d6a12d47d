import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../api/api-context';
import { createApiClient } from '../../api/client';
import { DesignList } from './DesignList';
import type { DesignSummary } from './queries';
import { ACTION_NOTICE_MILLIS } from './StatusToast';

function design(n: number, modifiedAt = `2026-11-${String(n).padStart(2, '0')}T10:00:00.000Z`) {
  return {
    id: `api-${n}/openapi.yaml`,
    name: `API ${n}`,
    revision: `r${n}`,
    operationCount: n,
    integratedCount: 0,
    modifiedAt,
  } satisfies DesignSummary;
}

type Handler = (request: Request) => Response | Promise<Response>;

function renderHome(handler: Handler) {
  const requests: Request[] = [];
  const api = createApiClient({
    baseUrl: 'http://127.0.0.1:4321',
    token: 't',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      requests.push(request);
      return handler(request);
    },
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ApiProvider client={api}>
        <DesignList />
      </ApiProvider>
    </QueryClientProvider>,
  );
  return { requests };
}

const rowNames = () =>
  screen.getAllByTestId('design-row').map((row) => within(row).getByRole('rowheader').textContent);

// jsdom has <dialog> but not its modal methods; these do what the tests rely on.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the home page', () => {
  it('offers the ways to create a design in an empty workspace', async () => {
    renderHome(() => Response.json({ designs: [] }));
    expect(
      await screen.findByRole('heading', { name: 'No designs in this workspace yet' }),
    ).toBeTruthy();
    const create = screen.getByRole('group', { name: 'Create a design' });
    expect(
      within(create)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Upload a model…', 'Paste a model…', 'Copy the sample…']);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says why the list did not load, and tries again on request', async () => {
    let fail = true;
    renderHome(() =>
      fail
        ? Response.json({ error: { code: 'boom', message: 'The disk is gone.' } }, { status: 500 })
        : Response.json({ designs: [design(1)] }),
    );
    expect(await screen.findByText(/The designs did not load: The disk is gone\./)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Open API 1' })).toBeTruthy();
  });

  it('lists the last changed first, and filters once there are many', async () => {
    const designs = [
      design(3),
      design(9),
      design(1),
      design(5),
      design(2),
      design(8),
      design(4),
      design(7),
    ];
    renderHome(() => Response.json({ designs }));
    await screen.findByRole('table', { name: 'Designs' });
    expect(rowNames()).toEqual([
      'API 9',
      'API 8',
      'API 7',
      'API 5',
      'API 4',
      'API 3',
      'API 2',
      'API 1',
    ]);
    fireEvent.change(screen.getByLabelText('Filter designs'), { target: { value: 'api-7' } });
    expect(rowNames()).toEqual(['API 7']);
    expect(screen.getByText('1 of 8 shown')).toBeTruthy();
  });

  it('deletes at once and restores with Undo', async () => {
    let listed = [design(1), design(2)];
    const { requests } = renderHome((request) => {
      const url = new URL(request.url);
      if (request.method === 'DELETE') {
        listed = listed.filter((d) => d.id !== 'api-1/openapi.yaml');
        return Response.json({
          trashId: 'trash-1',
          id: 'api-1/openapi.yaml',
          name: 'API 1',
          deletedAt: 'now',
        });
      }
      if (url.pathname === '/api/trash/trash-1/restore') {
        listed = [design(1), ...listed];
        return Response.json({});
      }
      return Response.json({ designs: listed });
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Delete API 1 (api-1/openapi.yaml)' }),
    );
    await waitFor(() => expect(rowNames()).toEqual(['API 2']));
    const status = screen.getByRole('status');
    await waitFor(() =>
      expect(status.textContent).toContain('Deleted API 1 (api-1/openapi.yaml).'),
    );
    const undo = within(status).getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);

    fireEvent.click(undo);
    await waitFor(() => expect(status.textContent).toContain('Restored API 1.'));
    await waitFor(() => expect(rowNames()).toEqual(['API 2', 'API 1']));
    expect(requests.filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname)).toEqual(
      ['/api/trash/trash-1/restore'],
    );
  });

  it('undoes a deletion with Ctrl+Z while its notice shows', async () => {
    const { requests } = renderHome((request) =>
      request.method === 'DELETE'
        ? Response.json({
            trashId: 't9',
            id: 'api-1/openapi.yaml',
            name: 'API 1',
            deletedAt: 'now',
          })
        : Response.json(request.method === 'POST' ? {} : { designs: [design(1)] }),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Delete API 1 (api-1/openapi.yaml)' }),
    );
    const undo = await within(screen.getByRole('status')).findByRole('button', { name: 'Undo' });
    expect(undo.getAttribute('aria-keyshortcuts')).toBe('Control+Z Meta+Z');
    fireEvent.keyDown(undo, { key: 'z', ctrlKey: true });
    await waitFor(() =>
      expect(requests.some((r) => new URL(r.url).pathname === '/api/trash/t9/restore')).toBe(true),
    );
  });

  it('keeps the Undo notice long enough to reach, then lets it go', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderHome((request) =>
      request.method === 'DELETE'
        ? Response.json({ trashId: 't', id: 'api-1/openapi.yaml', name: 'API 1', deletedAt: 'now' })
        : Response.json({ designs: [design(1)] }),
    );
    const button = await screen.findByRole('button', { name: 'Delete API 1 (api-1/openapi.yaml)' });
    fireEvent.click(button);
    const status = screen.getByRole('status');
    await waitFor(() => within(status).getByRole('button', { name: 'Undo' }));
    // The focus sits on Undo, which holds the notice; let it go to see it leave.
    act(() => (document.activeElement as HTMLElement).blur());
    act(() => vi.advanceTimersByTime(ACTION_NOTICE_MILLIS - 1000));
    expect(within(status).queryByRole('button', { name: 'Undo' })).not.toBeNull();
    act(() => vi.advanceTimersByTime(2000));
    expect(within(status).queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('keeps pasted text through Cancel, and a refused model’s text with its findings', async () => {
    const broken = '{"openapi": "3.0.3", "info": ';
    const { requests } = renderHome((request) =>
      request.method === 'POST'
        ? Response.json(
            {
              error: {
                code: 'invalid-input',
                message: 'api/openapi.json is not an OpenAPI 3.x or Swagger 2.0 description',
                details: {
                  findings: [
                    {
                      code: 'model.syntax',
                      severity: 'error',
                      message: 'Unexpected end of JSON input.',
                      location: { line: 1, column: 29 },
                    },
                  ],
                },
              },
            },
            { status: 400 },
          )
        : Response.json({ designs: [design(1)] }),
    );
    await screen.findByRole('table', { name: 'Designs' });
    fireEvent.click(screen.getByRole('button', { name: 'Paste a model…' }));
    const text = () => screen.getByLabelText<HTMLTextAreaElement>(/^Model \(/);
    fireEvent.change(text(), { target: { value: broken } });
    expect(screen.getByLabelText<HTMLInputElement>('Save as').value).toBe('api/openapi.json');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Paste a model…' }));
    expect(text().value).toBe(broken);
    fireEvent.click(screen.getByRole('button', { name: 'Create and open' }));
    const findings = await screen.findByRole('list', { name: 'Findings' });
    expect(findings.textContent).toBe('Line 1, column 29: Unexpected end of JSON input.');
    expect(text().value).toBe(broken);
    expect(text().getAttribute('aria-invalid')).toBe('true');
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({
      modelFile: 'api/openapi.json',
      modelText: broken,
    });
  });

  it('names two designs with one name apart by their files', async () => {
    const copy = { ...design(2), name: 'API 1' };
    renderHome(() => Response.json({ designs: [design(1), copy] }));
    expect(
      await screen.findByRole('link', { name: 'Open API 1 (api-1/openapi.yaml)' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open API 1 (api-2/openapi.yaml)' })).toBeTruthy();
  });
});
