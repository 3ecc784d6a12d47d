import { describe, expect, it } from 'vitest';
import { makeContext, makeDesign, makeOperation } from '../../test/fixtures';
import type { OperationIntegration } from '../design/types';
import { integrationPermissions, renderIntegration } from './index';

const design = makeDesign({
  backends: {
    fn: {
      kind: 'lambda',
      function: {
        source: 'existing',
        functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fn',
      },
    },
    web: { kind: 'http', baseUrl: 'https://example.com' },
    svc: {
      kind: 'ecs-nlb',
      service: { source: 'existing', nlbDnsName: 'nlb.example.com', vpcLinkId: 'vl1' },
    },
  },
});

const byKind: Record<OperationIntegration['kind'], [OperationIntegration, string]> = {
  lambda: [{ kind: 'lambda', backend: 'fn' }, 'AWS_PROXY'],
  mock: [{ kind: 'mock', response: { source: 'custom', statusCode: 200 } }, 'MOCK'],
  http: [{ kind: 'http', backend: 'web', proxy: false }, 'HTTP'],
  'ecs-nlb': [{ kind: 'ecs-nlb', backend: 'svc' }, 'HTTP_PROXY'],
  raw: [
    {
      kind: 'raw',
      integration: {
        type: 'AWS',
        uri: 'arn:aws:apigateway:eu-west-1:s3:path/bucket/key',
        responses: { default: { statusCode: '200' } },
      },
    },
    'AWS',
  ],
};

describe('renderIntegration', () => {
  for (const [kind, [integration, type]] of Object.entries(byKind)) {
    it(`renders a ${kind} integration as ${type}`, () => {
      expect(renderIntegration(makeOperation(), integration, makeContext(design)).type).toBe(type);
    });
  }

  it('renders a raw integration as an equal copy that shares nothing', () => {
    const raw = byKind.raw[0];
    const rendered = renderIntegration(makeOperation(), raw, makeContext(design));
    expect(rendered).toEqual(raw.kind === 'raw' ? raw.integration : undefined);
    (rendered.responses as { default: { statusCode: string } }).default.statusCode = '500';
    expect(JSON.stringify(raw)).toContain('"statusCode":"200"');
  });

  it('asks for permissions only for Lambda integrations', () => {
    const granted = Object.values(byKind).map(
      ([integration]) =>
        integrationPermissions(makeOperation(), integration, makeContext(design)).length,
    );
    expect(granted).toEqual([1, 0, 0, 0, 0]);
  });
});
