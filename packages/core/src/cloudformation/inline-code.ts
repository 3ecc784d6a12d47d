import type { NewLambdaFunction } from '../design/types';

/** How a new function's code goes into the template. */
export type FunctionCode =
  /** As `Code.ZipFile`: CloudFormation writes it to `index.js` / `index.py`. */
  | { kind: 'inline'; zipFile: string; handler: string }
  /** Too long, or not expressible inline: uploaded as a zip by the deployer. */
  | { kind: 'asset'; reason: string };

/**
 * The function's code as CloudFormation can take it inline, or why it cannot.
 * CloudFormation names an inline Node.js file `index.js`, which Node loads as
 * CommonJS, while the starter code is an ES module: top-level
 * `export const|let|var|function|class name` is rewritten to a plain
 * declaration plus `exports.name = name;` at the end. Any other module syntax
 * (`import`, `export default`, `export { ... }`, `import.meta`) cannot be
 * rewritten safely, so that code goes as an asset. The handler's file part
 * becomes `index`, the only file inline code has.
 */
export function functionCode(fn: NewLambdaFunction, limit: number): FunctionCode {
  const exportName = handlerExport(fn.handler);
  let code = fn.code;
  if (fn.runtime.startsWith('nodejs')) {
    const converted = toCommonJs(code);
    if (converted === undefined) {
      return {
        kind: 'asset',
        reason:
          'it uses ES module syntax other than exported declarations (import, export default, export { }), which inline code cannot (CloudFormation writes it to index.js, a CommonJS file)',
      };
    }
    code = converted;
  }
  if (code.length > limit) {
    return {
      kind: 'asset',
      reason: `its code is ${code.length} characters, over CloudFormation's ${limit}-character limit for inline code`,
    };
  }
  return { kind: 'inline', zipFile: code, handler: `index.${exportName}` };
}

/** The export part of `file.export` (`index.handler` -> `handler`). */
export function handlerExport(handler: string): string {
  const dot = handler.lastIndexOf('.');
  return dot >= 0 ? handler.slice(dot + 1) : handler;
}

const EXPORTED_DECLARATION =
  /^export\s+((?:async\s+)?function\s*\*?\s*|class\s+|const\s+|let\s+|var\s+)([A-Za-z_$][\w$]*)/gm;
const OTHER_MODULE_SYNTAX = /^\s*(import\s*[\w{*'"]|export\s+(default\b|\{|\*))|\bimport\.meta\b/m;

/** ES module code as CommonJS, or undefined when it uses syntax this rewrite does not cover. */
export function toCommonJs(code: string): string | undefined {
  const names: string[] = [];
  const rewritten = code.replace(EXPORTED_DECLARATION, (_match, keyword: string, name: string) => {
    names.push(name);
    return keyword + name;
  });
  if (OTHER_MODULE_SYNTAX.test(rewritten) || /^export\b/m.test(rewritten)) return undefined;
  if (names.length === 0) return code;
  const body = rewritten.endsWith('\n') ? rewritten : rewritten + '\n';
  return body + names.map((name) => `exports.${name} = ${name};\n`).join('');
}
