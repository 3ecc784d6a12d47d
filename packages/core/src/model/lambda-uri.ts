/**
 * A Lambda invocation URI, as integrations and authorizers write it. Groups:
 * 1 the URI's partition, 2 its region, 3 the function ARN, 4 the function's
 * partition, 5 its region, 6 its name, 7 its qualifier (alias or version).
 */
export const LAMBDA_INVOCATION_URI =
  /^arn:(aws[a-z-]*):apigateway:([a-z0-9-]+):lambda:path\/2015-03-31\/functions\/(arn:(aws[a-z-]*):lambda:([a-z0-9-]+):\w+:function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9_$-]+))?)\/invocations$/;
