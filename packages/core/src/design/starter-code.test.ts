import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { STARTER_HANDLER, starterCode } from './starter-code';

const event = {
  httpMethod: 'GET',
  resource: '/pets/{petId}',
  path: '/pets/7',
  pathParameters: { petId: '7' },
  queryStringParameters: null,
  headers: {},
  body: null,
};

const python = spawnSync('python3', ['--version']).status === 0;

describe('starterCode', () => {
  it('is an ES module whose handler answers 200 with JSON naming the route', async () => {
    const code = starterCode('nodejs24.x');
    const module = (await import(`data:text/javascript;base64,${btoa(code)}`)) as {
      handler: (e: unknown) => Promise<unknown>;
    };
    const result = (await module.handler(event)) as {
      statusCode: number;
      headers: Record<string, string>;
      body: string;
    };
    expect(result.statusCode).toBe(200);
    expect(result.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(result.body)).toMatchObject({
      route: 'GET /pets/{petId}',
      pathParameters: { petId: '7' },
      queryStringParameters: {},
    });
  });

  it.skipIf(!python)('has a Python variant for Python runtimes that answers the same', () => {
    const code = starterCode('python3.13');
    expect(code).toBe(starterCode('python3.9'));
    const run = spawnSync(
      'python3',
      [
        '-c',
        `${code}\nimport sys\nprint(json.dumps(handler(json.loads(sys.argv[1]), None)))`,
        JSON.stringify(event),
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({
      route: 'GET /pets/{petId}',
      pathParameters: { petId: '7' },
    });
  });

  it('defines the export the handler setting names', () => {
    const [, exportName] = STARTER_HANDLER.split('.');
    expect(starterCode('nodejs22.x')).toContain(`export const ${exportName} = async`);
    expect(starterCode('python3.12')).toContain(`def ${exportName}(event, context):`);
  });
});
