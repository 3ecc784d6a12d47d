import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SANDBOX_CREDENTIALS, SANDBOX_REGION } from './sandbox';

/** Where a design deploys: the local sandbox, or an AWS account. */
export type TargetKind = 'sandbox' | 'aws';

/**
 * A place to deploy with the clients that reach it. Lives only in the server:
 * the credentials behind the clients never go to the browser.
 */
export interface Target {
  kind: TargetKind;
  region: string;
  /** The account id, from STS. */
  accountId: string;
  /** The sandbox's endpoint; absent for AWS. */
  endpoint?: string;
  cloudFormation: CloudFormationClient;
  s3: S3Client;
  apiGateway: APIGatewayClient;
}

/** A target's clients for the sandbox at `endpoint` (dummy credentials, the fixed region). */
export async function sandboxTarget(endpoint: string): Promise<Target> {
  const config = { endpoint, region: SANDBOX_REGION, credentials: SANDBOX_CREDENTIALS };
  const accountId = await callerAccount(new STSClient(config));
  return {
    kind: 'sandbox',
    region: SANDBOX_REGION,
    accountId,
    endpoint,
    cloudFormation: new CloudFormationClient(config),
    // Ministack serves buckets by path, not by host name.
    s3: new S3Client({ ...config, forcePathStyle: true }),
    apiGateway: new APIGatewayClient(config),
  };
}

export interface AwsTargetOptions {
  /** A profile of the shared config files; @default the SDK's chain (AWS_PROFILE, then default) */
  profile?: string;
  /** @default the SDK's chain (AWS_REGION, then the profile's region) */
  region?: string;
}

/** A target's clients for a real account through the SDK's standard credential chain. */
export async function awsTarget(options: AwsTargetOptions = {}): Promise<Target> {
  const config = {
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.region === undefined ? {} : { region: options.region }),
  };
  const cloudFormation = new CloudFormationClient(config);
  const region = await cloudFormation.config.region();
  const accountId = await callerAccount(new STSClient({ ...config, region }));
  return {
    kind: 'aws',
    region,
    accountId,
    cloudFormation,
    s3: new S3Client({ ...config, region }),
    apiGateway: new APIGatewayClient({ ...config, region }),
  };
}

async function callerAccount(sts: STSClient): Promise<string> {
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  return identity.Account ?? 'unknown';
}

/** What a person confirms before deploying to an account: which account, which region. */
export function confirmationText(target: Target, stackName: string): string {
  return target.kind === 'sandbox'
    ? `Deploy stack ${stackName} to the local sandbox (${target.endpoint ?? ''}).`
    : `Deploy stack ${stackName} to AWS account ${target.accountId} in ${target.region}? This creates real, billable resources.`;
}
