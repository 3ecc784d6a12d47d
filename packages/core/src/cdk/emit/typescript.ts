/**
 * The CDK app in TypeScript: `bin/app.ts`, one stack under `lib/`, the rendered
 * document beside it, and the project files to install, type-check and synth
 * it (run through tsx, so nothing is compiled to disk).
 */
import { assertNever } from '../../integrations/index';
import { assignKeyedIdentifiers, compareCodeUnits, splitWords } from '../identifiers';
import {
  type CdkApp,
  type CdkModule,
  declaredVariables,
  type Expr,
  referencedVariables,
  type Statement,
  type TypeRef,
} from '../ir';
import { CodeWriter } from '../writer';
import { serializeOpenApi } from '../../openapi/serialize';
import { logicalId } from '../../references';

/** Versions the generated app pins: the ones Gatewright's own synth test runs against. */
const APP_VERSIONS = {
  'aws-cdk-lib': '2.276.0',
  constructs: '10.8.1',
  'aws-cdk': '2.1148.1',
  tsx: '4.23.15',
  typescript: '5.9.3',
  '@types/node': '20.19.8',
} as const;

const MODULE_ALIASES: Record<CdkModule, string> = {
  'aws-cdk-lib': 'cdk',
  'aws-apigateway': 'apigateway',
  'aws-ec2': 'ec2',
  'aws-ecs': 'ecs',
  'aws-ecs-patterns': 'ecsPatterns',
  'aws-iam': 'iam',
  'aws-lambda': 'lambda',
};

/** Lines longer than this (not counting indentation) get their call arguments one a line. */
const LINE_WIDTH = 90;
const LOAD = 'loadDefinition';
const SUBSTITUTE = 'substitutePlaceholders';
/** Names the stack module uses besides its variables. */
const MODULE_NAMES = [
  ...Object.values(MODULE_ALIASES),
  'fs',
  'path',
  'Construct',
  'scope',
  'id',
  'props',
  LOAD,
  SUBSTITUTE,
];

/** Every file of the TypeScript app, by path. */
export function emitTypeScript(app: CdkApp): Record<string, string> {
  const stackClass = logicalId(app.stackName, 'Stack');
  const stackModule = `${kebab(app.stackName)}-stack`;
  const files: Record<string, string> = {
    'bin/app.ts': appFile(app, stackClass, stackModule),
    [`lib/${stackModule}.ts`]: stackFile(app, stackClass),
    [`lib/${app.documentFile}`]: serializeOpenApi(app.document, 'json'),
    'package.json': packageJson(app),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'commonjs',
        lib: ['ES2022'],
        types: ['node'],
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['bin', 'lib'],
    }),
    'cdk.json': json({ app: 'npx tsx bin/app.ts' }),
    'README.md': readme(app),
  };
  for (const asset of app.assets) files[asset.path] = asset.text;
  return files;
}

function appFile(app: CdkApp, stackClass: string, stackModule: string): string {
  const w = new CodeWriter('  ');
  w.line(`// ${app.generatedBy}`);
  w.line("import * as cdk from 'aws-cdk-lib';");
  w.line(`import { ${stackClass} } from '../lib/${stackModule}';`);
  w.line();
  w.line('const app = new cdk.App();');
  w.line(`new ${stackClass}(app, ${quote(app.stackId)});`);
  return w.toString();
}

/** Renders the stack; expressions register the imports they use as they are written. */
function stackFile(app: CdkApp, stackClass: string): string {
  const used = referencedVariables(app.statements);
  const identifiers = assignKeyedIdentifiers(
    new Map(declaredVariables(app.statements).map((v) => [v.key, v.name])),
    'typescript',
    [...MODULE_NAMES, stackClass],
  );
  const context: ExprContext = { identifiers, modules: new Set(), node: new Set() };
  const body = new CodeWriter('  ');
  let helper = false;
  body.block(`export class ${stackClass} extends cdk.Stack {`, '}', () => {
    body.block('constructor(scope: Construct, id: string, props?: cdk.StackProps) {', '}', () => {
      body.line('super(scope, id, props);');
      let previous: Statement['kind'] = 'blank';
      body.line();
      for (const statement of app.statements) {
        if (statement.kind === 'loadDefinition') helper = true;
        // Groups of statements start with a blank line; never two in a row.
        if (!(statement.kind === 'blank' && previous === 'blank'))
          writeStatement(body, statement, context, used);
        previous = statement.kind;
      }
    });
  });
  context.modules.add('aws-cdk-lib');

  const w = new CodeWriter('  ');
  w.line(`// ${app.generatedBy}`);
  for (const module of [...context.node].sort()) w.line(`import * as ${module} from '${module}';`);
  const cdkImports = [...context.modules].map(
    (m) => [MODULE_ALIASES[m], m === 'aws-cdk-lib' ? m : `aws-cdk-lib/${m}`] as const,
  );
  for (const [alias, from] of cdkImports.sort(([, a], [, b]) => compareCodeUnits(a, b))) {
    w.line(`import * as ${alias} from '${from}';`);
  }
  w.line("import { Construct } from 'constructs';");
  w.line();
  w.lines(body.toString());
  if (helper) {
    w.line();
    w.lines(SUBSTITUTE_HELPER);
  }
  return w.toString();
}

/**
 * Only strings change, and each placeholder is swapped for its token by
 * splitting, so no document text is ever read as a pattern.
 */
const SUBSTITUTE_HELPER = `/** Reads a JSON document beside this file, each placeholder in its strings replaced by the value given for it. */
function ${LOAD}(file: string, values: Record<string, string>): unknown {
  return ${SUBSTITUTE}(JSON.parse(fs.readFileSync(path.join(__dirname, file), 'utf8')), values);
}

function ${SUBSTITUTE}(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') {
    return Object.entries(values).reduce((text, [placeholder, token]) => text.split(placeholder).join(token), value);
  }
  if (Array.isArray(value)) return value.map((item) => ${SUBSTITUTE}(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, ${SUBSTITUTE}(item, values)]));
  }
  return value;
}`;

interface ExprContext {
  identifiers: Map<string, string>;
  modules: Set<CdkModule>;
  /** Node.js modules the file needs (`fs`, `path`). */
  node: Set<string>;
}

function writeStatement(
  w: CodeWriter,
  statement: Statement,
  context: ExprContext,
  used: Set<string>,
): void {
  switch (statement.kind) {
    case 'declare': {
      const prefix = used.has(statement.variable.key)
        ? `const ${context.identifiers.get(statement.variable.key)} = `
        : '';
      writeExpr(w, statement.value, prefix, ';', context);
      return;
    }
    case 'expression':
      writeExpr(w, statement.value, '', ';', context);
      return;
    case 'comment':
      for (const line of wrap(statement.text, 96)) w.line(`// ${line}`);
      return;
    case 'blank':
      w.line();
      return;
    case 'loadDefinition': {
      context.node.add('fs').add('path');
      const head = `const ${context.identifiers.get(statement.variable.key)} = ${LOAD}(${quote(statement.file)}, {`;
      if (statement.substitutions.length === 0) {
        w.line(head + '});');
        return;
      }
      w.block(head, '});', () => {
        for (const s of statement.substitutions)
          writeExpr(w, s.value, `${quote(s.placeholder)}: `, ',', context);
      });
      return;
    }
    default:
      assertNever(statement);
  }
}

/**
 * Writes an expression that may span lines: props and maps open a block, and
 * a call whose last argument does puts its other arguments on the first line.
 */
function writeExpr(
  w: CodeWriter,
  expr: Expr,
  prefix: string,
  suffix: string,
  context: ExprContext,
): void {
  const one = inline(expr, context);
  const isCall = expr.kind === 'new' || expr.kind === 'staticCall' || expr.kind === 'call';
  if (
    one !== undefined &&
    ((prefix + one + suffix).length <= LINE_WIDTH || !isCall || expr.args.length < 2)
  ) {
    w.line(prefix + one + suffix);
    return;
  }
  switch (expr.kind) {
    case 'struct':
      context.modules.add(expr.type.module);
      w.block(prefix + '{', '}' + suffix, () => {
        for (const field of expr.fields) {
          if (inline(field.value, context) === field.name) w.line(`${field.name},`);
          else writeExpr(w, field.value, `${field.name}: `, ',', context);
        }
      });
      return;
    case 'map':
      w.block(prefix + '{', '}' + suffix, () => {
        for (const entry of expr.entries)
          writeExpr(w, entry.value, `${quote(entry.key)}: `, ',', context);
      });
      return;
    case 'list':
      w.block(prefix + '[', ']' + suffix, () => {
        for (const item of expr.items) writeExpr(w, item, '', ',', context);
      });
      return;
    case 'new':
    case 'staticCall':
    case 'call': {
      const head =
        expr.kind === 'new'
          ? `new ${typeName(expr.type, context)}`
          : expr.kind === 'staticCall'
            ? `${typeName(expr.type, context)}.${expr.method}`
            : `${inlineOrThrow(expr.object, context)}${expr.nullSafe ? '?.' : '.'}${expr.method}`;
      if (one !== undefined) {
        // Too long for one line: one argument a line.
        w.block(`${prefix}${head}(`, `)${suffix}`, () => {
          for (const arg of expr.args) w.line(inlineOrThrow(arg, context) + ',');
        });
        return;
      }
      // Props come last: the other arguments share the opening line.
      const first = expr.args.slice(0, -1).map((a) => inlineOrThrow(a, context) + ', ');
      writeExpr(
        w,
        expr.args[expr.args.length - 1]!,
        `${prefix}${head}(${first.join('')}`,
        `)${suffix}`,
        context,
      );
      return;
    }
    default:
      throw new Error(`a ${expr.kind} expression is always written on one line`);
  }
}

/** The expression on one line, or undefined when it holds props or a map, which get a block. */
function inline(expr: Expr, context: ExprContext): string | undefined {
  switch (expr.kind) {
    case 'string':
      return quote(expr.value);
    case 'number':
      return String(expr.value);
    case 'boolean':
      return String(expr.value);
    case 'list': {
      const items = expr.items.map((i) => inline(i, context));
      if (items.some((i) => i === undefined)) return undefined;
      return `[${items.join(', ')}]`;
    }
    case 'struct':
      if (expr.fields.length > 0) return undefined;
      context.modules.add(expr.type.module);
      return '{}';
    case 'map':
      return expr.entries.length > 0 ? undefined : '{}';
    case 'variable': {
      const identifier = context.identifiers.get(expr.variable.key);
      if (identifier === undefined)
        throw new Error(`variable ${expr.variable.key} is read but never declared`);
      return identifier;
    }
    case 'scope':
      return 'this';
    case 'property': {
      const object = inline(expr.object, context);
      return object === undefined ? undefined : `${object}.${expr.name}`;
    }
    case 'staticProperty':
      return `${typeName(expr.type, context)}.${expr.name}`;
    case 'call':
    case 'staticCall':
    case 'new': {
      const args = expr.args.map((a) => inline(a, context));
      if (args.some((a) => a === undefined)) return undefined;
      const head =
        expr.kind === 'new'
          ? `new ${typeName(expr.type, context)}`
          : expr.kind === 'staticCall'
            ? `${typeName(expr.type, context)}.${expr.method}`
            : `${inline(expr.object, context)}${expr.nullSafe ? '?.' : '.'}${expr.method}`;
      return `${head}(${args.join(', ')})`;
    }
    case 'template':
      return (
        '`' +
        expr.parts
          .map((p) =>
            typeof p === 'string'
              ? p.replace(/[`\\]|\$\{/g, (c) => '\\' + c)
              : '${' + inlineOrThrow(p, context) + '}',
          )
          .join('') +
        '`'
      );
    case 'appPath':
      context.node.add('path');
      return `path.join(__dirname, '..', ${expr.segments.map(quote).join(', ')})`;
    default:
      return assertNever(expr);
  }
}

function inlineOrThrow(expr: Expr, context: ExprContext): string {
  const text = inline(expr, context);
  if (text === undefined) throw new Error(`a ${expr.kind} expression here must fit on one line`);
  return text;
}

function typeName(type: TypeRef, context: ExprContext): string {
  context.modules.add(type.module);
  return `${MODULE_ALIASES[type.module]}.${type.name}`;
}

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${escaped}'`;
}

function kebab(name: string): string {
  return (
    splitWords(name)
      .map((w) => w.toLowerCase())
      .join('-') || 'api'
  );
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

function packageJson(app: CdkApp): string {
  const v = APP_VERSIONS;
  return json({
    name: `${kebab(app.stackName)}-cdk`,
    version: '0.1.0',
    private: true,
    description: app.generatedBy,
    scripts: { typecheck: 'tsc', synth: 'cdk synth', diff: 'cdk diff', deploy: 'cdk deploy' },
    dependencies: { 'aws-cdk-lib': v['aws-cdk-lib'], constructs: v.constructs },
    devDependencies: {
      '@types/node': v['@types/node'],
      'aws-cdk': v['aws-cdk'],
      tsx: v.tsx,
      typescript: v.typescript,
    },
  });
}

function readme(app: CdkApp): string {
  const w = new CodeWriter('  ');
  w.line(`# ${app.apiName}: CDK app`);
  w.line();
  w.line(`${app.generatedBy} The stack creates:`);
  w.line();
  for (const line of app.summary) w.line(`- ${line}`);
  w.line();
  w.line('## Deploy');
  w.line();
  w.line('```sh');
  w.line('npm install');
  w.line('npx cdk bootstrap   # once per account and region');
  w.line('npm run synth       # the CloudFormation template, in cdk.out/');
  w.line('npm run deploy');
  w.line('```');
  w.line();
  w.line('The stack prints the invoke URL (`ApiUrl`) and the API id (`ApiId`).');
  w.line(
    `\`lib/${app.documentFile}\` is the OpenAPI document API Gateway imports; \`\${...}\` placeholders in it`,
  );
  w.line(
    'are replaced at synth time by the values the stack creates (function ARNs, the region, ...).',
  );
  if (app.assets.length > 0)
    w.line('The handlers under `lambda/` are starter code: make them yours.');
  return w.toString();
}

/** Splits a comment into lines of at most `width` characters at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  return [...lines, current];
}
