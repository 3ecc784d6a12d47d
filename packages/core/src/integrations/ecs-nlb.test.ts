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
});
