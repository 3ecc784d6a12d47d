import { createHash } from 'node:crypto';
import {
  CancelUpdateStackCommand,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListStackResourcesCommand,
  type Parameter,
  type Stack,
  type StackEvent,
  type StackResourceSummary,
} from '@aws-sdk/client-cloudformation';
import { sandboxFixups } from '@gatewright/core';
import { strToU8, zipSync } from 'fflate';
import { ensureArtifactBucket, uploadArtifact } from './artifacts';
import { toStackChanges, type StackChange } from './changes';
import { GetStageCommand } from '@aws-sdk/client-api-gateway';
import { completeSandboxIntegrations, importSandboxDocument } from './sandbox-integrations';
import { DESIGN_TAG, stackNameFor, stackTags } from './stack-name';
import {
  StackEventFeed,
  isTerminal,
  progressOf,
  succeeded,
  summarizeFailure,
  toDeployEvent,
  type DeployFailure,
  type DeployProgress,
  type DeployStackEvent,
} from './stack-events';
import type { Target } from './targets';

/** CloudFormation's limit on a template (and a RestApi Body) passed inline. */
export const INLINE_BODY_LIMIT = 51_200;

/** What the renderer gives the engine: the shape of core's `RenderedTemplate` that deploying needs. */
export interface RenderedStack {
  template: Record<string, unknown>;
  document: Record<string, unknown>;
  parameters: readonly { name: string; kind: string; default?: string; description: string }[];
  assets: readonly { fileName: string; s3Key: string; text: string }[];
}

/** Where the document goes when it does not fit inline, and the values an S3 document needs written in. */
export interface DocumentPlacement {
  bodyS3Location?: { Bucket: string; Key: string };
  environment?: { partition: string; region: string; accountId: string };
}

/** Renders the design's stack; called again with a placement when the document is too big to inline. */
export type RenderStack = (placement: DocumentPlacement) => RenderedStack;

/** A refusal or failure with a code the routes map to a status and the CLI prints. */
export class DeployError extends Error {
  constructor(
    readonly code:
      'sandbox-down' | 'rejected' | 'busy' | 'no-stack' | 'missing-parameter' | 'not-deployable',
    message: string,
  ) {
    super(message);
  }
}

export interface PrepareOptions {
  designId: string;
  /** The workspace folder, for the stack's tag. */
  workspace: string;
  render: RenderStack;
}

/** A change set waiting for approval. */
export interface PreparedChangeSet {
  stackName: string;
  changeSetName: string;
  changeSetId: string;
  type: 'CREATE' | 'UPDATE';
  changes: StackChange[];
  /** True when the stack already matches the design: nothing to execute. */
  noChanges: boolean;
  /** The rendered document, for the sandbox's second pass. */
  document: Record<string, unknown>;
  /** How the document and template travelled: inline, or from S3. */
  documentVia: 'inline' | 's3';
  templateVia: 'inline' | 's3';
  renderMillis: number;
}

const pollMillis = (target: Target) => (target.kind === 'sandbox' ? 250 : 2000);
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** The stack, or undefined when there is none (or only a deleted one). */
export async function describeStack(target: Target, stackName: string): Promise<Stack | undefined> {
  try {
    const { Stacks } = await target.cloudFormation.send(
      new DescribeStacksCommand({ StackName: stackName }),
    );
    const stack = Stacks?.[0];
    return stack?.StackStatus === 'DELETE_COMPLETE' ? undefined : stack;
  } catch (error) {
    if (error instanceof Error && /does not exist/i.test(error.message)) return undefined;
    throw error;
  }
}

/**
 * Renders the design, uploads what does not fit inline, and creates a change
 * set for the design's stack (CREATE when there is none, UPDATE otherwise).
 * A stack left empty by a failed create is deleted first, as CloudFormation
 * cannot update it. Nothing runs until `executeChangeSet`.
 */
export async function prepareChangeSet(
  target: Target,
  options: PrepareOptions,
): Promise<PreparedChangeSet> {
  const stackName = stackNameFor(options.designId);
  let existing = await describeStack(target, stackName);
  if (
    existing &&
    !isTerminal(existing.StackStatus ?? '') &&
    existing.StackStatus !== 'REVIEW_IN_PROGRESS'
  )
    throw new DeployError(
      'busy',
      `Stack ${stackName} is ${existing.StackStatus}; wait until it finishes, or cancel it.`,
    );
  if (
    existing?.StackStatus === 'ROLLBACK_COMPLETE' ||
    existing?.StackStatus === 'ROLLBACK_FAILED'
  ) {
    await deleteAndWait(target, stackName);
    existing = undefined;
  }
  const type = existing && existing.StackStatus !== 'REVIEW_IN_PROGRESS' ? 'UPDATE' : 'CREATE';

  const started = performance.now();
  let rendered = options.render({});
  let renderMillis = performance.now() - started;
  let documentVia: PreparedChangeSet['documentVia'] = 'inline';
  let bucket: string | undefined;
  // The sandbox too: ministack ignores BodyS3Location, so its second pass
  // imports the document itself (README.md).
  if (byteLength(rendered.template) > INLINE_BODY_LIMIT) {
    bucket = await ensureArtifactBucket(target);
    const key = `documents/${stackName}/${sha256(JSON.stringify(rendered.document))}.json`;
    const again = performance.now();
    // Rendered again for S3: the document then carries the account, region and
    // partition itself, as CloudFormation does not evaluate a document it reads from S3.
    rendered = options.render({
      bodyS3Location: { Bucket: bucket, Key: key },
      environment: {
        partition: partitionOf(target.region),
        region: target.region,
        accountId: target.accountId,
      },
    });
    renderMillis += performance.now() - again;
    await uploadArtifact(
      target,
      bucket,
      key,
      JSON.stringify(rendered.document),
      'application/json',
    );
    documentVia = 's3';
  }

  const parameters: Parameter[] = [];
  if (rendered.assets.length > 0) {
    bucket ??= await ensureArtifactBucket(target);
    for (const asset of rendered.assets) {
      const zip = zipSync({ [asset.fileName]: strToU8(asset.text) });
      await uploadArtifact(target, bucket, asset.s3Key, zip, 'application/zip');
    }
  }
  for (const parameter of rendered.parameters) {
    if (parameter.kind === 'asset-bucket' && bucket) {
      parameters.push({ ParameterKey: parameter.name, ParameterValue: bucket });
    } else if (parameter.default === undefined) {
      throw new DeployError(
        'missing-parameter',
        `The template needs a value for ${parameter.name} (${parameter.description}); give it in the design.`,
      );
    }
  }

  const templateText = JSON.stringify(rendered.template);
  let templateVia: PreparedChangeSet['templateVia'] = 'inline';
  let templateSource: { TemplateBody: string } | { TemplateURL: string } = {
    TemplateBody: templateText,
  };
  if (byteLength(rendered.template) > INLINE_BODY_LIMIT) {
    bucket ??= await ensureArtifactBucket(target);
    const uploaded = await uploadArtifact(
      target,
      bucket,
      `templates/${stackName}/${sha256(templateText)}.json`,
      templateText,
      'application/json',
    );
    templateSource = { TemplateURL: uploaded.url };
    templateVia = 's3';
  }

  const changeSetName = `gatewright-${Date.now()}`;
  let changeSetId: string;
  try {
    const created = await target.cloudFormation.send(
      new CreateChangeSetCommand({
        StackName: stackName,
        ChangeSetName: changeSetName,
        ChangeSetType: type,
        ...templateSource,
        Parameters: parameters,
        Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
        Tags: stackTags(options.designId, options.workspace),
        Description: `Gatewright deploy of ${options.designId}`,
      }),
    );
    changeSetId = created.Id ?? changeSetName;
  } catch (error) {
    throw rejected(error);
  }
  const described = await waitForChangeSet(target, stackName, changeSetName);
  const base = {
    stackName,
    changeSetName,
    changeSetId,
    type,
    document: rendered.document,
    documentVia,
    templateVia,
    renderMillis,
  } as const;
  if (described.status === 'FAILED') {
    if (/didn't contain changes|no updates|No changes/i.test(described.reason)) {
      await target.cloudFormation
        .send(new DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }))
        .catch(() => {});
      return { ...base, changes: [], noChanges: true };
    }
    throw new DeployError('rejected', `CloudFormation rejected the template: ${described.reason}`);
  }
  return { ...base, changes: described.changes, noChanges: false };
}

async function waitForChangeSet(
  target: Target,
  stackName: string,
  changeSetName: string,
): Promise<{ status: string; reason: string; changes: StackChange[] }> {
  for (;;) {
    const described = await target.cloudFormation.send(
      new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }),
    );
    const status = described.Status ?? '';
    if (status !== 'CREATE_PENDING' && status !== 'CREATE_IN_PROGRESS') {
      // A change set lists at most 100 changes a page.
      const changes = [...(described.Changes ?? [])];
      let next = described.NextToken;
      while (next) {
        const page = await target.cloudFormation.send(
          new DescribeChangeSetCommand({
            StackName: stackName,
            ChangeSetName: changeSetName,
            NextToken: next,
          }),
        );
        changes.push(...(page.Changes ?? []));
        next = page.NextToken;
      }
      return { status, reason: described.StatusReason ?? '', changes: toStackChanges(changes) };
    }
    await sleep(pollMillis(target));
  }
}

/** Something that happens while a change set runs. */
export type DeployEvent =
  | { kind: 'stack-event'; event: DeployStackEvent; progress: DeployProgress }
  | { kind: 'note'; message: string }
  | { kind: 'done'; result: DeployResult };

/** How a deploy ended. */
export interface DeployResult {
  outcome: 'succeeded' | 'failed' | 'cancelled';
  stackName: string;
  stackStatus: string;
  outputs: Record<string, string>;
  /** Where the deployed API answers, from here (the sandbox's own URL form on the sandbox). */
  invokeUrl?: string;
  failure?: DeployFailure;
}

export interface ExecuteOptions {
  /** Each event as it happens, oldest first. */
  emit: (event: DeployEvent) => void;
  /** Set by `cancel`: the result then says "cancelled" instead of "failed". */
  cancelled?: () => boolean;
}

/**
 * Runs a prepared change set and follows the stack's events until it ends;
 * on the sandbox, then completes the integrations ministack's import dropped.
 * Resolves with the result (also emitted as the last event); never rejects
 * for a failed deploy, only when CloudFormation cannot be reached.
 */
export async function executeChangeSet(
  target: Target,
  prepared: PreparedChangeSet,
  options: ExecuteOptions,
): Promise<DeployResult> {
  const { stackName } = prepared;
  const feed = new StackEventFeed();
  feed.ignore(await firstEventPage(target, stackName));
  const total = Math.max(prepared.changes.length, 1);
  const seen: DeployStackEvent[] = [];
  if (!prepared.noChanges)
    await target.cloudFormation.send(
      new ExecuteChangeSetCommand({ StackName: stackName, ChangeSetName: prepared.changeSetName }),
    );
  let stack: Stack | undefined;
  for (;;) {
    for (const event of feed.take(await newEvents(target, stackName, feed))) {
      seen.push(event);
      options.emit({ kind: 'stack-event', event, progress: progressOf(seen, stackName, total) });
    }
    stack = await describeStack(target, stackName);
    if (!stack || isTerminal(stack.StackStatus ?? '')) {
      // The last events may land between the two calls.
      for (const event of feed.take(await newEvents(target, stackName, feed))) {
        seen.push(event);
        options.emit({ kind: 'stack-event', event, progress: progressOf(seen, stackName, total) });
      }
      break;
    }
    await sleep(pollMillis(target));
  }
  const stackStatus = stack?.StackStatus ?? 'DELETE_COMPLETE';
  const outputs = Object.fromEntries(
    (stack?.Outputs ?? []).map((output) => [output.OutputKey ?? '', output.OutputValue ?? '']),
  );
  let result: DeployResult;
  if (succeeded(stackStatus)) {
    const invokeUrl = await apiUrl(target, stackName, outputs, prepared, options.emit);
    result = {
      outcome: 'succeeded',
      stackName,
      stackStatus,
      outputs,
      ...(invokeUrl ? { invokeUrl } : {}),
    };
  } else {
    result = {
      outcome: options.cancelled?.() ? 'cancelled' : 'failed',
      stackName,
      stackStatus,
      outputs,
      failure: summarizeFailure(seen, stackStatus, stack?.StackStatusReason),
    };
  }
  options.emit({ kind: 'done', result });
  return result;
}

/** The invoke URL, after the sandbox's second pass (which needs the API's id). */
async function apiUrl(
  target: Target,
  stackName: string,
  outputs: Record<string, string>,
  prepared: PreparedChangeSet,
  emit: (event: DeployEvent) => void,
): Promise<string | undefined> {
  if (target.kind === 'aws') return outputs.InvokeUrl;
  const resources = await stackResources(target, stackName);
  const api = resources.find((r) => r.ResourceType === 'AWS::ApiGateway::RestApi');
  const stage = resources.find((r) => r.ResourceType === 'AWS::ApiGateway::Stage');
  if (!api?.PhysicalResourceId) return outputs.InvokeUrl;
  const stageName = outputs.StageName ?? stage?.PhysicalResourceId;
  let stageVariables: Record<string, string> = {};
  if (prepared.documentVia === 's3') {
    if (stageName)
      stageVariables =
        (
          await target.apiGateway.send(
            new GetStageCommand({ restApiId: api.PhysicalResourceId, stageName }),
          )
        ).variables ?? {};
    const methods = await importSandboxDocument(
      target.apiGateway,
      api.PhysicalResourceId,
      prepared.document,
    );
    emit({
      kind: 'note',
      message: `Sandbox: the OpenAPI document went to S3 (BodyS3Location), which the sandbox does not read; imported it into the API through the API Gateway API instead (${methods} method${methods === 1 ? '' : 's'}, authorization NONE: authorizers and API keys are for AWS).`,
    });
  }
  const completed = await completeSandboxIntegrations(
    target.apiGateway,
    api.PhysicalResourceId,
    sandboxFixups(prepared.document, stageVariables),
  );
  emit({
    kind: 'note',
    message: `Sandbox: completed ${completed} integration${completed === 1 ? '' : 's'} with what the sandbox's import leaves out (request mappings, templates, responses, ANY methods).`,
  });
  return stageName
    ? sandboxInvokeUrl(target.endpoint ?? '', api.PhysicalResourceId, stageName)
    : outputs.InvokeUrl;
}

/** Where a REST API stage answers on ministack: its LocalStack-compatible path form. */
export function sandboxInvokeUrl(endpoint: string, restApiId: string, stageName: string): string {
  return `${endpoint}/restapis/${restApiId}/${stageName}/_user_request_`;
}

/** The invoke URL of a deployed stack, for "try it" after the server restarted. */
export async function deployedInvokeUrl(
  target: Target,
  stackName: string,
): Promise<string | undefined> {
  const stack = await describeStack(target, stackName);
  if (!stack || !succeeded(stack.StackStatus ?? '')) return undefined;
  const outputs = Object.fromEntries(
    (stack.Outputs ?? []).map((output) => [output.OutputKey ?? '', output.OutputValue ?? '']),
  );
  if (target.kind === 'aws') return outputs.InvokeUrl;
  const resources = await stackResources(target, stackName);
  const api = resources.find((r) => r.ResourceType === 'AWS::ApiGateway::RestApi');
  const stageName =
    outputs.StageName ??
    resources.find((r) => r.ResourceType === 'AWS::ApiGateway::Stage')?.PhysicalResourceId;
  return api?.PhysicalResourceId && stageName
    ? sandboxInvokeUrl(target.endpoint ?? '', api.PhysicalResourceId, stageName)
    : undefined;
}

async function stackResources(target: Target, stackName: string): Promise<StackResourceSummary[]> {
  const resources: StackResourceSummary[] = [];
  let next: string | undefined;
  do {
    const page = await target.cloudFormation.send(
      new ListStackResourcesCommand({ StackName: stackName, ...(next ? { NextToken: next } : {}) }),
    );
    resources.push(...(page.StackResourceSummaries ?? []));
    next = page.NextToken;
  } while (next);
  return resources;
}

async function firstEventPage(target: Target, stackName: string): Promise<StackEvent[]> {
  try {
    const page = await target.cloudFormation.send(
      new DescribeStackEventsCommand({ StackName: stackName }),
    );
    return page.StackEvents ?? [];
  } catch {
    return [];
  }
}

/** Pages of events, newest first, until one holds an event already seen. */
async function newEvents(
  target: Target,
  stackName: string,
  feed: StackEventFeed,
): Promise<StackEvent[]> {
  const events: StackEvent[] = [];
  let next: string | undefined;
  do {
    let page;
    try {
      page = await target.cloudFormation.send(
        new DescribeStackEventsCommand({
          StackName: stackName,
          ...(next ? { NextToken: next } : {}),
        }),
      );
    } catch {
      break;
    }
    const items = page.StackEvents ?? [];
    events.push(...items);
    if (items.some((item) => feed.hasSeen(toDeployEvent(item).id))) break;
    next = page.NextToken;
  } while (next);
  return events;
}

/**
 * Stops a running deploy: an update is cancelled (CloudFormation rolls it
 * back to the previous stack); a create has nothing to go back to, so the
 * stack is deleted. Says which it did.
 */
export async function cancelDeploy(
  target: Target,
  stackName: string,
): Promise<'update-cancelled' | 'create-deleted' | 'nothing-running'> {
  const stack = await describeStack(target, stackName);
  const status = stack?.StackStatus ?? '';
  if (status === 'UPDATE_IN_PROGRESS') {
    await target.cloudFormation.send(new CancelUpdateStackCommand({ StackName: stackName }));
    return 'update-cancelled';
  }
  if (status === 'CREATE_IN_PROGRESS') {
    await target.cloudFormation.send(new DeleteStackCommand({ StackName: stackName }));
    return 'create-deleted';
  }
  return 'nothing-running';
}

/** Deletes the design's stack and waits until it is gone; false when there was none. */
export async function destroyStack(target: Target, stackName: string): Promise<boolean> {
  if (!(await describeStack(target, stackName))) return false;
  await deleteAndWait(target, stackName);
  return true;
}

async function deleteAndWait(target: Target, stackName: string): Promise<void> {
  await target.cloudFormation.send(new DeleteStackCommand({ StackName: stackName }));
  for (;;) {
    const stack = await describeStack(target, stackName);
    if (!stack) return;
    if (stack.StackStatus === 'DELETE_FAILED')
      throw new DeployError(
        'rejected',
        `Stack ${stackName} could not be deleted: ${stack.StackStatusReason ?? 'no reason given'}`,
      );
    await sleep(pollMillis(target));
  }
}

/** A stack Gatewright made, as listed per design. */
export interface DesignStack {
  stackName: string;
  status: string;
  updated?: string;
  outputs: Record<string, string>;
}

/** The stacks tagged with the design's id (normally its one stack). */
export async function listDesignStacks(target: Target, designId: string): Promise<DesignStack[]> {
  const found: DesignStack[] = [];
  let next: string | undefined;
  do {
    const page = await target.cloudFormation.send(
      new DescribeStacksCommand(next ? { NextToken: next } : {}),
    );
    for (const stack of page.Stacks ?? []) {
      if (stack.StackStatus === 'DELETE_COMPLETE') continue;
      if (!stack.Tags?.some((tag) => tag.Key === DESIGN_TAG && tag.Value === designId.slice(-256)))
        continue;
      found.push({
        stackName: stack.StackName ?? '',
        status: stack.StackStatus ?? '',
        ...(stack.LastUpdatedTime || stack.CreationTime
          ? { updated: (stack.LastUpdatedTime ?? stack.CreationTime)!.toISOString() }
          : {}),
        outputs: Object.fromEntries(
          (stack.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']),
        ),
      });
    }
    next = page.NextToken;
  } while (next);
  return found;
}

function rejected(error: unknown): DeployError {
  const message = error instanceof Error ? error.message : String(error);
  return new DeployError('rejected', `CloudFormation rejected the change set: ${message}`);
}

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** The AWS partition of a region: China and GovCloud regions have their own. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
