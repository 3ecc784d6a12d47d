/**
 * The one place emitted code gets its lines, blocks and indentation. Emitters
 * say what to write; the writer keeps the layout consistent and refuses to
 * produce text with a block left open or closed twice (a bug in an emitter,
 * so it throws).
 */
export class CodeWriter {
  private readonly output: string[] = [];
  /** Closing text of each open block, innermost last; `undefined` for indentation-only blocks (Python). */
  private readonly closers: (string | undefined)[] = [];

  /** @param indentUnit one level of indentation, e.g. two spaces. */
  constructor(private readonly indentUnit: string) {}

  /** Writes one line at the current depth; an empty line carries no indentation. */
  line(text = ''): this {
    if (text.includes('\n'))
      throw new Error('CodeWriter.line takes one line; use lines() for text with newlines');
    this.output.push(text === '' ? '' : this.indentUnit.repeat(this.closers.length) + text);
    return this;
  }

  /** Writes each line of a multi-line text at the current depth, keeping its own relative indentation. */
  lines(text: string): this {
    for (const line of text.replace(/\n$/, '').split('\n')) this.line(line.trimEnd());
    return this;
  }

  /** Writes `opener` and indents what follows until the matching `close()`, which writes `closer`. */
  open(opener: string, closer?: string): this {
    this.line(opener);
    this.closers.push(closer);
    return this;
  }

  /** Ends the innermost block. */
  close(): this {
    if (this.closers.length === 0) throw new Error('CodeWriter.close without an open block');
    const closer = this.closers.pop();
    if (closer !== undefined) this.line(closer);
    return this;
  }

  /** `open`, the body, `close`: the usual way to write a block. */
  block(opener: string, closer: string | undefined, body: () => void): this {
    this.open(opener, closer);
    body();
    return this.close();
  }

  /** The text written, ending with one newline. */
  toString(): string {
    if (this.closers.length > 0) {
      throw new Error(`CodeWriter has ${this.closers.length} unclosed block(s)`);
    }
    return this.output.join('\n') + '\n';
  }
}
