/**
 * The shapes of the addresses and names a design holds: backend URLs, Lambda
 * and Cognito ARNs, VPC link ids, load balancer DNS names. Each check returns
 * undefined when the value is well-formed, or says what is wrong with it.
 *
 * ARNs may use the CloudFormation pseudo parameters (`${AWS::Region}`) where a
 * partition, region or account goes, since a design can be deployed anywhere.
 */

const PARTITION = String.raw`(?:aws(?:-[a-z]+)*|\$\{AWS::Partition\})`;
const REGION = String.raw`(?:[a-z]{2}(?:-[a-z]+)+-\d+|\$\{AWS::Region\})`;
const ACCOUNT = String.raw`(?:\d{12}|\$\{AWS::AccountId\})`;

/** `arn:partition:lambda:region:account:function:name[:qualifier]`; names are 1..64 characters. */
const LAMBDA_FUNCTION_ARN = new RegExp(
  String.raw`^arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:[A-Za-z0-9_-]{1,64}(?::(?:\$LATEST|[A-Za-z0-9_-]{1,128}))?$`,
);

/** `arn:partition:cognito-idp:region:account:userpool/region_id`; group 1 is the ARN's region, group 2 the pool id's. */
const COGNITO_USER_POOL_ARN = new RegExp(
  String.raw`^arn:${PARTITION}:cognito-idp:(${REGION}):${ACCOUNT}:userpool/([a-z]{2}(?:-[a-z]+)+-\d+)_[A-Za-z0-9]+$`,
);

/** A DNS host name: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;

/** Problems with an absolute http(s) URL with a host, such as a backend's base URL. */
export function httpUrlProblem(value: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)([?#].*)?$/.exec(value);
  if (match === null) return 'it is not an absolute URL (scheme://host)';
  const [, scheme, authority, path, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  if (!/^https?$/i.test(scheme)) return `its scheme "${scheme}" is not http or https`;
  if (authority.includes('@'))
    return 'it carries user credentials; API Gateway cannot send them this way';
  const hostPort = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
  const host = hostPort?.[1] ?? '';
  if (host === '') return 'it has no host';
  if (!HOST_NAME.test(host) && !IPV4.test(host) && !IPV6.test(host))
    return `its host "${host}" is not a valid host name`;
  const port = hostPort?.[2];
  if (
    port !== undefined &&
    !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)
  ) {
    return `its port "${port}" is not a number from 1 to 65535`;
  }
  if (/\s/.test(path)) return 'its path contains white space';
  if (rest !== undefined)
    return 'it has a query or fragment; a base URL holds only scheme, host and path';
  return undefined;
}

/** Problems with a Lambda function ARN (unqualified, versioned or aliased). */
export function lambdaFunctionArnProblem(value: string): string | undefined {
  if (LAMBDA_FUNCTION_ARN.test(value)) return undefined;
  return 'expected arn:<partition>:lambda:<region>:<12-digit account>:function:<name>[:<version or alias>]';
}

/** Problems with a Cognito user pool ARN, including a pool id from another region. */
export function cognitoUserPoolArnProblem(value: string): string | undefined {
  const match = COGNITO_USER_POOL_ARN.exec(value);
  if (match === null) {
    return 'expected arn:<partition>:cognito-idp:<region>:<12-digit account>:userpool/<region>_<pool id>';
  }
  const [, arnRegion, poolRegion] = match;
  if (!arnRegion!.startsWith('$') && arnRegion !== poolRegion) {
    return `the pool id is in ${poolRegion} but the ARN names ${arnRegion}`;
  }
  return undefined;
}

/** Problems with a REST API VPC link id (lower-case letters and digits, like `abc123`). */
export function vpcLinkIdProblem(value: string): string | undefined {
  if (/^[a-z0-9]{1,32}$/.test(value)) return undefined;
  if (value.startsWith('arn:')) return 'give the VPC link id alone, not its ARN';
  return 'a VPC link id holds only lower-case letters and digits, e.g. abc123';
}

/** Problems with a load balancer DNS name (a bare host name). */
export function dnsNameProblem(value: string): string | undefined {
  if (HOST_NAME.test(value) && value.includes('.')) return undefined;
  if (value.includes('://')) return 'give the DNS name alone, without a scheme';
  if (value.includes('/') || value.includes(':'))
    return 'give the DNS name alone, without a port or path';
  return 'it is not a fully qualified host name, e.g. my-nlb-123.elb.eu-west-1.amazonaws.com';
}
