import { emptyDesign, type DesignDocument } from '@gatewright/core';
import type { Workbench } from './design-store';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/client';
import { useAutosave, type AutosaveOptions } from './use-autosave';

const loadedDesign = emptyDesign('openapi.yaml');
const loaded: Workbench = { design: loadedDesign, modelText: 'openapi: 3.0.3\n' };
const edited: Workbench = { ...loaded, design: { ...loadedDesign, apiName: 'edited' } };
const WAIT = { timeout: 3000 };

/** A server that holds `current` and answers saves as the real one does, after `failures` 500s. */
function server(current: string, failures = 0) {
  const saves: { ifMatch: string | null; design: DesignDocument; modelText?: string }[] = [];
  const api = createApiClient({
    baseUrl: 'http://127.0.0.1:4321',
    token: 't',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const body = (await request.json()) as { design: DesignDocument; modelText?: string };
      saves.push({ ifMatch: request.headers.get('if-match'), ...body });
      if (failures-- > 0) {
        return Response.json({ error: { code: 'internal', message: 'Broken.' } }, { status: 500 });
      }
      if (request.headers.get('if-match') !== `"${current}"`) {
        return Response.json(
          { error: { code: 'stale', message: 'Stale.', details: { currentRevision: current } } },
          { status: 412 },
        );
      }
      current = `r${saves.length}-saved`;
      return Response.json({ id: 'd', revision: current, design: body.design });
    },
  });
  return { api, saves };
}

function render(options: Omit<AutosaveOptions, 'onSaved' | 'workbench' | 'onTheirs'>) {
  const saved: string[] = [];
  const theirs: string[] = [];
  const hook = renderHook(
    ({ design }: { design: Workbench }) =>
      useAutosave({
        ...options,
        workbench: design,
        onSaved: (stored) => saved.push(stored.revision),
        onTheirs: (revision) => theirs.push(revision),
      }),
    { initialProps: { design: options.saved } },
  );
  return { ...hook, saved, theirs };
}

describe('useAutosave', () => {
  it('saves an edit over the revision it was read at, then reports it saved', async () => {
    const { api, saves } = server('r0');
    const hook = render({ api, designId: 'd', revision: 'r0', saved: loaded });
    expect(hook.result.current.status).toBe('saved');

    hook.rerender({ design: edited });
    expect(hook.result.current.status).toBe('unsaved');
    await waitFor(() => expect(hook.result.current.status).toBe('saved'), WAIT);
    expect(saves).toEqual([{ ifMatch: '"r0"', design: edited.design }]);
    expect(hook.saved).toEqual(['r1-saved']);
  });

  it('stops at a conflict, and overwrites over the current revision only when asked', async () => {
    const { api, saves } = server('theirs');
    const hook = render({ api, designId: 'd', revision: 'r0', saved: loaded });

    hook.rerender({ design: edited });
    await waitFor(() => expect(hook.result.current.status).toBe('conflict'), WAIT);
    expect(saves).toHaveLength(1);

    act(() => hook.result.current.overwrite());
    await waitFor(() => expect(hook.result.current.status).toBe('saved'), WAIT);
    expect(saves.map((save) => save.ifMatch)).toEqual(['"r0"', '"theirs"']);
  });

  it('takes their design after a conflict without saving it back', async () => {
    const { api, saves } = server('theirs');
    const hook = render({ api, designId: 'd', revision: 'r0', saved: loaded });
    const theirs: Workbench = { ...loaded, modelText: 'theirs' };

    hook.rerender({ design: edited });
    await waitFor(() => expect(hook.result.current.status).toBe('conflict'), WAIT);
    act(() => hook.result.current.reset('theirs', theirs));
    hook.rerender({ design: theirs });
    expect(hook.result.current.status).toBe('saved');
    expect(saves).toHaveLength(1);
  });

  it('reports a failed save with the server’s reason, and tries again only when asked', async () => {
    const { api, saves } = server('r0', 1);
    const hook = render({ api, designId: 'd', revision: 'r0', saved: loaded });

    hook.rerender({ design: edited });
    await waitFor(() => expect(hook.result.current.status).toBe('failed'), WAIT);
    expect(hook.result.current.failure).toBe('Broken.');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(saves).toHaveLength(1);

    act(() => hook.result.current.retry());
    await waitFor(() => expect(hook.result.current.status).toBe('saved'), WAIT);
    expect(saves).toHaveLength(2);
  });

  it('sends the model text with the design when it changed, in one save', async () => {
    const { api, saves } = server('r0');
    const hook = render({ api, designId: 'd', revision: 'r0', saved: loaded });
    const typed: Workbench = { ...edited, modelText: 'openapi: 3.1.0\n' };

    hook.rerender({ design: typed });
    await waitFor(() => expect(hook.result.current.status).toBe('saved'), WAIT);
    expect(saves).toEqual([{ ifMatch: '"r0"', design: typed.design, modelText: typed.modelText }]);

    // The text saved is the server's now: a later design edit leaves it out.
    const later: Workbench = { ...typed, design: { ...typed.design, apiName: 'later' } };
    hook.rerender({ design: later });
    await waitFor(() => expect(saves).toHaveLength(2), WAIT);
    expect(saves[1]).toEqual({ ifMatch: '"r1-saved"', design: later.design });
  });

  it('ignores the revision its own save made when the server announces it', async () => {
    const { api } = server('r0');
    const hook = render({ api, designId: 'd', revision: 'r0', saved: loaded });
    hook.rerender({ design: edited });
    await waitFor(() => expect(hook.result.current.status).toBe('saved'), WAIT);

    act(() => hook.result.current.noticeRevision('r1-saved'));
    expect(hook.result.current.status).toBe('saved');
    expect(hook.theirs).toEqual([]);
  });

  it('hands over a change made elsewhere when nothing here is unsaved', () => {
    const { api, saves } = server('r0');
    const hook = render({ api, designId: 'd', revision: 'r0', saved: loaded });

    act(() => hook.result.current.noticeRevision('r0'));
    expect(hook.theirs).toEqual([]);
    act(() => hook.result.current.noticeRevision('elsewhere'));
    expect(hook.theirs).toEqual(['elsewhere']);
    expect(hook.result.current.status).toBe('saved');
    expect(saves).toEqual([]);
  });

  it('shows a conflict at once for a change made elsewhere over unsaved changes', async () => {
    const { api, saves } = server('elsewhere');
    const hook = render({ api, designId: 'd', revision: 'r0', saved: loaded });

    hook.rerender({ design: edited });
    act(() => hook.result.current.noticeRevision('elsewhere'));
    expect(hook.result.current.status).toBe('conflict');
    expect(hook.theirs).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(saves).toEqual([]);

    act(() => hook.result.current.overwrite());
    await waitFor(() => expect(hook.result.current.status).toBe('saved'), WAIT);
    // Mine overwrites theirs whole: the text too, though it did not change here.
    expect(saves).toEqual([
      { ifMatch: '"elsewhere"', design: edited.design, modelText: edited.modelText },
    ]);
  });
});
