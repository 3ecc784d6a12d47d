import { describe, expect, it } from 'vitest';
import { makeDesign } from '../../../test/fixtures';
import type { DesignDocument } from '../../design/types';
import { importModel } from '../../model/import-model';
import { validate } from '../validate';

async function cfnFindings(text: string, design: Partial<DesignDocument> = {}) {
  const { model } = await importModel(text, { file: 'openapi.yaml' });
  return validate(model!, makeDesign(design))
    .filter((d) => d.code === 'validate.cloudformation-function')
    .map((d) => ({ ...d.location, message: d.message }));
}

const SAM_MODEL = `openapi: 3.0.3
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
        uri: { 'Fn::Sub': 'arn:aws:apigateway:\${AWS::Region}:lambda:path/functions/\${PetsFunction.Arn}/invocations' }
components:
  securitySchemes:
    custom:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer:
        type: token
        authorizerUri: arn:aws:apigateway:\${AWS::Region}:lambda:path/functions/\${AuthFunction.Arn}/invocations
        authorizerCredentials: { Ref: ApiRole }
`;

describe('CloudFormation functions and placeholders', () => {
  it('reports a function once at its object and a placeholder at its string', async () => {
    expect(await cfnFindings(SAM_MODEL)).toEqual([
      {
        file: 'openapi.yaml',
        pointer: '/info/title',
        line: 3,
        column: 3,
        message: expect.stringContaining('Fn::Sub'),
      },
      {
        file: 'openapi.yaml',
        pointer: '/components/securitySchemes/custom/x-amazon-apigateway-authorizer/authorizerUri',
        line: 22,
        column: 9,
        message: expect.stringContaining('${AWS::Region}'),
      },
      {
        file: 'openapi.yaml',
        pointer:
          '/components/securitySchemes/custom/x-amazon-apigateway-authorizer/authorizerCredentials',
        line: 23,
        column: 9,
        message: expect.stringContaining('Ref'),
      },
    ]);
  });

  it("skips an operation's own integration, which the design's replaces, and checks a raw one kept in the design", async () => {
    const raw = { type: 'aws_proxy', uri: '${lambda_uri}', httpMethod: 'POST' };
    const findings = await cfnFindings(SAM_MODEL, {
      operations: { 'GET /pets': { integration: { kind: 'raw', integration: raw } } },
    });
    expect(findings.filter((f) => f.file === 'openapi.gatewright.json')).toEqual([
      {
        file: 'openapi.gatewright.json',
        pointer: '/operations/GET ~1pets/integration/integration/uri',
        operation: 'GET /pets',
        message: expect.stringMatching(/\$\{lambda_uri\}.*raw integration/),
      },
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

  it('scans the other files of a multi-file model, locating by file and pointer', async () => {
    const text = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /pets: { $ref: 'pets.yaml' }
`;
    const pets = `get:
  responses: { '200': { description: ok } }
  parameters:
    - { name: stage, in: query, schema: { type: string, default: { Ref: Stage } } }
`;
    const { model } = await importModel(text, {
      file: 'openapi.yaml',
      resolveRef: (path) => (path === 'pets.yaml' ? pets : undefined),
    });
    const findings = validate(model!, makeDesign()).filter(
      (d) => d.code === 'validate.cloudformation-function',
    );
    expect(findings.map((d) => d.location)).toEqual([
      { file: 'pets.yaml', pointer: '/get/parameters/0/schema/default' },
    ]);
  });
});
