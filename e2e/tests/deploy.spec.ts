import {
  CANCELLED_END,
  FAILED_RUN,
  FAILURE,
  FAKE_CHANGE_SET,
  RUNNING,
  SANDBOX_DOWN,
  SHOP,
  eventStream,
} from '../fixtures/deploy';
import { DeployPanel } from '../pages/deploy';
import { InspectorPanel } from '../pages/inspector';
import { expect, test } from '../pages/test';

// A deploy to the sandbox takes seconds; the whole flow deploys twice and deletes.
const DEPLOY_MILLIS = 60_000;

test.describe('deploying a design to the sandbox', () => {
  test('shows the change set, runs it, tries the API, redeploys a change, and deletes the stack', async ({
    page,
  }, info) => {
    test.setTimeout(4 * DEPLOY_MILLIS);
    const deploy = new DeployPanel(page);
    await deploy.design.goto(SHOP.designId);
    await expect(deploy.design.operationNodes).toHaveCount(2);

    // GIVEN sandbox deploys wait for approval
    await deploy.open();
    await expect(deploy.root).toBeVisible();
    await deploy.runStraightAway.uncheck();

    // WHEN the person deploys, THEN the change set shows what is added before anything runs
    await deploy.deployButton.click();
    await expect(deploy.changes('Add').first()).toBeVisible({ timeout: DEPLOY_MILLIS });
    await expect(deploy.changes('Add').filter({ hasText: 'AWS::ApiGateway::RestApi' })).toHaveCount(
      1,
    );
    await expect(deploy.changes('Add').filter({ hasText: 'AWS::Lambda::Function' })).toHaveCount(1);
    await expect(deploy.progress).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('change-set.png') });

    // WHEN it is executed, THEN the progress reaches done with every event logged
    await deploy.executeButton.click();
    await expect(deploy.status).toHaveAttribute('data-outcome', 'succeeded', {
      timeout: DEPLOY_MILLIS,
    });
    await expect(deploy.status).toContainText('CREATE_COMPLETE');
    const total = await deploy.progress.getAttribute('max');
    await expect(deploy.progress).toHaveAttribute('value', total ?? '');
    await expect(
      deploy.events.locator('tbody tr').filter({ hasText: 'CREATE_COMPLETE' }).first(),
    ).toBeVisible();
    await expect(deploy.invokeUrl).toContainText('http');
    await expect(deploy.stacks).toContainText('CREATE_COMPLETE');
    await page.screenshot({ path: info.outputPath('deployed.png') });

    // WHEN the mock is tried, THEN it answers its documented example
    await deploy.tryOperation.selectOption({ value: SHOP.mock.key });
    await expect(deploy.tryPath).toHaveValue(SHOP.mock.path);
    await deploy.root.getByRole('button', { name: 'Send' }).click();
    await expect(deploy.tryStatus).toHaveText('200', { timeout: DEPLOY_MILLIS });
    expect(await deploy.tryAnswer()).toEqual(SHOP.mock.answer);
    await page.screenshot({ path: info.outputPath('try-mock.png') });

    // AND the new function runs its inline code on the example body
    await deploy.tryIt(SHOP.lambda.key);
    await expect(deploy.tryStatus).toHaveText('200', { timeout: DEPLOY_MILLIS });
    expect(await deploy.tryAnswer()).toEqual(SHOP.lambda.answer);
    await page.screenshot({ path: info.outputPath('try-lambda.png') });

    // WHEN the mock is changed in the inspector and deployed again, straight away this time
    await deploy.close();
    await expect(deploy.root).toHaveCount(0);
    await expect(deploy.openButton).toBeFocused();
    const inspector = new InspectorPanel(page);
    await deploy.design.selectOperation(SHOP.mock.key);
    await inspector.mode('Custom status and body').check();
    await inspector.field('Body').fill(SHOP.mock.changedBody);
    await inspector.field('Body').press('Tab');
    await deploy.open();
    await deploy.runStraightAway.check();
    await deploy.deployButton.click();

    // THEN the change set shows Modify, it runs at once, and the new answer comes back
    await expect(deploy.changes('Modify').first()).toBeVisible({ timeout: DEPLOY_MILLIS });
    await expect(deploy.status).toHaveAttribute('data-outcome', 'succeeded', {
      timeout: DEPLOY_MILLIS,
    });
    await expect(deploy.status).toContainText('UPDATE_COMPLETE');
    await page.screenshot({ path: info.outputPath('redeployed.png') });
    await deploy.tryIt(SHOP.mock.key);
    await expect(deploy.tryStatus).toHaveText('200', { timeout: DEPLOY_MILLIS });
    expect(await deploy.tryAnswer()).toEqual(SHOP.mock.changedAnswer);

    // WHEN the stack is deleted, THEN nothing of it is left
    await deploy.deleteStack();
    await expect(deploy.root.getByText(/^Deleted gatewright-/)).toBeVisible({
      timeout: DEPLOY_MILLIS,
    });
    await expect(deploy.stacks).toContainText('No stack of this design');
    await expect(deploy.invokeUrl).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('deleted.png') });
  });

  test('says how to start the sandbox when it is down, and does not hang', async ({
    page,
  }, info) => {
    const deploy = new DeployPanel(page);
    await page.route('**/deploy/change-set', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify(SANDBOX_DOWN),
      }),
    );
    await deploy.design.goto(SHOP.designId);
    await deploy.open();
    await deploy.deployButton.click();
    await expect(deploy.problem).toContainText('The sandbox (ministack) is not running');
    await expect(deploy.problem).toContainText('node scripts/python-env.mjs');
    // The person can try again once it runs.
    await expect(deploy.deployButton).toBeEnabled();
    await page.screenshot({ path: info.outputPath('sandbox-down.png') });
  });

  test('puts a failed deploy’s resource, reason and rollback in words above the log', async ({
    page,
  }, info) => {
    const deploy = new DeployPanel(page);
    await page.route('**/deploy/change-set', (route) => route.fulfill({ json: FAKE_CHANGE_SET }));
    await page.route('**/deploy/execute', (route) =>
      route.fulfill({ status: 202, json: { stackName: FAKE_CHANGE_SET.stackName } }),
    );
    await page.route('**/deploy/events', (route) =>
      route.fulfill({ contentType: 'text/event-stream', body: eventStream(FAILED_RUN) }),
    );
    await deploy.design.goto(SHOP.designId);
    await deploy.open();
    await deploy.deployButton.click();

    const failure = deploy.root.getByRole('alert', { name: 'Deploy failed' });
    await expect(failure).toContainText(`${FAILURE.logicalId} (AWS::Lambda::Function) failed:`);
    await expect(failure).toContainText(FAILURE.reason);
    await expect(failure).toContainText(FAILURE.rollback);
    await expect(deploy.status).toHaveAttribute('data-outcome', 'failed');
    await expect(deploy.events.locator('tbody tr.event-failed')).toContainText('CREATE_FAILED');
    await page.screenshot({ path: info.outputPath('failed.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: info.outputPath('failed-dark.png') });

    // Escape closes the panel and hands the focus back to the toolbar's button.
    await page.keyboard.press('Escape');
    await expect(deploy.root).toHaveCount(0);
    await expect(deploy.openButton).toBeFocused();
  });

  test('cancels a running deploy and says what happened', async ({ page }, info) => {
    const deploy = new DeployPanel(page);
    let cancelled = false;
    await page.route('**/deploy/change-set', (route) => route.fulfill({ json: FAKE_CHANGE_SET }));
    await page.route('**/deploy/execute', (route) =>
      route.fulfill({ status: 202, json: { stackName: FAKE_CHANGE_SET.stackName } }),
    );
    await page.route('**/deploy/events', (route) =>
      route.fulfill({
        contentType: 'text/event-stream',
        body: eventStream(cancelled ? [...RUNNING, CANCELLED_END] : RUNNING),
      }),
    );
    await page.route('**/deploy/cancel', (route) => {
      cancelled = true;
      return route.fulfill({
        json: {
          action: 'create-deleted',
          message: 'The stack was still being created, so it is being deleted.',
        },
      });
    });
    await deploy.design.goto(SHOP.designId);
    await deploy.open();
    await deploy.deployButton.click();
    await expect(deploy.status).toContainText('Deploying… 0 of 2 resources');
    await page.screenshot({ path: info.outputPath('running.png') });

    await deploy.root.getByRole('button', { name: 'Cancel' }).click();
    await expect(deploy.root).toContainText(
      'The stack was still being created, so it is being deleted.',
    );
    await expect(deploy.status).toHaveAttribute('data-outcome', 'cancelled');
    await expect(deploy.root.getByRole('alert', { name: 'Deploy cancelled' })).toContainText(
      'The stack was deleted: nothing of it remains.',
    );
    await expect(deploy.root.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
    await expect(deploy.deployButton).toBeEnabled();
    await page.screenshot({ path: info.outputPath('cancelled.png') });
  });
});
