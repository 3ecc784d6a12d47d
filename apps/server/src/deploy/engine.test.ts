import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeployError,
  cancelDeploy,
  destroyStack,
  executeChangeSet,
  listDesignStacks,
  prepareChangeSet,
  type DeployEvent,
  type RenderedStack,
} from './engine';
import { DeployRuns } from './deploy-runs';
import { sandboxTarget, type Target } from './targets';
import { startTestSandbox } from './test-sandbox';
import type { StartedSandbox } from './sandbox';

let sandbox: StartedSandbox;
let target: Target;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  target = await sandboxTarget(sandbox.endpoint);
}, 90_000);

afterAll(async () => {
  await sandbox?.stop();
});

/** A small API with one static mock, and optionally more resources. */
function stack(text: string, extra: Record<string, unknown> = {}): RenderedStack {
  const document = {
    openapi: '3.0.1',
    info: { title: 'engine test', version: '1' },
    paths: {
      '/hello': {
        get: {
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: {
              default: { statusCode: '200', responseTemplates: { 'application/json': text } },
            },
          },
        },
      },
    },
  };
  const deployment = `Deployment${Buffer.from(text).toString('hex').slice(0, 8)}`;
  return {
    document,
    parameters: [],
    assets: [],
    template: {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Body: document } },
        [deployment]: {
          Type: 'AWS::ApiGateway::Deployment',
          Properties: { RestApiId: { Ref: 'Api' } },
        },
        Stage: {
          Type: 'AWS::ApiGateway::Stage',
          Properties: {
            RestApiId: { Ref: 'Api' },
            DeploymentId: { Ref: deployment },
            StageName: 'v1',
          },
        },
        ...extra,
      },
      Outputs: { ApiId: { Value: { Ref: 'Api' } }, StageName: { Value: { Ref: 'Stage' } } },
    },
  };
}

/** A stack whose RestApi takes its document from S3, as a renderer gives it for that placement. */
function withBodyInS3(
  rendered: RenderedStack,
  bodyS3Location: { Bucket: string; Key: string },
): RenderedStack {
  const api = { Type: 'AWS::ApiGateway::RestApi', Properties: { BodyS3Location: bodyS3Location } };
  const resources = { ...(rendered.template.Resources as Record<string, unknown>), Api: api };
  return { ...rendered, template: { ...rendered.template, Resources: resources } };
}

async function deploy(designId: string, rendered: RenderedStack, events: DeployEvent[] = []) {
  const prepared = await prepareChangeSet(target, {
    designId,
    workspace: '/tmp/engine-test',
    render: () => rendered,
  });
  const result = await executeChangeSet(target, prepared, { emit: (e) => events.push(e) });
  return { prepared, result, events };
}

describe('the deploy engine on a real sandbox', () => {
  it('creates, lists, updates with a Modify and deletes a tagged stack', async () => {
    const first = await deploy('engine/basic.yaml', stack('{"v":1}'));
    expect(first.prepared.type).toBe('CREATE');
    expect(first.prepared.changes.map((c) => c.action)).toEqual(['Add', 'Add', 'Add']);
    expect(first.result.outcome).toBe('succeeded');
    const last = first.events.filter((e) => e.kind === 'stack-event').at(-1);
    expect(last?.kind === 'stack-event' && last.progress).toEqual({ done: 3, total: 3 });
    expect(await (await fetch(`${first.result.invokeUrl}/hello`)).json()).toEqual({ v: 1 });

    const stacks = await listDesignStacks(target, 'engine/basic.yaml');
    expect(stacks.map((s) => s.stackName)).toEqual([first.prepared.stackName]);

    const second = await deploy('engine/basic.yaml', stack('{"v":2}'));
    expect(second.prepared.type).toBe('UPDATE');
    expect(second.prepared.changes).toContainEqual(
      expect.objectContaining({ action: 'Modify', logicalId: 'Api' }),
    );
    // Only this deploy's events, oldest first.
    const own = second.events.flatMap((e) => (e.kind === 'stack-event' ? [e.event] : []));
    expect(own[0]?.status).toBe('UPDATE_IN_PROGRESS');
    expect(own.some((e) => e.status === 'CREATE_COMPLETE')).toBe(false);
    expect(own.at(-1)).toMatchObject({
      logicalId: second.prepared.stackName,
      status: 'UPDATE_COMPLETE',
    });
    expect(await (await fetch(`${second.result.invokeUrl}/hello`)).json()).toEqual({ v: 2 });

    expect(await destroyStack(target, first.prepared.stackName)).toBe(true);
    expect(await listDesignStacks(target, 'engine/basic.yaml')).toEqual([]);
    expect(await destroyStack(target, first.prepared.stackName)).toBe(false);
  });

  it('says nothing changed when the stack already matches', async () => {
    await deploy('engine/same.yaml', stack('{"same":true}'));
    const again = await prepareChangeSet(target, {
      designId: 'engine/same.yaml',
      workspace: '/tmp/engine-test',
      render: () => stack('{"same":true}'),
    });
    expect(again.noChanges).toBe(true);
    expect(again.changes).toEqual([]);
  });

  it('shows the reason when the target rejects the template', async () => {
    const bad = stack('{"v":1}', { Thing: { Type: 'AWS::Nope::Thing', Properties: {} } });
    const error = await prepareChangeSet(target, {
      designId: 'engine/rejected.yaml',
      workspace: '/tmp/engine-test',
      render: () => bad,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeployError);
    expect((error as DeployError).code).toBe('rejected');
    expect((error as DeployError).message).toMatch(
      /Unrecognized resource types: \[AWS::Nope::Thing\]/,
    );
  });

  it('on the sandbox, puts a document too big to inline in S3 and imports it after the stack', async () => {
    const big = stack(JSON.stringify({ filler: 'x'.repeat(60_000) }));
    const placements: unknown[] = [];
    const events: DeployEvent[] = [];
    const prepared = await prepareChangeSet(target, {
      designId: 'engine/big.yaml',
      workspace: '/tmp/engine-test',
      render: (placement) => {
        placements.push(placement);
        if (!placement.bodyS3Location) return big;
        const inS3 = withBodyInS3(big, placement.bodyS3Location);
        // Still over the inline limit without the document: the template goes by URL too.
        const metadata = { Filler: 'z'.repeat(60_000) };
        return { ...inS3, template: { ...inS3.template, Metadata: metadata } };
      },
    });
    expect(placements[1]).toMatchObject({
      bodyS3Location: { Bucket: 'gatewright-artifacts-000000000000-us-east-1' },
      environment: { partition: 'aws', region: 'us-east-1', accountId: '000000000000' },
    });
    expect(prepared.documentVia).toBe('s3');
    expect(prepared.templateVia).toBe('s3');
    const result = await executeChangeSet(target, prepared, { emit: (e) => events.push(e) });
    expect(result.outcome).toBe('succeeded');
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'note', message: expect.stringMatching(/imported it/) }),
    );
    const body = (await (await fetch(`${result.invokeUrl}/hello`)).json()) as { filler: string };
    expect(body.filler).toHaveLength(60_000);
  });

  it('on AWS, puts a document too big to inline in S3, rendered again for BodyS3Location', async () => {
    // The sandbox's clients dressed as an account: ministack ignores
    // BodyS3Location, but the upload and the template are what AWS would get.
    const account: Target = { ...target, kind: 'aws' };
    const big = stack(JSON.stringify({ filler: 'y'.repeat(60_000) }));
    const placements: unknown[] = [];
    const prepared = await prepareChangeSet(account, {
      designId: 'engine/aws-big.yaml',
      workspace: '/tmp/engine-test',
      render: (placement) => {
        placements.push(placement);
        if (!placement.bodyS3Location) return big;
        const inS3 = withBodyInS3(big, placement.bodyS3Location);
        return { ...inS3, document: { ...big.document, 'x-rendered-for': 's3' } };
      },
    });
    expect(prepared.documentVia).toBe('s3');
    expect(prepared.templateVia).toBe('inline');
    expect(placements[1]).toEqual({
      bodyS3Location: {
        Bucket: 'gatewright-artifacts-000000000000-us-east-1',
        Key: expect.stringMatching(
          /^documents\/gatewright-engine-aws-big-[0-9a-f]{8}\/[0-9a-f]{16}\.json$/,
        ),
      },
      environment: { partition: 'aws', region: 'us-east-1', accountId: '000000000000' },
    });
    const { bodyS3Location } = placements[1] as { bodyS3Location: { Bucket: string; Key: string } };
    const uploaded = await target.s3.send(new GetObjectCommand(bodyS3Location));
    expect(JSON.parse(await uploaded.Body!.transformToString())).toMatchObject({
      'x-rendered-for': 's3',
    });
  });

  it('cancels an update midway: CloudFormation rolls it back and the result says cancelled', async () => {
    const designId = 'engine/cancel.yaml';
    await deploy(designId, stack('{"v":1}'));
    const slow = stack('{"v":2}', {
      Handle: { Type: 'AWS::CloudFormation::WaitConditionHandle' },
      Wait: {
        Type: 'AWS::CloudFormation::WaitCondition',
        Properties: { Handle: { Ref: 'Handle' }, Timeout: '20', Count: '1' },
      },
      After: {
        Type: 'AWS::CloudFormation::WaitConditionHandle',
        DependsOn: 'Wait',
      },
    });
    const prepared = await prepareChangeSet(target, {
      designId,
      workspace: '/tmp/engine-test',
      render: () => slow,
    });
    let cancelled = false;
    const running = executeChangeSet(target, prepared, {
      emit: () => {},
      cancelled: () => cancelled,
    });
    // Cancel once the update is waiting on the wait condition, then release it.
    await waitFor(async () => (await handleUrl(prepared.stackName)) !== undefined);
    cancelled = true;
    expect(await cancelDeploy(target, prepared.stackName)).toBe('update-cancelled');
    // Ministack names itself localhost, which Node may resolve to ::1; it listens on 127.0.0.1.
    const url = (await handleUrl(prepared.stackName))!.replace('//localhost:', '//127.0.0.1:');
    const signalled = await fetch(url, {
      method: 'PUT',
      // Bytes, so fetch sends no Content-Type: the signal URL is presigned without one.
      body: new TextEncoder().encode(
        JSON.stringify({ Status: 'SUCCESS', UniqueId: '1', Data: '', Reason: '' }),
      ),
    });
    expect(signalled.status).toBe(200);
    const result = await running;
    expect(result.outcome).toBe('cancelled');
    expect(result.stackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(result.failure?.rollback).toMatch(/as it was before/);
    await destroyStack(target, prepared.stackName);
  });

  it('refuses a second deploy of the same design while the first runs', async () => {
    const runs = new DeployRuns();
    let release: () => void = () => {};
    const first = runs.exclusive(
      'engine/twice.yaml',
      () => new Promise<void>((r) => (release = r)),
    );
    await expect(runs.exclusive('engine/twice.yaml', async () => {})).rejects.toMatchObject({
      code: 'busy',
    });
    await expect(runs.exclusive('engine/other.yaml', async () => 'ok')).resolves.toBe('ok');
    release();
    await first;
    await expect(runs.exclusive('engine/twice.yaml', async () => 'again')).resolves.toBe('again');
  });
});

async function handleUrl(stackName: string): Promise<string | undefined> {
  const { ListStackResourcesCommand } = await import('@aws-sdk/client-cloudformation');
  const page = await target.cloudFormation.send(
    new ListStackResourcesCommand({ StackName: stackName }),
  );
  const handle = page.StackResourceSummaries?.find((r) => r.LogicalResourceId === 'Handle');
  return handle?.PhysicalResourceId?.startsWith('http') ? handle.PhysicalResourceId : undefined;
}

async function waitFor(check: () => Promise<boolean>, timeoutMillis = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMillis;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
