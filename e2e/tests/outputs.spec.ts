import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { LARGE } from '../fixtures/large-model';
import { LEGACY, ORDERS } from '../fixtures/outputs';
import { OutputsPage } from '../pages/outputs';
import { expect, test } from '../pages/test';

async function contentOf(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

test.describe('the outputs of a design', () => {
  test('renders the unsaved design as OpenAPI, highlights what an edit changed, and shows it as a diff', async ({
    page,
  }, info) => {
    const outputs = new OutputsPage(page);
    await outputs.design.goto(ORDERS.designId);
    await outputs.openTab('OpenAPI');
    await expect(outputs.design.codeLines()).toContainText('openapi');

    // WHEN an operation is served from the inspector
    await outputs.design.serve(ORDERS.health.key, ORDERS.backend.choice);

    // THEN the rendering shows it at once, highlighted and summarised, before any save is needed
    await expect(outputs.changeSummary).toContainText(
      `x-amazon-apigateway-integration of ${ORDERS.health.key}`,
    );
    await expect(outputs.changeSummary).toContainText(/\+\d+ −\d+ lines?/);
    await expect(outputs.changedLines.first()).toBeVisible();
    await expect(outputs.design.codeLines()).toContainText(ORDERS.backend.uri);
    await page.screenshot({ path: info.outputPath('openapi-change-highlighted.png') });

    await outputs.format('JSON').click();
    await expect(outputs.format('JSON')).toHaveAttribute('aria-pressed', 'true');
    await expect(outputs.design.codeLines()).toContainText(`"uri": "${ORDERS.backend.uri}`);
    await outputs.format('YAML').click();
    await expect(outputs.design.codeLines()).toContainText(`uri: ${ORDERS.backend.uri}`);

    await outputs.changesToggle.click();
    await expect(outputs.diffViewer).toBeVisible();
    await expect(outputs.diffViewer.locator('.line-insert').first()).toBeVisible();
    await page.screenshot({ path: info.outputPath('openapi-changes-diff.png') });
    await outputs.changesToggle.click();

    // Undo is a change too: the summary says what it took away.
    await outputs.design.undoButton.click();
    await expect(outputs.changeSummary).toContainText('removed');
    await outputs.design.redoButton.click();
    await expect(outputs.changeSummary).toContainText('added');
    await expect(outputs.design.saveStatus).toHaveText('Saved');
  });

  test('shows the CDK app, its stack first, file by file', async ({ page }, info) => {
    const outputs = new OutputsPage(page);
    await outputs.design.goto(ORDERS.designId);
    await outputs.openTab('CDK');
    await expect(outputs.cdkFile).toHaveValue(ORDERS.stackFile);
    await outputs.design.findInCode('SpecRestApi');
    await expect(outputs.design.codeLines()).toContainText('new apigateway.SpecRestApi');
    await page.screenshot({ path: info.outputPath('cdk-stack.png') });

    await outputs.cdkFile.selectOption('package.json');
    await expect(outputs.design.codeLines()).toContainText('aws-cdk-lib');
  });

  test('downloads the saved OpenAPI document and CDK app, saving a pending change first', async ({
    page,
  }, info) => {
    const outputs = new OutputsPage(page);
    await outputs.design.goto(ORDERS.designId);
    await outputs.design.selectOperation(ORDERS.health.key);
    // The first test wires it; alone, this test wires it here, and downloads at once.
    if ((await outputs.design.servedBy.inputValue()) !== `backend:${ORDERS.backend.id}`) {
      await outputs.design.servedBy.selectOption({ label: ORDERS.backend.choice });
    }

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      outputs.chooseDownload(/JSON/),
    ]);
    const document = JSON.parse((await contentOf(json)).toString('utf8')) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(
      document.paths[ORDERS.health.path]?.[ORDERS.health.method]?.[
        'x-amazon-apigateway-integration'
      ],
    ).toMatchObject({ uri: expect.stringContaining(ORDERS.backend.uri) as unknown });
    await expect(outputs.design.saveStatus).toHaveText('Saved');

    const [yaml] = await Promise.all([
      page.waitForEvent('download'),
      outputs.chooseDownload(/YAML/),
    ]);
    expect(yaml.suggestedFilename()).toMatch(/\.yaml$/);
    expect((await contentOf(yaml)).toString('utf8')).toContain('x-amazon-apigateway-integration:');

    const [zip] = await Promise.all([page.waitForEvent('download'), outputs.chooseDownload(/CDK/)]);
    expect(zip.suggestedFilename()).toBe(ORDERS.zipName);
    const bytes = await contentOf(zip);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // Zip entry names are stored as written: the stack is in the archive.
    expect(bytes.toString('latin1')).toMatch(/orders-cdk\/lib\/[\w-]+-stack\.ts/);
    await page.screenshot({ path: info.outputPath('downloaded.png') });
  });
});

test.describe('the outputs of a large API', () => {
  test('shows the OpenAPI document of 1,000 operations as YAML and as JSON', async ({
    page,
  }, info) => {
    const outputs = new OutputsPage(page);
    await outputs.design.goto(LARGE.designId);
    await outputs.openTab('OpenAPI');
    await expect(outputs.design.codeLines()).toContainText('openapi: 3.0.3', { timeout: 20_000 });
    await outputs.format('JSON').click();
    await expect(outputs.design.codeLines()).toContainText('"openapi": "3.0.3"');
    await page.screenshot({ path: info.outputPath('large-openapi.png') });
  });
});

test.describe('findings on the canvas', () => {
  test('lists a finding in Problems, badges its node, and leads to it', async ({ page }, info) => {
    const outputs = new OutputsPage(page);
    await outputs.design.goto(LEGACY.designId);
    const backend = outputs.design.backend(LEGACY.backend.label);
    await expect(backend.getByTestId('findings-badge')).toHaveAccessibleName('1 error');
    await expect(outputs.tab('Problems')).toContainText('(1)');

    await outputs.openTab('Problems');
    const finding = outputs.problem(LEGACY.finding);
    await expect(finding).toBeVisible();
    await page.screenshot({ path: info.outputPath('problems.png') });

    await finding.click();
    await expect(backend).toHaveClass(/selected/);
    // A backend's finding is shown at the first operation it serves, in the rendered document.
    await expect(outputs.tab('OpenAPI')).toHaveAttribute('aria-selected', 'true');
    await expect(outputs.design.codeLines()).toContainText('/legacy');
    await page.screenshot({ path: info.outputPath('finding-revealed.png') });
  });

  test('leads from a finding deep in a collapsed group to its operation and its line in the model', async ({
    page,
  }, info) => {
    const outputs = new OutputsPage(page);
    await outputs.design.goto(LARGE.designId);
    await outputs.openTab('Problems');
    await outputs.problem(`${LARGE.deep.key} `).click();
    await expect(outputs.design.operation(LARGE.deep.key)).toHaveClass(/selected/);
    await expect(outputs.tab('Model')).toHaveAttribute('aria-selected', 'true');
    await expect(outputs.design.codeLines()).toContainText(`"operationId": "${LARGE.deep.name}"`);
    await page.screenshot({ path: info.outputPath('deep-finding-revealed.png') });
  });

  test("shows the server's findings when the CDK app cannot be exported", async ({
    page,
  }, info) => {
    const outputs = new OutputsPage(page);
    await outputs.design.goto(LEGACY.designId);
    await outputs.chooseDownload(/CDK/);
    await expect(outputs.downloadRefusal).toContainText('was not exported');
    await expect(outputs.downloadRefusal).toContainText(LEGACY.finding);
    await page.screenshot({ path: info.outputPath('cdk-refused.png') });
    await outputs.downloadRefusal.getByRole('button', { name: 'Dismiss' }).click();
    await expect(outputs.downloadRefusal).toBeHidden();
  });
});
