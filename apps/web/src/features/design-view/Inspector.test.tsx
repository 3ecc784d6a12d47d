import { emptyDesign, importModel, type DesignDocument } from '@gatewright/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGraph, operationNodeId } from '../../canvas/build-graph';
import { Inspector } from './Inspector';

const MODEL = `
openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      responses: { '200': { description: The pets. } }
    post:
      responses: { '201': { description: Created. } }
`;

const design: DesignDocument = {
  ...emptyDesign('openapi.yaml'),
  backends: {
    fn: {
      kind: 'lambda',
      label: 'Pets function',
      function: {
        source: 'existing',
        functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:pets',
      },
    },
  },
};

async function setup() {
  const { model } = await importModel(MODEL, { file: 'openapi.yaml' });
  if (!model) throw new Error('the test model did not import');
  const graph = buildGraph(model.operations, design);
  const node = (key: string) =>
    graph.nodes.find((candidate) => candidate.id === operationNodeId(key))!;
  return { model, node };
}

afterEach(cleanup);

describe('Inspector', () => {
  it('serves every selected operation at once, as one edit', async () => {
    const { model, node } = await setup();
    const onEdit = vi.fn();
    render(
      <Inspector
        model={model}
        design={design}
        findings={[]}
        selectedNodes={[node('GET /pets'), node('POST /pets')]}
        onEdit={onEdit}
        onSelect={() => undefined}
      />,
    );
    expect(screen.getByRole('heading', { name: '2 selected' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Served by (all 2 operations)'), {
      target: { value: 'backend:fn' },
    });
    expect(onEdit).toHaveBeenCalledTimes(1);
    const next: DesignDocument = onEdit.mock.calls[0]![0](design);
    expect(next.operations['GET /pets']?.integration).toEqual({ kind: 'lambda', backend: 'fn' });
    expect(next.operations['POST /pets']?.integration).toEqual({ kind: 'lambda', backend: 'fn' });
  });

  it('with nothing selected, edits the API name and moves between tabs with the arrow keys', async () => {
    const { model } = await setup();
    const onEdit = vi.fn();
    render(
      <Inspector
        model={model}
        design={design}
        findings={[]}
        selectedNodes={[]}
        onEdit={onEdit}
        onSelect={() => undefined}
      />,
    );
    const name = screen.getByLabelText('API name');
    expect(name.getAttribute('placeholder')).toBe('Pets');
    fireEvent.change(name, { target: { value: 'pets-api' } });
    fireEvent.blur(name);
    expect(onEdit.mock.calls[0]![0](design).apiName).toBe('pets-api');

    const settings = screen.getByRole('tab', { name: 'Settings' });
    expect(settings.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(settings, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Definition' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(screen.getByText(/Select an operation, or a backend that serves some/)).toBeTruthy();
  });

  it('shows an operation served by a Lambda with its timeout field', async () => {
    const { model, node } = await setup();
    const wired: DesignDocument = {
      ...design,
      operations: { 'GET /pets': { integration: { kind: 'lambda', backend: 'fn' } } },
    };
    const graph = buildGraph(model.operations, wired);
    const selected = graph.nodes.find((candidate) => candidate.id === node('GET /pets').id)!;
    const onEdit = vi.fn();
    render(
      <Inspector
        model={model}
        design={wired}
        findings={[]}
        selectedNodes={[selected]}
        onEdit={onEdit}
        onSelect={() => undefined}
      />,
    );
    expect((screen.getByLabelText('Served by') as HTMLSelectElement).value).toBe('backend:fn');
    const timeout = screen.getByLabelText('Timeout (ms)');
    fireEvent.change(timeout, { target: { value: '10s' } });
    expect(screen.getByText(/Timeout "10s" is not a whole number/)).toBeTruthy();
    fireEvent.blur(timeout);
    expect(onEdit.mock.calls[0]![0](wired)).toBe(wired);
  });
});
