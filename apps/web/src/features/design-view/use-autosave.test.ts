import { emptyDesign, type DesignDocument } from '@gatewright/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/client';
import { useAutosave, type AutosaveOptions } from './use-autosave';

const loaded = emptyDesign('openapi.yaml');
const edited: DesignDocument = { ...loaded, apiName: 'edited' };
const WAIT = { timeout: 3000 };

/** A server that holds `current` and answers saves as the real one does, after `failures` 500s. */
function server(current: string, failures = 0) {
  const saves: { ifMatch: string | null; design: DesignDocument }[] = [];
  const api = createApiClient({
    baseUrl: 'http://127.0.0.1:4321',
    token: 't',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const body = (await request.json()) as { design: DesignDocument };
      saves.push({ ifMatch: request.headers.get('if-match'), design: body.design });
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

function render(options: Omit<AutosaveOptions, 'onSaved' | 'design'>) {
  const saved: string[] = [];
  const hook = renderHook(
    ({ design }: { design: DesignDocument }) =>
      useAutosave({ ...options, design, onSaved: (stored) => saved.push(stored.revision) }),
    { initialProps: { design: options.saved } },
  );
  return { ...hook, saved };
}

describe('useAutosave', () => {
  it('saves an edit over the revision it was read at, then reports it saved', async () => {
    const { api, saves } = server('r0');
    const hook = render({ api, designId: 'd', revision: 'r0', saved: loaded });
    expect(hook.result.current.status).toBe('saved');

    hook.rerender({ design: edited });
    expect(hook.result.current.status).toBe('unsaved');
    await waitFor(() => expect(hook.result.current.status).toBe('saved'), WAIT);
    expect(saves).toEqual([{ ifMatch: '"r0"', design: edited }]);
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
    const theirs: DesignDocument = { ...loaded, apiName: 'theirs' };

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
});
