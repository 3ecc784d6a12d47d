import { basename, resolve } from 'node:path';
import type { CommandResult } from './command';
import { commandTarget } from './deploy';
import { DeployError, destroyStack } from '../deploy/engine';
import { stackNameFor } from '../deploy/stack-name';
import type { TargetKind } from '../deploy/targets';

/** `gatewright destroy <model>`: deletes the design's stack (as `deploy` named it) and waits until it is gone. */
export async function destroy(
  modelPath: string,
  options: { target: TargetKind; print: (line: string) => void },
): Promise<CommandResult> {
  const stackName = stackNameFor(basename(resolve(modelPath)));
  try {
    const target = await commandTarget(options.target, options.print, false);
    // The sandbox keeps nothing once stopped: nothing to delete.
    if (!target)
      return {
        exitCode: 0,
        findings: [],
        messages: [`The sandbox is not running, so ${stackName} is not there.`],
      };
    options.print(`Deleting stack ${stackName} ...`);
    const deleted = await destroyStack(target, stackName);
    return {
      exitCode: 0,
      findings: [],
      messages: [deleted ? `Deleted ${stackName}.` : `There is no stack ${stackName}.`],
    };
  } catch (error) {
    if (error instanceof DeployError)
      return { exitCode: 1, findings: [], messages: [error.message] };
    if (error instanceof Error && '$metadata' in error)
      return {
        exitCode: 1,
        findings: [],
        messages: [`The target answered: ${error.name}: ${error.message}`],
      };
    throw error;
  }
}
