import { emptyDesign, type DesignDocument } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { designHistory, designReducer } from '../design-store';
import { chooseServedBy } from '../wiring';
import { chooseForAll, editBackend, editIntegration, withOptional } from './design-edits';

const design: DesignDocument = {
  ...emptyDesign('openapi.yaml'),
  backends: {
    api: { kind: 'http', baseUrl: 'https://api.example.com' },
    fn: { kind: 'lambda', function: { source: 'existing', functionArn: 'arn' } },
  },
  operations: {
    'GET /pets': { integration: { kind: 'http', backend: 'api', proxy: true } },
    'GET /health': {
      integration: { kind: 'mock', response: { source: 'documented', status: '200' } },
    },
  },
};

describe('editIntegration', () => {
  it('changes an integration of the kind the form edits', () => {
    const next = editIntegration(design, 'GET /pets', 'http', (i) => ({
      ...i,
      timeoutInMillis: 5000,
    }));
    expect(next.operations['GET /pets']?.integration).toEqual({
      kind: 'http',
      backend: 'api',
      proxy: true,
      timeoutInMillis: 5000,
    });
  });

  it('leaves the design as it is for another kind, so no undo step is recorded', () => {
    expect(editIntegration(design, 'GET /health', 'http', (i) => ({ ...i, proxy: false }))).toBe(
      design,
    );
    expect(editIntegration(design, 'GET /none', 'http', (i) => i)).toBe(design);
  });
});

describe('editBackend', () => {
  it('changes a backend of its kind only', () => {
    const next = editBackend(design, 'api', 'http', (b) => ({ ...b, label: 'API' }));
    expect(next.backends['api']).toMatchObject({ label: 'API' });
    expect(editBackend(design, 'fn', 'http', (b) => b)).toBe(design);
  });
});

describe('withOptional', () => {
  it('sets a value and removes the field for the default', () => {
    const set = withOptional({ a: 1 } as { a: number; b?: string }, 'b', 'x');
    expect(set).toEqual({ a: 1, b: 'x' });
    expect(withOptional(set, 'b', undefined)).toEqual({ a: 1 });
  });
});

describe('chooseForAll', () => {
  it('serves several operations in one undo step', () => {
    let history = designHistory({ design, modelText: '' });
    history = designReducer(history, {
      type: 'edit',
      edit: (d) =>
        chooseForAll(d, ['GET /pets', 'GET /health'], (current, key) =>
          chooseServedBy(current, key, 'backend:fn'),
        ),
    });
    expect(history.present.design.operations['GET /pets']?.integration).toEqual({
      kind: 'lambda',
      backend: 'fn',
    });
    expect(history.present.design.operations['GET /health']?.integration).toEqual({
      kind: 'lambda',
      backend: 'fn',
    });
    history = designReducer(history, { type: 'undo' });
    expect(history.present.design).toBe(design);
  });
});
