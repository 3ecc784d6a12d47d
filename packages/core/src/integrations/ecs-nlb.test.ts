import { describe, expect, it } from 'vitest';
import { makeContext, makeDesign, makeOperation } from '../../test/fixtures';
import { ecsNlbIntegration } from './ecs-nlb';

const design = makeDesign({
  backends: {
    existing: {
      kind: 'ecs-nlb',
      service: {
        source: 'existing',
        nlbDnsName: 'pets-nlb-1.elb.eu-west-1.amazonaws.com',
        vpcLinkId: 'abc123',
      },
    },
    'pets-service': {
      kind: 'ecs-nlb',
      service: {
        source: 'new',
        image: 'public.ecr.aws/nginx/nginx:latest',
        containerPort: 80,
        cpu: 256,
        memoryMiB: 512,
        desiredCount: 1,
      },
    },
  },
});
const getPet = makeOperation({ method: 'get', path: '/pets/{petId}' });

describe('ecs-nlb integration', () => {
  it('renders the documented VPC-link shape for an existing NLB', () => {
    expect(
      ecsNlbIntegration.render(
        getPet,
        { kind: 'ecs-nlb', backend: 'existing' },
        makeContext(design),
      ),
    ).toEqual({
      type: 'HTTP_PROXY',
      httpMethod: 'GET',
      uri: 'http://pets-nlb-1.elb.eu-west-1.amazonaws.com/pets/{petId}',
      connectionType: 'VPC_LINK',
      connectionId: 'abc123',
      timeoutInMillis: 29000,
      requestParameters: {
        'integration.request.header.x-resource-path': "'/pets/{petId}'",
        'integration.request.path.petId': 'method.request.path.petId',
      },
    });
  });

  it('points a new service at the placeholders of the NLB and VPC link the stack creates', () => {
    const rendered = ecsNlbIntegration.render(
      getPet,
      { kind: 'ecs-nlb', backend: 'pets-service', path: '/v2/pets/{petId}', httpMethod: 'put' },
      makeContext(design),
    );
    expect(rendered.uri).toBe('http://${PetsServiceNlb.DNSName}/v2/pets/{petId}');
    expect(rendered.connectionId).toBe('${PetsServiceVpcLink}');
    expect(rendered.httpMethod).toBe('PUT');
  });

  it('leaves the x-resource-path header out when the design turns it off', () => {
    const rendered = ecsNlbIntegration.render(
      getPet,
      { kind: 'ecs-nlb', backend: 'existing', resourcePathHeader: false },
      makeContext(design),
    );
    expect(rendered.requestParameters).toEqual({
      'integration.request.path.petId': 'method.request.path.petId',
    });
    const health = ecsNlbIntegration.render(
      makeOperation({ method: 'get', path: '/health' }),
      { kind: 'ecs-nlb', backend: 'existing', resourcePathHeader: false },
      makeContext(design),
    );
    expect(health).not.toHaveProperty('requestParameters');
  });

  it('lets a mapping of the header in requestParameters win over the resource path', () => {
    const rendered = ecsNlbIntegration.render(
      getPet,
      {
        kind: 'ecs-nlb',
        backend: 'existing',
        requestParameters: { 'integration.request.header.x-resource-path': "'/v1/pet'" },
      },
      makeContext(design),
    );
    expect(rendered.requestParameters).toEqual({
      'integration.request.header.x-resource-path': "'/v1/pet'",
    });
  });

  it("renders content handling and cache settings under API Gateway's names", () => {
    const rendered = ecsNlbIntegration.render(
      getPet,
      {
        kind: 'ecs-nlb',
        backend: 'existing',
        contentHandling: 'CONVERT_TO_BINARY',
        cacheNamespace: 'pets',
        cacheKeyParameters: [],
      },
      makeContext(design),
    );
    expect(rendered).toMatchObject({
      connectionType: 'VPC_LINK',
      contentHandling: 'CONVERT_TO_BINARY',
      cacheNamespace: 'pets',
      cacheKeyParameters: [],
    });
  });
});
