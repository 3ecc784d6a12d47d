import { emptyDesign, type DesignDocument, type Operation } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { chooseServedBy, servedByChoices, servedByValue, setIntegration } from './wiring';

const operation = {
  key: 'GET /drafts',
  responses: [{ status: '200' }, { status: '404' }],
} as unknown as Operation;

const design: DesignDocument = {
  ...emptyDesign('openapi.yaml'),
  backends: {
    handler: {
      kind: 'lambda',
      function: { source: 'existing', functionArn: 'arn:aws:lambda:eu-west-1:1:function:f' },
    },
    legacy: { kind: 'http', label: 'Legacy', baseUrl: 'https://legacy.example.com' },
  },
};

describe('servedByChoices', () => {
  it('offers each backend, a mock of each documented response, and nothing', () => {
    expect(servedByChoices(operation, design).map((choice) => choice.label)).toEqual([
      'Lambda: handler',
      'HTTP: Legacy',
      'Mock: documented 200',
      'Mock: documented 404',
      'Not integrated',
    ]);
  });

  it('keeps a custom mock on offer while it serves the operation', () => {
    const custom = setIntegration(design, operation.key, {
      kind: 'mock',
      response: { source: 'custom', statusCode: 418 },
    });
    const value = servedByValue(custom.operations[operation.key]?.integration);
    expect(servedByChoices(operation, custom).map((choice) => choice.value)).toContain(value);
    expect(chooseServedBy(custom, operation.key, value)).toBe(custom);
  });
});

describe('chooseServedBy', () => {
  it('wires every choice so that it reads back as the same choice', () => {
    for (const { value } of servedByChoices(operation, design)) {
      const wired = chooseServedBy(design, operation.key, value);
      expect(servedByValue(wired.operations[operation.key]?.integration)).toBe(value);
    }
  });

  it('gives an HTTP backend a proxy integration by default', () => {
    const wired = chooseServedBy(design, operation.key, 'backend:legacy');
    expect(wired.operations[operation.key]?.integration).toEqual({
      kind: 'http',
      backend: 'legacy',
      proxy: true,
    });
  });

  it('gives back the design it started from when the operation is unwired again', () => {
    const wired = chooseServedBy(design, operation.key, 'mock:200');
    expect(chooseServedBy(wired, operation.key, 'none')).toEqual(design);
  });

  it('keeps the operation’s other settings when it is unwired', () => {
    const secured: DesignDocument = {
      ...design,
      operations: { [operation.key]: { apiKeyRequired: true } },
    };
    const unwired = chooseServedBy(
      chooseServedBy(secured, operation.key, 'backend:handler'),
      operation.key,
      'none',
    );
    expect(unwired.operations[operation.key]).toEqual({ apiKeyRequired: true });
  });
});
