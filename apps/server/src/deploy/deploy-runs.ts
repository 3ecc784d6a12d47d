import { DeployError, type DeployEvent, type DeployResult, type PreparedChangeSet } from './engine';
import type { TargetKind } from './targets';

/** A deploy that runs or ran in this server: its events so far, for late subscribers. */
export interface DeployRun {
  designId: string;
  stackName: string;
  target: TargetKind;
  events: DeployEvent[];
  result?: DeployResult;
  cancelRequested: boolean;
}

type Listener = (event: DeployEvent) => void;

/**
 * The server's deploys, one per design at a time: while a design's change set
 * is being made or run, another is refused (`busy`). Keeps each design's last
 * run (its events and result) and the change set waiting for approval.
 */
export class DeployRuns {
  private readonly busy = new Set<string>();
  private readonly runs = new Map<string, DeployRun>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly pending = new Map<string, { prepared: PreparedChangeSet; target: TargetKind }>();

  /** Holds the design while `work` runs (making a change set); refused when it is already held. */
  async exclusive<T>(designId: string, work: () => Promise<T>): Promise<T> {
    this.claim(designId);
    try {
      return await work();
    } finally {
      this.busy.delete(designId);
    }
  }

  /** Remembers the change set a person is looking at, for `execute`. */
  setPending(designId: string, prepared: PreparedChangeSet, target: TargetKind): void {
    this.pending.set(designId, { prepared, target });
  }

  /** The change set waiting for approval, when its id matches. */
  takePending(
    designId: string,
    changeSetId: string,
  ): { prepared: PreparedChangeSet; target: TargetKind } | undefined {
    const pending = this.pending.get(designId);
    if (!pending || pending.prepared.changeSetId !== changeSetId) return undefined;
    this.pending.delete(designId);
    return pending;
  }

  /**
   * Starts `work` as the design's run; resolves once it is started. The
   * design stays held until `work` settles; an error in `work` becomes a
   * failed result, so subscribers always see a `done`.
   */
  start(
    designId: string,
    prepared: PreparedChangeSet,
    target: TargetKind,
    work: (emit: Listener, run: DeployRun) => Promise<DeployResult>,
  ): DeployRun {
    this.claim(designId);
    const run: DeployRun = {
      designId,
      stackName: prepared.stackName,
      target,
      events: [],
      cancelRequested: false,
    };
    this.runs.set(designId, run);
    const emit = (event: DeployEvent) => {
      run.events.push(event);
      if (event.kind === 'done') run.result = event.result;
      for (const listener of this.listeners.get(designId) ?? []) listener(event);
    };
    void work(emit, run)
      .catch((error: unknown) => {
        emit({
          kind: 'done',
          result: {
            outcome: 'failed',
            stackName: prepared.stackName,
            stackStatus: 'UNKNOWN',
            outputs: {},
            failure: {
              reason: `The deploy stopped: ${error instanceof Error ? error.message : String(error)}`,
              stackStatus: 'UNKNOWN',
              rollback: 'Look at the stack in the target before deploying again.',
            },
          },
        });
      })
      .finally(() => this.busy.delete(designId));
    return run;
  }

  /** Whether the design's change set is being made or run now. */
  isBusy(designId: string): boolean {
    return this.busy.has(designId);
  }

  /** The design's current or last run. */
  get(designId: string): DeployRun | undefined {
    return this.runs.get(designId);
  }

  /** Calls `listener` with each later event of the design's runs; returns the unsubscribe. */
  subscribe(designId: string, listener: Listener): () => void {
    let set = this.listeners.get(designId);
    if (!set) this.listeners.set(designId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private claim(designId: string): void {
    if (this.busy.has(designId))
      throw new DeployError(
        'busy',
        'A deploy of this design is already running; wait for it to finish, or cancel it.',
      );
    this.busy.add(designId);
  }
}
