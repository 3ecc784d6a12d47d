import { emptyDesign, importModel, type DesignDocument } from '@gatewright/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backendNodeId, buildGraph } from '../../../canvas/build-graph';
import { Inspector } from '../Inspector';

const MODEL = `
openapi: 3.0.3
info: { title: Stock, version: '1' }
paths:
  /stock:
    get:
      responses: { '200': { description: The stock. } }
`;

const design: DesignDocument = {
  ...emptyDesign('openapi.yaml'),
  backends: {
    stock: {
      kind: 'ecs-nlb',
      label: 'Stock service',
      service: { source: 'existing', nlbDnsName: 'stock.elb.amazonaws.com', vpcLinkId: 'abc123' },
    },
  },
  operations: { 'GET /stock': { integration: { kind: 'ecs-nlb', backend: 'stock', path: '/' } } },
};

afterEach(cleanup);

describe('the ECS/NLB backend form', () => {
  it('sets the Sandbox URL a sandbox deploy calls instead of the container, and clears it', async () => {
    const { model } = await importModel(MODEL, { file: 'openapi.yaml' });
    if (!model) throw new Error('the test model did not import');
    const graph = buildGraph(model.operations, design);
    const backend = graph.nodes.find((node) => node.id === backendNodeId('stock'))!;
    const onEdit = vi.fn();
    const inspector = (shown: DesignDocument) => (
      <Inspector
        model={model}
        design={shown}
        findings={[]}
        selectedNodes={[backend]}
        onEdit={onEdit}
        onSelect={() => undefined}
      />
    );
    const { rerender } = render(inspector(design));
    const field = screen.getByLabelText('Sandbox URL');
    fireEvent.change(field, { target: { value: ' http://127.0.0.1:8080 ' } });
    fireEvent.blur(field);
    const set: DesignDocument = onEdit.mock.calls[0]![0](design);
    expect(set.backends['stock']).toMatchObject({ sandboxUrl: 'http://127.0.0.1:8080' });

    rerender(inspector(set));
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.blur(field);
    const cleared: DesignDocument = onEdit.mock.calls[1]![0](set);
    expect(cleared.backends['stock']).not.toHaveProperty('sandboxUrl');
  });
});
