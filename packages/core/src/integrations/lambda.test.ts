import { describe, expect, it } from 'vitest';
import { makeContext, makeDesign, makeOperation } from '../../test/fixtures';
import { lambdaIntegration, operationSourceArnSuffix } from './lambda';

const design = makeDesign({
  backends: {
    'pets-handler': {
      kind: 'lambda',
      function: {
        source: 'new',
        runtime: 'nodejs24.x',
        handler: 'index.handler',
        memoryMiB: 256,
        timeoutSeconds: 29,
        code: '',
      },
    },
    legacy: {
      kind: 'lambda',
      function: {
        source: 'existing',
        functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:legacy',
      },
    },
  },
});

describe('lambda integration', () => {
  it('invokes a new function through its ARN placeholder with POST', () => {
    const rendered = lambdaIntegration.render(
      makeOperation({ method: 'get' }),
      { kind: 'lambda', backend: 'pets-handler' },
      makeContext(design),
    );
    expect(rendered).toEqual({
      type: 'AWS_PROXY',
      httpMethod: 'POST',
      passthroughBehavior: 'WHEN_NO_MATCH',
      uri: 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${PetsHandlerFunction.Arn}/invocations',
    });
  });

  it('invokes an existing function by its ARN and keeps a timeout', () => {
    const rendered = lambdaIntegration.render(
      makeOperation(),
      { kind: 'lambda', backend: 'legacy', timeoutInMillis: 5000 },
      makeContext(design),
    );
    expect(rendered.uri).toContain(
      '/functions/arn:aws:lambda:eu-west-1:123456789012:function:legacy/invocations',
    );
    expect(rendered.timeoutInMillis).toBe(5000);
  });

  it('asks for one invoke permission scoped to the operation', () => {
    const operation = makeOperation({ method: 'delete', path: '/pets/{petId}/toys/{toyId}' });
    expect(
      lambdaIntegration.permissions(
        operation,
        { kind: 'lambda', backend: 'legacy' },
        makeContext(design),
      ),
    ).toEqual([
      {
        kind: 'lambda-invoke',
        target: { backend: 'legacy' },
        sourceArnSuffix: '*/DELETE/pets/*/toys/*',
      },
    ]);
    expect(
      lambdaIntegration.permissions(
        operation,
        { kind: 'lambda', backend: 'missing' },
        makeContext(design),
      ),
    ).toEqual([]);
  });

  it("renders credentials, content handling and cache settings under API Gateway's names", () => {
    const rendered = lambdaIntegration.render(
      makeOperation(),
      {
        kind: 'lambda',
        backend: 'legacy',
        credentials: 'arn:aws:iam::123456789012:role/InvokePets',
        contentHandling: 'CONVERT_TO_TEXT',
        cacheNamespace: 'abc123',
        cacheKeyParameters: ['method.request.path.petId'],
      },
      makeContext(design),
    );
    expect(rendered).toMatchObject({
      type: 'AWS_PROXY',
      credentials: 'arn:aws:iam::123456789012:role/InvokePets',
      contentHandling: 'CONVERT_TO_TEXT',
      cacheNamespace: 'abc123',
      cacheKeyParameters: ['method.request.path.petId'],
    });
    expect(rendered).not.toHaveProperty('timeoutInMillis');
  });

  it('asks for no permission when API Gateway invokes with credentials', () => {
    for (const credentials of [
      'arn:aws:iam::123456789012:role/InvokePets',
      'arn:aws:iam::*:user/*',
    ])
      for (const backend of ['legacy', 'pets-handler'])
        expect(
          lambdaIntegration.permissions(
            makeOperation(),
            { kind: 'lambda', backend, credentials },
            makeContext(design),
          ),
          `${backend} ${credentials}`,
        ).toEqual([]);
  });

  it('scopes any-method and greedy paths with wildcards', () => {
    expect(operationSourceArnSuffix('x-amazon-apigateway-any-method', '/{proxy+}')).toBe('*/*/*');
  });
});
