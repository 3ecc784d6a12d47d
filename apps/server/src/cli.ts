import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CdkLanguage } from '@gatewright/core';
import { UsageError, type CommandResult } from './commands/command';
import { corpus } from './commands/corpus';
import { exportCdk } from './commands/export';
import { init } from './commands/init';
import { render } from './commands/render';
import { validate } from './commands/validate';
import { formatFinding } from './findings';

const USAGE = `Usage:
  gatewright [<model> | <folder>] [--port N]
      Start the designer on 127.0.0.1 and print its URL. No argument: the default
      workspace (in your data folder). A model file: its folder is the workspace
      and the URL opens that design. A folder: that folder is the workspace.
      Port: --port, else a free one. Also: gatewright serve [<model> | <folder>].
  gatewright init <model> [--mock-all | --lambda-all] [--design <file>] [--force]
      Write a design file beside the model (<name>.gatewright.json). Without a
      pattern, integrations already in the model are recovered.
  gatewright render <model> [--design <file>] [--format json|yaml|cloudformation] [--target sandbox|aws] [--out <dir>]
      The OpenAPI document with x-amazon-apigateway-* extensions, or the
      CloudFormation template that deploys it (default target: sandbox).
  gatewright validate <model> [--design <file>]
      Every finding, as file:line: severity: message.
  gatewright export <model> [--design <file>] [--language typescript] [--out <dir>] [--force]
      The CDK app (default folder: <model folder>/<model name>-cdk).
  gatewright corpus <folder>
      Import, render and validate every OpenAPI/Swagger description under a folder.
  gatewright deploy <model> [--design <file>] [--target sandbox|aws] [--yes]
      Deploy the design through a CloudFormation change set: prints the changes,
      asks before running them (unless --yes), prints the stack events and the
      outputs. sandbox (default): the local ministack, started when not running;
      aws: the account and region of AWS_PROFILE / AWS_REGION.
  gatewright destroy <model> [--target sandbox|aws]
      Delete the design's stack.

Exit code: 0 when there are no errors, 1 when there are, 2 for a usage mistake.`;

const LANGUAGES: readonly CdkLanguage[] = ['typescript'];
const COMMANDS = new Set([
  'init',
  'render',
  'validate',
  'export',
  'corpus',
  'serve',
  'deploy',
  'destroy',
]);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      design: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      target: { type: 'string' },
      language: { type: 'string', default: 'typescript' },
      'mock-all': { type: 'boolean', default: false },
      'lambda-all': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      port: { type: 'string' },
      yes: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, target, ...extra] = positionals;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  // A lone path that is not a command's name starts the designer on it.
  const servesPath = command !== undefined && !COMMANDS.has(command) && existsSync(command);
  if (command === undefined || command === 'serve' || servesPath) {
    const rest = command === 'serve' ? positionals.slice(1) : positionals;
    if (rest.length > 1) throw new UsageError(`unexpected arguments: ${rest.slice(1).join(' ')}`);
    if (rest[0] !== undefined && !existsSync(rest[0]))
      throw new UsageError(`${rest[0]} does not exist: name a model file or a folder`);
    // Loaded only here: the other commands need no HTTP server.
    const { serve } = await import('./commands/serve');
    await serve(rest[0], {
      ...(values.port === undefined ? {} : { port: parsePort(values.port) }),
      print: (line) => process.stdout.write(line + '\n'),
    });
    return 0;
  }
  if (values.port !== undefined) throw new UsageError('--port is for starting the designer');
  if (!target)
    throw new UsageError(`${command} needs a ${command === 'corpus' ? 'folder' : 'model file'}`);
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);

  const result = await run(command, target, values);
  for (const finding of result.findings)
    process.stderr.write(formatFinding(finding, target) + '\n');
  for (const message of result.messages) process.stderr.write(message + '\n');
  if (result.stdout !== undefined) process.stdout.write(result.stdout);
  return result.exitCode;
}

async function askYesNo(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not ${text}`);
  return port;
}

function run(
  command: string,
  target: string,
  values: ReturnType<typeof parseArgs>['values'],
): Promise<CommandResult> {
  const designPath = values.design as string | undefined;
  const outDir = values.out as string | undefined;
  switch (command) {
    case 'init': {
      if (values['mock-all'] && values['lambda-all'])
        throw new UsageError('choose one of --mock-all and --lambda-all');
      const pattern = values['mock-all']
        ? 'mock-all'
        : values['lambda-all']
          ? 'lambda-all'
          : undefined;
      return init(target, { pattern, designPath, force: values.force === true });
    }
    case 'render': {
      const format = values.format;
      if (format !== 'json' && format !== 'yaml' && format !== 'cloudformation')
        throw new UsageError(
          `--format must be json, yaml or cloudformation, not ${String(format)}`,
        );
      const renderTarget = (values.target as string | undefined) ?? 'sandbox';
      if (renderTarget !== 'sandbox' && renderTarget !== 'aws')
        throw new UsageError(`--target must be sandbox or aws, not ${renderTarget}`);
      return render(target, { designPath, format, target: renderTarget, outDir });
    }
    case 'validate':
      return validate(target, { designPath });
    case 'export': {
      const language = values.language as CdkLanguage;
      if (!LANGUAGES.includes(language))
        throw new UsageError(`--language must be one of ${LANGUAGES.join(', ')}`);
      const stem = basename(target).replace(/\.(json|ya?ml)$/i, '');
      return exportCdk(target, {
        designPath,
        language,
        outDir: outDir ?? join(dirname(target), `${stem}-cdk`),
        force: values.force === true,
      });
    }
    case 'corpus':
      return corpus(target, (line) => process.stdout.write(line + '\n'));
    case 'deploy':
    case 'destroy': {
      const where = (values.target as string | undefined) ?? 'sandbox';
      if (where !== 'sandbox' && where !== 'aws')
        throw new UsageError(`--target must be sandbox or aws, not ${String(where)}`);
      const print = (line: string) => process.stdout.write(line + '\n');
      // Loaded only here: the AWS SDK is big, and the other commands need none of it.
      if (command === 'destroy')
        return import('./commands/destroy').then(({ destroy }) =>
          destroy(target, { target: where, print }),
        );
      return import('./commands/deploy').then(({ deploy }) =>
        deploy(target, {
          designPath,
          target: where,
          yes: values.yes === true,
          print,
          ...(process.stdin.isTTY ? { ask: askYesNo } : {}),
        }),
      );
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`gatewright: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    // Anything else is a bug in Gatewright, not a problem with the user's files:
    // say so plainly; the stack is for whoever debugs it.
    const detail =
      error instanceof Error
        ? process.env.GATEWRIGHT_DEBUG
          ? error.stack
          : error.message
        : String(error);
    process.stderr.write(`gatewright: internal error (please report it): ${detail}\n`);
    process.exitCode = 70;
  },
);
