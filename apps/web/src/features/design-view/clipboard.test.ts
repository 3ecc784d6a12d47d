import { emptyDesign, type DesignDocument } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { copyItems, pasteClip, selectedItems } from './clipboard';
import { addBackend, wireAll } from './design-edits';

const design: DesignDocument = wireAll(
  addBackend(
    emptyDesign('openapi.yaml'),
    'lambda1',
    { kind: 'http', label: 'Service', baseUrl: 'https://s.example.com' },
    { x: 100, y: 50 },
  ),
  ['GET /a'],
  'lambda1',
);

describe('selectedItems', () => {
  it('sorts canvas ids into backends and operations, a mock node counting as its operation', () => {
    expect(
      selectedItems(['backend:x', 'op:GET /a', 'inline:GET /a', 'inline:GET /b', 'group:pets']),
    ).toEqual({ backendIds: ['x'], operationKeys: ['GET /a', 'GET /b'] });
  });
});

describe('copy and paste', () => {
  it('copies nothing from a selection without backends or integrations', () => {
    expect(copyItems(design, { backendIds: [], operationKeys: ['GET /z'] })).toBeUndefined();
  });

  it('pastes a backend under a new id and label, offset from the original, twice over', () => {
    const clip = copyItems(design, { backendIds: ['lambda1'], operationKeys: [] })!;
    const once = pasteClip(design, clip, []);
    expect(once.nodeIds).toEqual(['backend:lambda1-copy']);
    expect(once.design.backends['lambda1-copy']).toMatchObject({ label: 'Service copy' });
    expect(once.design.layout.nodes['backend:lambda1-copy']).toEqual({ x: 140, y: 90 });
    const twice = pasteClip(once.design, clip, []);
    expect(twice.nodeIds).toEqual(['backend:lambda1-copy2']);
    expect(twice.design.backends['lambda1-copy2']).toMatchObject({ label: 'Service copy 2' });
  });

  it("pastes an operation's integration onto the selected operations", () => {
    const clip = copyItems(design, { backendIds: [], operationKeys: ['GET /a'] })!;
    const { design: next, nodeIds } = pasteClip(design, clip, ['GET /b', 'GET /c']);
    expect(nodeIds).toEqual([]);
    expect(next.operations['GET /b']?.integration).toEqual(
      design.operations['GET /a']?.integration,
    );
    expect(next.operations['GET /c']?.integration?.kind).toBe('http');
  });
});
