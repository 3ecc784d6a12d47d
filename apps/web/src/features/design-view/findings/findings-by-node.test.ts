import type { Diagnostic } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { findingsByNode, nodeOfFinding, parentsOf } from './findings-by-node';

function finding(severity: Diagnostic['severity'], location: Diagnostic['location']): Diagnostic {
  return { code: 'validate.invalid-url', severity, message: 'm', location };
}

describe('nodeOfFinding', () => {
  it("puts an operation's finding on its node, model or design alike", () => {
    expect(nodeOfFinding(finding('error', { operation: 'GET /pets', line: 3 }))).toBe(
      'op:GET /pets',
    );
    expect(
      nodeOfFinding(
        finding('warning', {
          file: 'openapi.gatewright.json',
          pointer: '/operations/GET ~1pets/integration',
          operation: 'GET /pets',
        }),
      ),
    ).toBe('op:GET /pets');
  });

  it("puts a backend's finding on the backend's node, with the pointer's escapes undone", () => {
    expect(
      nodeOfFinding(finding('error', { file: 'd.json', pointer: '/backends/a~1b/baseUrl' })),
    ).toBe('backend:a/b');
  });

  it('leaves findings about the API as a whole off the canvas', () => {
    expect(nodeOfFinding(finding('error', { pointer: '/cors/allowOrigins' }))).toBeUndefined();
    expect(nodeOfFinding(finding('info', {}))).toBeUndefined();
  });
});

describe('findingsByNode', () => {
  it('counts each node’s findings by severity', () => {
    const counts = findingsByNode([
      finding('error', { operation: 'GET /pets' }),
      finding('warning', { operation: 'GET /pets' }),
      finding('error', { operation: 'GET /pets' }),
      finding('info', { pointer: '/backends/api/function' }),
      finding('error', { pointer: '/stage/name' }),
    ]);
    expect(Object.fromEntries(counts)).toEqual({
      'op:GET /pets': { errors: 2, warnings: 1, infos: 0 },
      'backend:api': { errors: 0, warnings: 0, infos: 1 },
    });
  });

  it("counts an operation's findings for its group too, so a collapsed group shows them", () => {
    const parents = parentsOf([
      { id: 'group:pets', parentId: undefined },
      { id: 'op:GET /pets', parentId: 'group:pets' },
    ]);
    const counts = findingsByNode(
      [
        finding('warning', { operation: 'GET /pets' }),
        finding('error', { operation: 'GET /pets' }),
      ],
      parents,
    );
    expect(counts.get('group:pets')).toEqual({ errors: 1, warnings: 1, infos: 0 });
  });
});
