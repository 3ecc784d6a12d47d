import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutObjectCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import type { Target } from './targets';

/** The bucket Gatewright keeps large documents, templates and function code in, one per account and region. */
export function artifactBucketName(target: Pick<Target, 'accountId' | 'region'>): string {
  return `gatewright-artifacts-${target.accountId}-${target.region}`;
}

/** Creates the artifact bucket when it is not there yet; returns its name. */
export async function ensureArtifactBucket(target: Target): Promise<string> {
  const bucket = artifactBucketName(target);
  try {
    await target.s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return bucket;
  } catch {
    // Not there (or not visible): create it; a real conflict surfaces from the create.
  }
  await target.s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      // us-east-1 is the one region that refuses an explicit location constraint.
      ...(target.region === 'us-east-1'
        ? {}
        : {
            CreateBucketConfiguration: {
              LocationConstraint: target.region as BucketLocationConstraint,
            },
          }),
    }),
  );
  return bucket;
}

/** Uploads `body` to the artifact bucket; returns its key and the URL CloudFormation reads it from. */
export async function uploadArtifact(
  target: Target,
  bucket: string,
  key: string,
  body: string | Uint8Array,
  contentType: string,
): Promise<{ bucket: string; key: string; url: string }> {
  await target.s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
  );
  // Ministack reads TemplateURL only in the path style of its own endpoint.
  const url = target.endpoint
    ? `${target.endpoint}/${bucket}/${key}`
    : `https://${bucket}.s3.${target.region}.amazonaws.com/${key}`;
  return { bucket, key, url };
}
