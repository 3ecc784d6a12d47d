import type { LambdaRuntime } from './types';

/**
 * The handler setting that matches the starter code: file `index`, export
 * `handler`, in both languages.
 */
export const STARTER_HANDLER = 'index.handler';

const NODE_STARTER = `// Gatewright starter handler: one function answers every operation of the API.
// API Gateway calls it through a Lambda proxy integration (AWS_PROXY): \`event\`
// is the request (httpMethod, resource, pathParameters, queryStringParameters,
// headers, body) and the returned object is the response.
export const handler = async (event) => {
  const route = \`\${event.httpMethod} \${event.resource}\`;
  return json(200, {
    route,
    message: \`Hello from \${route}. Edit this handler to answer it for real.\`,
    pathParameters: event.pathParameters ?? {},
    queryStringParameters: event.queryStringParameters ?? {},
  });
};

const json = (statusCode, body) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
`;

const PYTHON_STARTER = `# Gatewright starter handler: one function answers every operation of the API.
# API Gateway calls it through a Lambda proxy integration (AWS_PROXY): \`event\`
# is the request (httpMethod, resource, pathParameters, queryStringParameters,
# headers, body) and the returned dict is the response.
import json


def handler(event, context):
    route = f"{event['httpMethod']} {event['resource']}"
    return respond(200, {
        "route": route,
        "message": f"Hello from {route}. Edit this handler to answer it for real.",
        "pathParameters": event.get("pathParameters") or {},
        "queryStringParameters": event.get("queryStringParameters") or {},
    })


def respond(status_code, body):
    return {
        "statusCode": status_code,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body),
    }
`;

/**
 * Starter code for a new function's handler file: it answers every operation
 * with status 200 and a JSON body naming the route (`GET /pets/{petId}`), so a
 * freshly deployed API shows which operation was reached. Node.js runtimes get
 * an ES module, Python runtimes a module with `handler(event, context)`.
 */
export function starterCode(runtime: LambdaRuntime): string {
  return runtime.startsWith('python') ? PYTHON_STARTER : NODE_STARTER;
}
