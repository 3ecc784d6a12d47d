import type { Diagnostic } from '../diagnostics';

/** How a template is rendered: where it deploys and where the OpenAPI document lives. */
export interface TemplateOptions {
  /**
   * `'sandbox'` (ministack, local): ECS/NLB backends are called at their design
   * `sandboxUrl` through an HTTP proxy integration; `'aws'`: the real thing.
   */
  target: 'sandbox' | 'aws';
  /**
   * Where the OpenAPI document is stored when it is too big to inline; when set
   * the RestApi uses `BodyS3Location` instead of `Body`, and the document is
   * made free of CloudFormation functions (see `environment`).
   * @default none: the document is inline as `Body`
   */
  bodyS3Location?: { Bucket: string; Key: string };
  /**
   * The partition, region and account the stack deploys to. Needed with
   * `bodyS3Location` only: a document read from S3 is not evaluated by
   * CloudFormation, so the values its integration URIs need are written in.
   * @default none (an error when `bodyS3Location` is set)
   */
  environment?: TemplateEnvironment;
}

/** Where a stack deploys; the deployer knows it (sandbox: fixed; AWS: STS and the SDK's region). */
export interface TemplateEnvironment {
  /** `aws`, `aws-cn`, `aws-us-gov`. */
  partition: string;
  region: string;
  accountId: string;
}

/** A template parameter: a value that exists outside the stack, defaulting to the design's. */
export interface TemplateParameter {
  /** The parameter's logical name in the template. */
  name: string;
  /** What it is and where it comes from. */
  description: string;
  /** The value the design gives. @default none: the deployer must pass one */
  default?: string;
  /** What kind of value it stands for. */
  kind: 'lambda-function-arn' | 'nlb-dns-name' | 'vpc-link-id' | 'asset-bucket';
}

/**
 * A Lambda function's code that does not fit inline: the deployer zips `text`
 * as `fileName`, uploads it to the bucket named by the `AssetBucket`
 * parameter under `s3Key`, and the function reads it from there.
 */
export interface TemplateAsset {
  /** The backend whose function this is. */
  backend: string;
  /** The file's name inside the zip (`index.mjs`, `app.py`). */
  fileName: string;
  /** The S3 key the function's `Code.S3Key` names; carries a hash of the code. */
  s3Key: string;
  text: string;
}

/** What `renderTemplate` returns. */
export interface RenderedTemplate {
  /** The target it was rendered for. */
  target: TemplateOptions['target'];
  /** The template as a JSON value (AWSTemplateFormatVersion, Parameters, Resources, Outputs). */
  template: Record<string, unknown>;
  /** The OpenAPI document the RestApi carries (inline as Body, or the bytes to upload to bodyS3Location). */
  document: Record<string, unknown>;
  /** Inputs the template needs (existing function ARNs, NLB DNS names, VPC link ids, ...), with descriptions. */
  parameters: TemplateParameter[];
  /** Function code the deployer uploads before deploying (code too long to inline). */
  assets: TemplateAsset[];
  diagnostics: Diagnostic[];
}

/** CloudFormation's limit on a template passed inline (TemplateBody); over it, upload and pass TemplateURL. */
export const INLINE_TEMPLATE_BODY_LIMIT = 51_200;

/**
 * CloudFormation's limit on a template read from S3 (TemplateURL): "1 MB",
 * which its error message (and the sandbox's) spells as 1,000,000 bytes.
 */
export const S3_TEMPLATE_BODY_LIMIT = 1_000_000;

/** CloudFormation's limit on a function's inline code (`Code.ZipFile`), in characters. */
export const INLINE_CODE_LIMIT = 4_096;
