import { emptyDesign, type ApiModel, type DesignDocument } from '@gatewright/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/client';
import { DeployPanel } from './DeployPanel';

const DESIGN_ID = 'shop/shop.yaml';
const model = { operations: [] } as unknown as ApiModel;

interface Call {
  method: string;
  path: string;
  body: string;
}

/** A server answering by "METHOD /path" (query left off); records every call. */
function fakeServer(answers: Record<string, (url: URL) => Response>) {
  const calls: Call[] = [];
  const api = createApiClient({
    baseUrl: 'http://127.0.0.1:4321',
    token: 't',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const path = decodeURIComponent(url.pathname);
      calls.push({ method: request.method, path, body: await request.text() });
      const answer = answers[`${request.method} ${path}`];
      return answer
        ? answer(url)
        : Response.json({ error: { code: 'not-found', message: `no ${path}` } }, { status: 404 });
    },
  });
  return { api, calls };
}

const base = `/api/designs/${DESIGN_ID}/deploy`;
const noStacks = () => Response.json({ stacks: [], running: false });
/** The stacks on the sandbox; AWS refused, as without credentials. */
const sandboxOnly = (url: URL) => (url.searchParams.get('target') === 'aws' ? noAws() : noStacks());
function noAws() {
  return Response.json(
    { error: { code: 'not-deployable', message: 'No AWS credentials could be used.' } },
    { status: 422 },
  );
}

function changeSet(kind: 'sandbox' | 'aws') {
  return () =>
    Response.json({
      stackName: 'gatewright-shop-1234abcd',
      changeSetId: 'cs-1',
      type: 'CREATE',
      changes: [
        { action: 'Add', logicalId: 'Api', resourceType: 'AWS::ApiGateway::RestApi' },
        {
          action: 'Modify',
          logicalId: 'ApiStage',
          resourceType: 'AWS::ApiGateway::Stage',
          replacement: 'True',
        },
      ],
      noChanges: false,
      target: { kind, region: 'eu-west-1', accountId: '123456789012' },
      confirmation:
        'Deploy stack gatewright-shop-1234abcd to AWS account 123456789012 in eu-west-1?',
      documentVia: 'inline',
      templateVia: 'inline',
    });
}

function renderPanel(
  api: ReturnType<typeof fakeServer>['api'],
  design: DesignDocument = emptyDesign('shop.yaml'),
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <DeployPanel
        api={api}
        designId={DESIGN_ID}
        model={model}
        design={design}
        saveStatus="saved"
        onClose={() => {}}
      />
    </QueryClientProvider>,
  );
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('DeployPanel', () => {
  it('shows the change set and waits for Execute when sandbox deploys do not run straight away', async () => {
    const { api, calls } = fakeServer({
      [`GET ${base}/stack`]: sandboxOnly,
      [`POST ${base}/change-set`]: changeSet('sandbox'),
      [`POST ${base}/execute`]: () => Response.json({ stackName: 's' }, { status: 202 }),
    });
    renderPanel(api);
    fireEvent.click(screen.getByLabelText('Run sandbox deploys straight away'));
    expect(localStorage.getItem('gatewright.deploy.runSandboxStraightAway')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));

    const table = await screen.findByRole('table', { name: 'Change set' });
    expect(within(table).getByText('Add')).toBeTruthy();
    expect(within(table).getByText('Replaced')).toBeTruthy();
    expect(calls.some((call) => call.path.endsWith('/execute'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Execute' }));
    await waitFor(() =>
      expect(calls.find((call) => call.path.endsWith('/execute'))?.body).toBe(
        JSON.stringify({ changeSetId: 'cs-1' }),
      ),
    );
  });

  it('runs a sandbox change set at once by default', async () => {
    const { api, calls } = fakeServer({
      [`GET ${base}/stack`]: sandboxOnly,
      [`POST ${base}/change-set`]: changeSet('sandbox'),
      [`POST ${base}/execute`]: () => Response.json({ stackName: 's' }, { status: 202 }),
    });
    renderPanel(api);
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    await waitFor(() => expect(calls.some((call) => call.path.endsWith('/execute'))).toBe(true));
    expect(screen.queryByRole('button', { name: 'Execute' })).toBeNull();
  });

  it('shows the server’s message when the sandbox is down, and lets the person try again', async () => {
    const message = 'The sandbox (ministack) is not running at http://127.0.0.1:4566. Start it …';
    const { api } = fakeServer({
      [`GET ${base}/stack`]: sandboxOnly,
      [`POST ${base}/change-set`]: () =>
        Response.json({ error: { code: 'sandbox-down', message } }, { status: 503 }),
    });
    renderPanel(api);
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    expect((await screen.findByRole('alert', { name: 'Deploy problem' })).textContent).toContain(
      message,
    );
    expect(screen.getByRole('button', { name: 'Deploy' }).hasAttribute('disabled')).toBe(false);
  });

  it('starts the sandbox from the refusal, and a deploy then goes ahead', async () => {
    let sandboxUp = false;
    const { api, calls } = fakeServer({
      [`GET ${base}/stack`]: sandboxOnly,
      [`POST ${base}/change-set`]: () =>
        sandboxUp
          ? changeSet('sandbox')()
          : Response.json(
              { error: { code: 'sandbox-down', message: 'The sandbox is not running.' } },
              { status: 503 },
            ),
      [`POST ${base}/execute`]: () => Response.json({ stackName: 's' }, { status: 202 }),
      ['POST /api/sandbox/start']: () => {
        sandboxUp = true;
        return Response.json({ started: true, pid: 42 });
      },
    });
    renderPanel(api);
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    const problem = await screen.findByRole('alert', { name: 'Deploy problem' });
    fireEvent.click(within(problem).getByRole('button', { name: 'Start the sandbox' }));
    await screen.findByText('The sandbox is running; deploy again.');
    expect(screen.queryByRole('alert', { name: 'Deploy problem' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    await waitFor(() => expect(calls.some((call) => call.path.endsWith('/execute'))).toBe(true));
    expect(calls.filter((call) => call.path === '/api/sandbox/start')).toHaveLength(1);
  });

  it('offers AWS only when the server can reach it, and asks for the account and region first', async () => {
    const withoutAws = fakeServer({ [`GET ${base}/stack`]: sandboxOnly });
    const { unmount } = renderPanel(withoutAws.api);
    const unavailable = screen.getByRole('radio', { name: /AWS account/ });
    await screen.findByText(/not available: No AWS credentials could be used/);
    expect(unavailable.hasAttribute('disabled')).toBe(true);
    unmount();

    const { api, calls } = fakeServer({
      [`GET ${base}/stack`]: noStacks,
      [`POST ${base}/change-set`]: changeSet('aws'),
      [`POST ${base}/execute`]: () => Response.json({ stackName: 's' }, { status: 202 }),
    });
    renderPanel(api);
    const aws = screen.getByRole('radio', { name: /AWS account/ });
    await waitFor(() => expect(aws.hasAttribute('disabled')).toBe(false));
    fireEvent.click(aws);
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    const approve = await screen.findByRole('button', {
      name: 'Approve and deploy to 123456789012 (eu-west-1)',
    });
    expect(approve.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText(/to AWS account 123456789012 in eu-west-1/));
    fireEvent.click(approve);
    await waitFor(() => expect(calls.some((call) => call.path.endsWith('/execute'))).toBe(true));
  });

  it('says an ECS/NLB backend is called at its sandbox URL, or needs one', () => {
    const design: DesignDocument = {
      ...emptyDesign('shop.yaml'),
      backends: {
        stock: {
          kind: 'ecs-nlb',
          service: { source: 'existing', nlbDnsName: 'n', vpcLinkId: 'v' },
          sandboxUrl: 'http://127.0.0.1:8080',
        },
        other: {
          kind: 'ecs-nlb',
          service: { source: 'existing', nlbDnsName: 'n', vpcLinkId: 'v' },
        },
      },
    };
    renderPanel(fakeServer({ [`GET ${base}/stack`]: sandboxOnly }).api, design);
    expect(
      screen.getByText(/“stock” is called at its sandbox URL http:\/\/127.0.0.1:8080/),
    ).toBeTruthy();
    expect(
      screen.getByText(/“other” cannot run its container and has no sandbox URL/),
    ).toBeTruthy();
  });
});
