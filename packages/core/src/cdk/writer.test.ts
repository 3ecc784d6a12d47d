import { describe, expect, it } from 'vitest';
import { CodeWriter } from './writer';

describe('CodeWriter', () => {
  it('indents nested blocks and writes their closers', () => {
    const w = new CodeWriter('  ');
    w.block('class A {', '}', () => {
      w.block('m() {', '}', () => w.line('return 1;'));
      w.line();
      w.line('x = 2;');
    });
    expect(w.toString()).toBe('class A {\n  m() {\n    return 1;\n  }\n\n  x = 2;\n}\n');
  });

  it('supports indentation-only blocks', () => {
    const w = new CodeWriter('    ');
    w.block('def f():', undefined, () => w.line('pass'));
    w.line('f()');
    expect(w.toString()).toBe('def f():\n    pass\nf()\n');
  });

  it('indents every line of a multi-line text, without trailing spaces', () => {
    const w = new CodeWriter('  ');
    w.block('{', '}', () => w.lines('a\n  b\n\nc\n'));
    expect(w.toString()).toBe('{\n  a\n    b\n\n  c\n}\n');
  });

  it('throws on a block left open', () => {
    const w = new CodeWriter('  ').open('{', '}');
    expect(() => w.toString()).toThrow(/unclosed/);
  });

  it('throws on a close without an open block', () => {
    const w = new CodeWriter('  ').block('{', '}', () => undefined);
    expect(() => w.close()).toThrow(/without an open block/);
  });

  it('refuses a line with a newline in it', () => {
    expect(() => new CodeWriter('  ').line('a\nb')).toThrow();
  });
});
