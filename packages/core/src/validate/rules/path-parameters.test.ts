import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../../test/fixtures';
import type { EcsNlbIntegration, HttpIntegration } from '../../design/types';
import { validate } from '../validate';

const backends = {
  site: { kind: 'http', baseUrl: 'https://backend.example.com' },
  svc: {
    kind: 'ecs-nlb',
    service: { source: 'existing', nlbDnsName: 'nlb.example.com', vpcLinkId: 'abc123' },
  },
} as const;

function findings(
  path: string,
  integration: Omit<Partial<HttpIntegration>, 'kind'> | EcsNlbIntegration,
) {
  const op = makeOperation({ path });
  const full: HttpIntegration | EcsNlbIntegration =
    'kind' in integration
      ? integration
      : { kind: 'http', backend: 'site', proxy: true, ...integration };
  const design = makeDesign({ backends, operations: { [op.key]: { integration: full } } });
  return validate(makeModel([op]), design).map((d) => [d.code, d.location.pointer, d.message]);
}

describe('path parameters', () => {
  it('accepts the default mapping, greedy parameters included', () => {
    expect(findings('/pets/{petId}', {})).toEqual([]);
    expect(findings('/files/{proxy+}', {})).toEqual([]);
    expect(findings('/pets/{petId}', { kind: 'ecs-nlb', backend: 'svc' })).toEqual([]);
  });

  it('reports a custom path whose parameter the operation does not have, at the path', () => {
    expect(findings('/pets/{petId}', { path: '/animals/{animalId}' })).toEqual([
      [
        'validate.unknown-path-parameter',
        '/operations/GET ~1pets~1{petId}/integration/path',
        expect.stringMatching(/method\.request\.path\.animalId.*\{petId\}/),
      ],
    ]);
  });

  it('accepts a custom path mapped from the operation parameter', () => {
    const requestParameters = { 'integration.request.path.animalId': 'method.request.path.petId' };
    expect(findings('/pets/{petId}', { path: '/animals/{animalId}', requestParameters })).toEqual(
      [],
    );
  });

  it('reports a mapping to a parameter the integration path does not have', () => {
    const requestParameters = {
      'integration.request.path.petId': 'method.request.path.petId',
      'integration.request.path.id': 'method.request.path.petId',
    };
    expect(findings('/pets/{petId}', { requestParameters })).toEqual([
      [
        'validate.unknown-path-parameter',
        '/operations/GET ~1pets~1{petId}/integration/requestParameters/integration.request.path.id',
        expect.stringContaining('{id}'),
      ],
    ]);
  });

  it('reports a mapping from a method parameter the operation does not have', () => {
    const requestParameters = { 'integration.request.path.petId': 'method.request.path.id' };
    expect(
      findings('/pets/{petId}', { requestParameters }).map(([code, , message]) => [code, message]),
    ).toEqual([
      [
        'validate.unknown-path-parameter',
        expect.stringMatching(/method\.request\.path\.id.*\{petId\}/),
      ],
    ]);
  });

  it('warns about a URL template parameter left unmapped by explicit requestParameters', () => {
    const requestParameters = { 'integration.request.header.x-source': "'gatewright'" };
    expect(findings('/pets/{petId}', { requestParameters })).toEqual([
      [
        'validate.unmapped-path-parameter',
        '/operations/GET ~1pets~1{petId}/integration/requestParameters',
        expect.stringContaining('{petId}'),
      ],
    ]);
    expect(
      findings('/pets/{petId}', {
        kind: 'ecs-nlb',
        backend: 'svc',
        path: '/x/{y}',
        requestParameters: {},
      }).map(([code]) => code),
    ).toEqual(['validate.unmapped-path-parameter']);
  });
});
