import type { NewLambdaFunction } from '../design/types';
import type { JsonObject } from '../json';
import { logicalId } from '../references';
import { shortHash } from './document-hash';
import { ASSET_BUCKET } from './logical-ids';
import type { TemplateAsset } from './types';

const BASIC_EXECUTION_POLICY =
  'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

/** Where a new function's code comes from: inline (see `functionCode`), or an uploaded asset. */
export type CodeSource = { kind: 'inline'; zipFile: string; handler: string } | TemplateAsset;

/**
 * The asset for code that cannot be inlined: the handler's file as the CDK
 * app names it (`.mjs` for Node.js, ES modules as written), under a key that
 * carries a hash of the code, so changed code is a changed key and
 * CloudFormation updates the function.
 */
export function functionAsset(id: string, fn: NewLambdaFunction): TemplateAsset {
  const dot = fn.handler.lastIndexOf('.');
  const module = dot > 0 ? fn.handler.slice(0, dot) : fn.handler;
  const fileName = module + (fn.runtime.startsWith('python') ? '.py' : '.mjs');
  const folder = id.replace(/[^A-Za-z0-9._-]+/g, '-');
  return {
    backend: id,
    fileName,
    s3Key: `gatewright/lambda/${folder}/${shortHash(fn.code)}.zip`,
    text: fn.code,
  };
}

/** `<Id>Function` and its execution role `<Id>FunctionRole` (CloudWatch Logs only). */
export function lambdaFunctionResources(
  id: string,
  fn: NewLambdaFunction,
  source: CodeSource,
): JsonObject {
  const fnId = logicalId(id, 'Function');
  const roleId = logicalId(id, 'FunctionRole');
  return {
    [roleId]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        },
        ManagedPolicyArns: [{ 'Fn::Sub': BASIC_EXECUTION_POLICY }],
      },
    },
    [fnId]: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: fn.runtime,
        Handler: 'kind' in source ? source.handler : fn.handler,
        MemorySize: fn.memoryMiB,
        Timeout: fn.timeoutSeconds,
        Role: { 'Fn::GetAtt': [roleId, 'Arn'] },
        Code:
          'kind' in source
            ? { ZipFile: source.zipFile }
            : { S3Bucket: { Ref: ASSET_BUCKET }, S3Key: source.s3Key },
      },
    },
  };
}
