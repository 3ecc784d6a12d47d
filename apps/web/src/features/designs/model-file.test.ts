// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_MODEL_BYTES, readModelFile, type FileLike } from './model-file';

function file(name: string, text: string, size = text.length): FileLike {
  return { name, size, text: async () => text };
}

describe('reading a model file', () => {
  it('reads a YAML or JSON file', async () => {
    expect(await readModelFile(file('orders.yaml', 'openapi: 3.0.3\n'))).toEqual({
      ok: true,
      fileName: 'orders.yaml',
      text: 'openapi: 3.0.3\n',
    });
  });

  it('refuses a file that is not a model by its name, before reading it', async () => {
    let read = false;
    const photo: FileLike = {
      name: 'photo.png',
      size: 10,
      text: async () => {
        read = true;
        return '';
      },
    };
    const result = await readModelFile(photo);
    expect(result).toMatchObject({ ok: false, fileName: 'photo.png' });
    expect(!result.ok && result.message).toContain('.yaml, .yml, .json');
    expect(read).toBe(false);
  });

  it('refuses empty, oversized and binary files with a message naming them', async () => {
    expect(await readModelFile(file('empty.yaml', ''))).toMatchObject({
      ok: false,
      message: expect.stringContaining('empty.yaml is empty') as unknown,
    });
    expect(await readModelFile(file('huge.json', '{}', MAX_MODEL_BYTES + 1))).toMatchObject({
      ok: false,
    });
    expect(await readModelFile(file('blob.yaml', 'PK\u0003\u0004\u0000\u0000'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('not UTF-8 text') as unknown,
    });
    expect(await readModelFile(file('blank.yml', '  \n\n'))).toMatchObject({ ok: false });
  });

  it('turns a failed read into a message, not an exception', async () => {
    const gone: FileLike = {
      name: 'gone.yaml',
      size: 5,
      text: () => Promise.reject(new Error('NotFoundError')),
    };
    const result = await readModelFile(gone);
    expect(result).toMatchObject({ ok: false, fileName: 'gone.yaml' });
    expect(!result.ok && result.message).toContain('could not be read (NotFoundError)');
  });
});
