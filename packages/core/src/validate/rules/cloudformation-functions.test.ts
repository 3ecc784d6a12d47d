import { describe, expect, it } from 'vitest';
import { makeDesign } from '../../../test/fixtures';
import { importModel } from '../../model/import-model';
import { validate } from '../validate';

async function cfnFindings(text: string) {
  const { model } = await importModel(text, { file: 'openapi.yaml' });
  return validate(model!, makeDesign())
    .filter((d) => d.code === 'validate.cloudformation-function')
    .map((d) => ({
      pointer: d.location.pointer,
      line: d.location.line,
      operation: d.location.operation,
      message: d.message,
    }));
}

describe('CloudFormation functions and placeholders in the model', () => {
  it('reports a function once at its object and a placeholder at its string', async () => {
    const text = `openapi: 3.0.3
info:
  title:
    Fn::Sub: "\${AWS::StackName}-api"
  version: '1'
paths:
  /pets:
    get:
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration:
        type: aws_proxy
        uri: arn:aws:apigateway:\${AWS::Region}:lambda:path/functions/\${PetsFunction.Arn}/invocations
        credentials: { Ref: ApiRole }
`;
    expect(await cfnFindings(text)).toEqual([
      { pointer: '/info/title', line: 3, message: expect.stringContaining('Fn::Sub') },
      {
        pointer: '/paths/~1pets/get/x-amazon-apigateway-integration/uri',
        line: 12,
        operation: 'GET /pets',
        message: expect.stringContaining('${AWS::Region}'),
      },
      {
        pointer: '/paths/~1pets/get/x-amazon-apigateway-integration/credentials',
        line: 13,
        operation: 'GET /pets',
        message: expect.stringContaining('Ref'),
      },
    ]);
  });

  it('reports Terraform-style placeholders too', async () => {
    const text = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /pets:
    get:
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration: { type: aws_proxy, uri: '\${lambda_uri}' }
`;
    expect((await cfnFindings(text)).map((f) => f.message)).toEqual([
      expect.stringContaining('${lambda_uri}'),
    ]);
  });

  it('leaves prose, plain values and objects that merely have a Ref key alone', async () => {
    const text = `openapi: 3.0.3
info:
  title: T
  version: '1'
  description: 'In JavaScript: \`Basic \${token}\`'
paths:
  /pets:
    get:
      summary: 'costs \${price}'
      responses: { '200': { description: ok } }
components:
  schemas:
    Link:
      type: object
      properties: { Ref: { type: string }, href: { type: string } }
`;
    expect(await cfnFindings(text)).toEqual([]);
  });
});
