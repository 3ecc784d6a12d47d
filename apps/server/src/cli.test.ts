import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyDesign, serializeDesign } from '@gatewright/core';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/gatewright.js', import.meta.url));
const SAMPLE = fileURLToPath(
  new URL('../../../packages/core/samples/petstore/openapi.yaml', import.meta.url),
);

function gatewright(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspaceWithSample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gatewright-cli-'));
  cpSync(SAMPLE, join(dir, 'openapi.yaml'));
  return dir;
}

describe('gatewright command line', () => {
  it('init --mock-all writes a design beside the model and leaves the model untouched', () => {
    const dir = workspaceWithSample();
    const before = readFileSync(join(dir, 'openapi.yaml'), 'utf8');

    const result = gatewright(dir, 'init', 'openapi.yaml', '--mock-all');

    expect(result.stderr).toContain('5 of 5 operations integrated');
    expect(result.code).toBe(0);
    const design = JSON.parse(readFileSync(join(dir, 'openapi.gatewright.json'), 'utf8'));
    expect(design.operations['GET /pets'].integration).toEqual({
      kind: 'mock',
      response: { source: 'documented', status: '200' },
    });
    expect(readFileSync(join(dir, 'openapi.yaml'), 'utf8')).toBe(before);
  });

  it('init refuses to replace an existing design without --force', () => {
    const dir = workspaceWithSample();
    writeFileSync(join(dir, 'openapi.gatewright.json'), '{"mine": true}\n');

    const refused = gatewright(dir, 'init', 'openapi.yaml', '--lambda-all');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists');
    expect(readFileSync(join(dir, 'openapi.gatewright.json'), 'utf8')).toBe('{"mine": true}\n');

    expect(gatewright(dir, 'init', 'openapi.yaml', '--lambda-all', '--force').code).toBe(0);
  });

  it('render prints the document with an integration on every operation', () => {
    const dir = workspaceWithSample();
    gatewright(dir, 'init', 'openapi.yaml', '--lambda-all');

    const result = gatewright(dir, 'render', 'openapi.yaml');

    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    const integration = document.paths['/pets/{petId}'].get['x-amazon-apigateway-integration'];
    expect(integration.type).toBe('AWS_PROXY');
    expect(integration.uri).toContain('/invocations');
  });

  it('render --format yaml --out writes a file', () => {
    const dir = workspaceWithSample();
    gatewright(dir, 'init', 'openapi.yaml', '--mock-all');

    const result = gatewright(dir, 'render', 'openapi.yaml', '--format', 'yaml', '--out', 'build');

    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'build', 'openapi.yaml'), 'utf8')).toContain(
      'x-amazon-apigateway-integration:',
    );
  });

  it('render --format cloudformation prints the template that deploys the API', () => {
    const dir = workspaceWithSample();
    gatewright(dir, 'init', 'openapi.yaml', '--lambda-all');

    const result = gatewright(dir, 'render', 'openapi.yaml', '--format', 'cloudformation');

    expect(result.code).toBe(0);
    const template = JSON.parse(result.stdout);
    expect(template.Resources.Api.Type).toBe('AWS::ApiGateway::RestApi');
    expect(template.Outputs.InvokeUrl).toBeDefined();
    expect(
      gatewright(dir, 'render', 'openapi.yaml', '--format', 'cloudformation', '--target', 'moon')
        .code,
    ).toBe(2);
  });

  it('validate exits 1 and prints file:line findings for unwired operations', () => {
    const dir = workspaceWithSample();
    writeFileSync(
      join(dir, 'openapi.gatewright.json'),
      serializeDesign(emptyDesign('openapi.yaml')),
    );

    const result = gatewright(dir, 'validate', 'openapi.yaml');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^openapi\.yaml:\d+(:\d+)?: error: GET \/pets: .*\[validate\.operation-not-integrated\]$/m,
    );
  });

  it('validate without a design says how to create one', () => {
    const dir = workspaceWithSample();
    const result = gatewright(dir, 'validate', 'openapi.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('gatewright init openapi.yaml');
  });

  it('reports broken YAML with its line, not a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatewright-cli-'));
    writeFileSync(
      join(dir, 'broken.yaml'),
      'openapi: 3.0.3\ninfo:\n  title: x\n  version: 1\npaths:\n  /a: [\n',
    );

    const result = gatewright(dir, 'init', 'broken.yaml', '--mock-all');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^broken\.yaml:\d+(:\d+)?: error: /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('export writes a CDK app and will not overwrite it without --force', () => {
    const dir = workspaceWithSample();
    gatewright(dir, 'init', 'openapi.yaml', '--lambda-all');

    const first = gatewright(dir, 'export', 'openapi.yaml', '--out', 'cdk');
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, 'cdk', 'cdk.json'))).toBe(true);
    expect(existsSync(join(dir, 'cdk', 'package.json'))).toBe(true);

    const second = gatewright(dir, 'export', 'openapi.yaml', '--out', 'cdk');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('not empty');
  });

  it('usage mistakes exit 2 with the usage text', () => {
    const result = gatewright(tmpdir(), 'frobnicate', 'x.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command frobnicate');
    expect(result.stderr).toContain('Usage:');
  });
});
