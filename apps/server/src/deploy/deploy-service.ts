import { DeployRuns } from './deploy-runs';
import { DeployError } from './engine';
import { existsSync } from 'node:fs';
import {
  MINISTACK_BIN,
  PYTHON_ENV_COMMAND,
  isRunning,
  sandboxDownMessage,
  sandboxEndpoint,
  startSandbox,
  type StartedSandbox,
} from './sandbox';
import {
  awsTarget,
  sandboxTarget,
  type AwsTargetOptions,
  type Target,
  type TargetKind,
} from './targets';

export interface DeployServiceOptions {
  /** @default sandboxEndpoint() (GATEWRIGHT_SANDBOX_ENDPOINT, else http://127.0.0.1:4566) */
  sandboxEndpoint?: string;
  /** The AWS profile and region; @default the SDK's chain */
  aws?: AwsTargetOptions;
}

/**
 * What the deploy routes share for the server's life: the targets (made on
 * first use; the sandbox checked each time, as it may stop) and the runs.
 */
export class DeployService {
  readonly runs = new DeployRuns();
  readonly sandboxEndpoint: string;
  private readonly awsOptions: AwsTargetOptions;
  private aws?: Promise<Target>;
  private sandbox?: Target;
  private startRequest?: Promise<{ started: boolean; pid?: number }>;
  private ours?: StartedSandbox;

  constructor(options: DeployServiceOptions = {}) {
    this.sandboxEndpoint = options.sandboxEndpoint ?? sandboxEndpoint();
    this.awsOptions = options.aws ?? {};
  }

  /**
   * The target, ready to use: for the sandbox, a `sandbox-down` error with
   * how to start it when it does not answer within a second and a half.
   */
  async target(kind: TargetKind): Promise<Target> {
    if (kind === 'sandbox') {
      if (!(await isRunning(this.sandboxEndpoint)))
        throw new DeployError('sandbox-down', sandboxDownMessage(this.sandboxEndpoint));
      this.sandbox ??= await sandboxTarget(this.sandboxEndpoint);
      return this.sandbox;
    }
    this.aws ??= awsTarget(this.awsOptions).catch((error: unknown) => {
      this.aws = undefined;
      throw new DeployError(
        'not-deployable',
        `No AWS credentials could be used (${error instanceof Error ? error.message : String(error)}). Set AWS_PROFILE and AWS_REGION, or sign in with \`aws sso login\`, then restart Gatewright.`,
      );
    });
    return this.aws;
  }

  /**
   * Starts the sandbox when it does not answer (the page's "Start the
   * sandbox"); requests meanwhile share the one under way. What this server
   * starts ends with it. `started`: this server started it.
   */
  startSandbox(): Promise<{ started: boolean; pid?: number }> {
    this.startRequest ??= this.ensureSandbox().finally(() => {
      this.startRequest = undefined;
    });
    return this.startRequest;
  }

  private async ensureSandbox(): Promise<{ started: boolean; pid?: number }> {
    if (await isRunning(this.sandboxEndpoint))
      return this.ours ? { started: true, pid: this.ours.pid } : { started: false };
    if (!existsSync(MINISTACK_BIN))
      throw new DeployError(
        'sandbox-down',
        `The sandbox is not installed: run \`${PYTHON_ENV_COMMAND}\` in the project, then start it again.`,
      );
    try {
      this.ours = await startSandbox(this.sandboxEndpoint);
    } catch (error) {
      throw new DeployError(
        'sandbox-down',
        `The sandbox could not be started: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return { started: true, pid: this.ours.pid };
  }
}
