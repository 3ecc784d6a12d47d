import { importModel } from '@gatewright/core';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  initialModelState,
  markersOf,
  nextModelState,
  reimportDelayMillis,
  useModelText,
} from './use-model-text';

const FILE = 'api/openapi.yaml';
const api = (...paths: string[]) =>
  [
    'openapi: 3.0.3',
    'info: { title: T, version: "1" }',
    'paths:',
    ...paths.flatMap((path) => [
      `  ${path}:`,
      '    get:',
      '      responses:',
      "        '200':",
      '          description: OK',
    ]),
  ].join('\n') + '\n';
const BROKEN = 'openapi: 3.0.3\npaths: {\n  /a: [\n';
const read = (text: string) => importModel(text, { file: FILE });
const keys = (state: { model: { operations: { key: string }[] } }) =>
  state.model.operations.map((operation) => operation.key);

describe('nextModelState', () => {
  it('takes the model of a text that reads', async () => {
    const start = initialModelState(api('/a'), FILE, await read(api('/a')));
    const next = nextModelState(start, api('/a', '/b'), await read(api('/a', '/b')));
    expect(keys(next)).toEqual(['GET /a', 'GET /b']);
    expect(next.stale).toBe(false);
    expect(next.text).toBe(api('/a', '/b'));
  });

  it('keeps the last good model for a text that does not read, with its errors at their lines', async () => {
    const start = initialModelState(api('/a'), FILE, await read(api('/a')));
    const broken = nextModelState(start, BROKEN, await read(BROKEN));
    expect(broken.stale).toBe(true);
    expect(broken.model).toBe(start.model);
    expect(broken.text).toBe(BROKEN);
    const [error] = broken.diagnostics;
    expect(error?.severity).toBe('error');
    expect(error?.location.line).toEqual(expect.any(Number));

    // Broken again differently: still the last good one, not the empty start.
    const worse = nextModelState(broken, 'openapi: [', await read('openapi: ['));
    expect(worse.model).toBe(start.model);
    const fixed = nextModelState(worse, api('/c'), await read(api('/c')));
    expect(fixed.stale).toBe(false);
    expect(keys(fixed)).toEqual(['GET /c']);
  });

  it('starts with no operations when the stored text never read', async () => {
    const start = initialModelState(BROKEN, FILE, await read(BROKEN));
    expect(start.stale).toBe(true);
    expect(start.model.operations).toEqual([]);
    expect(start.diagnostics.length).toBeGreaterThan(0);
  });

  it('keeps a text that is not an API as stale, naming why', async () => {
    const start = initialModelState(api('/a'), FILE, await read(api('/a')));
    const next = nextModelState(start, 'hello: world\n', await read('hello: world\n'));
    expect(next.stale).toBe(true);
    expect(keys(next)).toEqual(['GET /a']);
    expect(next.diagnostics.map((finding) => finding.code)).toContain('model.not-an-api');
  });
});

describe('markersOf', () => {
  it('marks findings at their lines and leaves out those without one', () => {
    expect(
      markersOf([
        {
          code: 'model.syntax',
          severity: 'error',
          message: 'Bad.',
          location: { line: 3, column: 2 },
        },
        { code: 'model.schema', severity: 'warning', message: 'Odd.', location: { line: 5 } },
        { code: 'model.not-an-api', severity: 'error', message: 'Not.', location: {} },
      ]),
    ).toEqual([
      { line: 3, column: 2, message: 'Bad.', severity: 'error' },
      { line: 5, message: 'Odd.', severity: 'warning' },
    ]);
  });
});

describe('reimportDelayMillis', () => {
  it('waits longer for longer texts, within bounds', () => {
    expect(reimportDelayMillis(3_000)).toBe(302);
    expect(reimportDelayMillis(3_000_000)).toBeGreaterThan(reimportDelayMillis(300_000));
    expect(reimportDelayMillis(100_000_000)).toBe(3000);
  });
});

describe('useModelText', () => {
  it('reads the latest text after typing settles, and keeps the last good model meanwhile', async () => {
    const start = initialModelState(api('/a'), FILE, await read(api('/a')));
    const hook = renderHook(({ text }) => useModelText(text, FILE, () => start), {
      initialProps: { text: api('/a') },
    });
    expect(hook.result.current).toBe(start);

    hook.rerender({ text: BROKEN });
    hook.rerender({ text: api('/a', '/b') });
    await waitFor(() => expect(keys(hook.result.current)).toEqual(['GET /a', 'GET /b']));

    hook.rerender({ text: BROKEN });
    await waitFor(() => expect(hook.result.current.stale).toBe(true));
    expect(keys(hook.result.current)).toEqual(['GET /a', 'GET /b']);
  });
});
