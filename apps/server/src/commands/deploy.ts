import { basename, dirname, resolve } from 'node:path';
import { hasErrors } from '@gatewright/core';
import type { CommandResult } from './command';
import { summarizeChanges, type StackChange } from '../deploy/changes';
import {
  DeployError,
  executeChangeSet,
  prepareChangeSet,
  type DeployEvent,
} from '../deploy/engine';
import { RenderErrors, designRenderer } from '../deploy/render-design';
import { isRunning, sandboxDownMessage, sandboxEndpoint, startSandbox } from '../deploy/sandbox';
import { formatFailure } from '../deploy/stack-events';
import {
  awsTarget,
  confirmationText,
  sandboxTarget,
  type Target,
  type TargetKind,
} from '../deploy/targets';
import { readProject } from '../workspace/read-model';

export interface DeployCommandOptions {
  designPath?: string;
  target: TargetKind;
  /** Run the change set without asking. */
  yes: boolean;
  /** A line for the person (standard output): the change set, the events, the outputs. */
  print: (line: string) => void;
  /** Asks a yes/no question; undefined when nobody can answer (no terminal). */
  ask?: (question: string) => Promise<boolean>;
}

/**
 * The design's id as the CLI deploys it: the model file's name, its folder
 * being the workspace, as when the designer is started on the model file.
 */
function designIdentity(modelPath: string): { designId: string; workspace: string } {
  const absolute = resolve(modelPath);
  return { designId: basename(absolute), workspace: dirname(absolute) };
}

/**
 * The target, ready: the sandbox is started when it is not running (and left
 * running after the command, so the API stays callable), or the AWS account
 * of the SDK's credential chain.
 */
export async function commandTarget(
  kind: TargetKind,
  print: (line: string) => void,
  startIfDown: boolean,
): Promise<Target | undefined> {
  if (kind === 'aws') return awsTarget();
  const endpoint = sandboxEndpoint();
  if (!(await isRunning(endpoint))) {
    if (!startIfDown) return undefined;
    print(`Starting the sandbox (ministack) at ${endpoint} ...`);
    const started = await startSandbox(endpoint, { detached: true });
    print(
      `The sandbox is running (pid ${started.pid}); it keeps running after this command: stop it with \`kill ${started.pid}\`.`,
    );
  }
  return sandboxTarget(endpoint);
}

/** `gatewright deploy <model>`: the change set, approval, the events as they happen, the outputs. */
export async function deploy(
  modelPath: string,
  options: DeployCommandOptions,
): Promise<CommandResult> {
  const { print } = options;
  const project = await readProject(modelPath, options.designPath);
  const { model, design } = project;
  if (!model || !design || hasErrors(project.diagnostics))
    return {
      exitCode: 1,
      findings: project.diagnostics,
      messages: ['Nothing was deployed: fix these first.'],
    };
  const { designId, workspace } = designIdentity(modelPath);
  try {
    const target = await commandTarget(options.target, print, true);
    if (!target) return failed(sandboxDownMessage(sandboxEndpoint()));
    print(`Creating a change set for ${designId} ...`);
    const prepared = await prepareChangeSet(target, {
      designId,
      workspace,
      render: designRenderer(model, design, options.target),
    });
    print(formatChangeSet(prepared.stackName, prepared.type, prepared.changes));
    if (prepared.noChanges) {
      print('The stack already matches the design: nothing to deploy.');
      return { exitCode: 0, findings: [], messages: [] };
    }
    if (!options.yes) {
      if (!options.ask)
        return failed('Not deployed: approve with --yes when there is no terminal to ask on.');
      if (!(await options.ask(`${confirmationText(target, prepared.stackName)} [y/N] `)))
        return failed('Not deployed: the change set was not approved.');
    }
    const result = await executeChangeSet(target, prepared, {
      emit: (event) => printEvent(event, print),
    });
    return { exitCode: result.outcome === 'succeeded' ? 0 : 1, findings: [], messages: [] };
  } catch (error) {
    if (error instanceof RenderErrors)
      return { exitCode: 1, findings: error.findings, messages: [error.message] };
    if (error instanceof DeployError) return failed(error.message);
    if (error instanceof Error && '$metadata' in error)
      return failed(`The target answered: ${error.name}: ${error.message}`);
    throw error;
  }
}

function failed(message: string): CommandResult {
  return { exitCode: 1, findings: [], messages: [message] };
}

/** The change set as a table a person reads before approving. */
export function formatChangeSet(
  stackName: string,
  type: 'CREATE' | 'UPDATE',
  changes: readonly StackChange[],
): string {
  const lines = [
    `Change set for stack ${stackName} (${type === 'CREATE' ? 'new stack' : 'update'}): ${summarizeChanges(changes)}`,
  ];
  const width = Math.max(0, ...changes.map((c) => c.logicalId.length));
  for (const change of changes) {
    const replacement = change.replacement ? `  (replacement: ${change.replacement})` : '';
    lines.push(
      `  ${change.action.padEnd(7)} ${change.logicalId.padEnd(width)}  ${change.resourceType}${replacement}`,
    );
  }
  return lines.join('\n');
}

/** One event as a line; the result as the outputs, or the failure in words. */
export function printEvent(event: DeployEvent, print: (line: string) => void): void {
  switch (event.kind) {
    case 'stack-event': {
      const { event: e, progress } = event;
      const time = e.timestamp.slice(11, 19);
      print(
        `${time} [${progress.done}/${progress.total}] ${e.status.padEnd(20)} ${e.logicalId} ${e.resourceType}${e.reason ? ` — ${e.reason}` : ''}`,
      );
      return;
    }
    case 'note':
      print(event.message);
      return;
    case 'done': {
      const { result } = event;
      if (result.outcome === 'succeeded') {
        print(`Deployed: ${result.stackName} is ${result.stackStatus}.`);
        for (const [key, value] of Object.entries(result.outputs)) print(`  ${key}: ${value}`);
        if (result.invokeUrl) print(`Call it at ${result.invokeUrl}`);
      } else {
        print(
          `${result.outcome === 'cancelled' ? 'Cancelled' : 'Failed'}: ${result.failure ? formatFailure(result.failure) : result.stackStatus}`,
        );
      }
      return;
    }
  }
}
