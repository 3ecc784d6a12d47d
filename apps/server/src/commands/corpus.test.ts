import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/gatewright.js', import.meta.url));

describe('gatewright corpus', () => {
  it('processes every description, resolves fragments without running them, and survives broken files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatewright-corpus-'));
    mkdirSync(join(dir, 'multi', 'schemas'), { recursive: true });
    writeFileSync(
      join(dir, 'multi', 'api.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: Multi, version: "1" }',
        'paths:',
        '  /pets:',
        '    get:',
        '      operationId: listPets',
        '      responses:',
        "        '200':",
        '          description: ok',
        '          content:',
        '            application/json:',
        "              schema: { $ref: 'schemas/pet.yaml' }",
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'multi', 'schemas', 'pet.yaml'),
      'type: object\nproperties:\n  name: { type: string }\n',
    );
    writeFileSync(join(dir, 'broken.json'), '{"openapi": "3.0.3", "info": ');
    writeFileSync(
      join(dir, 'swagger.json'),
      JSON.stringify({
        swagger: '2.0',
        info: { title: 's', version: '1' },
        paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } },
      }),
    );
    writeFileSync(join(dir, 'notes.json'), '{"not": "an api"}');

    const result = spawnSync(process.execPath, [BIN, 'corpus', dir], { encoding: 'utf8' });

    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.map((l) => l.split('\t')[0]).sort()).toEqual([
      'broken.json',
      'multi/api.yaml',
      'swagger.json',
    ]);
    expect(lines.find((l) => l.startsWith('multi/api.yaml'))).toMatch(/\t1 operations\t0 errors/);
    expect(lines.find((l) => l.startsWith('broken.json'))).toMatch(
      /\t0 operations\t[1-9]\d* errors/,
    );
    expect(result.stderr).toMatch(/^3 descriptions, 2 operations, .*; 0 not processed$/m);
  });
});
