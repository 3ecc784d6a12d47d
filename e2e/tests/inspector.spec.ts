import { INSPECTOR } from '../fixtures/inspector';
import { InspectorPanel } from '../pages/inspector';
import { expect, test } from '../pages/test';

const { getItem, deleteItem, lambda } = INSPECTOR;

test.describe('the inspector', () => {
  test('mocks an operation from its documented 200, shows the example, and keeps custom and documented apart', async ({
    designPage,
    page,
  }, info) => {
    const inspector = new InspectorPanel(page);
    await designPage.goto(INSPECTOR.designId);
    await designPage.serve(getItem.key, getItem.mock);

    await expect(inspector.mode('A documented response')).toBeChecked();
    await expect(inspector.mockExampleBody).toContainText(getItem.exampleText);
    await page.screenshot({ path: info.outputPath('mock-documented.png') });

    // Custom starts as a copy of the documented answer, ready to edit.
    await inspector.mode('Custom status and body').check();
    await expect(inspector.field('Body')).toHaveValue(new RegExp(getItem.exampleText));
    await inspector.fill('Status code', getItem.customStatus);
    await inspector.field('Body').fill('{"teapot": ');
    await expect(inspector.root.getByText('The body is not valid JSON')).toBeVisible();
    await inspector.field('Body').fill(getItem.customBody);
    await inspector.field('Status code').focus();
    await expect(inspector.root.getByText('The body is not valid JSON')).toBeHidden();
    await page.screenshot({ path: info.outputPath('mock-custom.png') });

    // Back and forth: each mode keeps what it had.
    await inspector.mode('A documented response').check();
    await expect(inspector.field('Documented response')).toHaveValue('200');
    await expect(inspector.mockExampleBody).toContainText(getItem.exampleText);
    await inspector.mode('Custom status and body').check();
    await expect(inspector.field('Status code')).toHaveValue(getItem.customStatus);
    await expect(inspector.field('Body')).toHaveValue(getItem.customBody);

    await inspector.definitionTab.click();
    await expect.poll(() => inspector.definitionText()).toContain('type: MOCK');
    await expect
      .poll(() => inspector.definitionText())
      .toContain(`statusCode": ${getItem.customStatus}`);

    await expect(designPage.saveStatus).toHaveText('Saved');
    await page.reload();
    await designPage.selectOperation(getItem.key);
    await inspector.settingsTab.click();
    await expect(inspector.field('Status code')).toHaveValue(getItem.customStatus);
    await expect(inspector.field('Body')).toHaveValue(getItem.customBody);
  });

  test('serves an operation over HTTP with its path-parameter mapping, and the Definition follows each edit', async ({
    designPage,
    page,
  }, info) => {
    const inspector = new InspectorPanel(page);
    await designPage.goto(INSPECTOR.designId);
    await designPage.serve(deleteItem.key, deleteItem.backendChoice);

    await expect(inspector.pathHints).toContainText(deleteItem.mapping);
    await expect(inspector.pathHints).toContainText(deleteItem.uri);
    await page.screenshot({ path: info.outputPath('http-hints.png') });

    await inspector.definitionTab.click();
    await expect.poll(() => inspector.definitionText()).toContain('type: HTTP_PROXY');
    await expect.poll(() => inspector.definitionText()).toContain(`uri: ${deleteItem.uri}`);
    await expect.poll(() => inspector.definitionText()).toContain('httpMethod: DELETE');
    await page.screenshot({ path: info.outputPath('http-definition.png') });

    await inspector.settingsTab.click();
    await inspector.fill('Path on the backend', deleteItem.badPath);
    await inspector.field('Method sent to the backend').selectOption('POST');
    await expect(inspector.pathHints).toContainText('The URL uses {thingId}');
    await expect(inspector.pathHints).toContainText(deleteItem.badUri);

    await inspector.definitionTab.click();
    await expect.poll(() => inspector.definitionText()).toContain(`uri: ${deleteItem.badUri}`);
    await expect.poll(() => inspector.definitionText()).toContain('httpMethod: POST');

    // Undo walks back one field at a time.
    await designPage.undoButton.click();
    await expect.poll(() => inspector.definitionText()).toContain('httpMethod: DELETE');
    await expect.poll(() => inspector.definitionText()).toContain(`uri: ${deleteItem.badUri}`);
    await designPage.undoButton.click();
    await expect.poll(() => inspector.definitionText()).toContain(`uri: ${deleteItem.uri}`);
    await designPage.redoButton.click();
    await expect.poll(() => inspector.definitionText()).toContain(`uri: ${deleteItem.badUri}`);

    // Undo right after typing, without Enter: the typing is what it takes back.
    await inspector.settingsTab.click();
    await inspector.field('Timeout (ms)').fill('5000');
    await designPage.undoButton.click();
    await expect(inspector.field('Timeout (ms)')).toHaveValue('');
    await expect(inspector.field('Path on the backend')).toHaveValue(deleteItem.badPath);
    await designPage.redoButton.click();
    await expect(inspector.field('Timeout (ms)')).toHaveValue('5000');

    await expect(designPage.saveStatus).toHaveText('Saved');
    await page.reload();
    await designPage.selectOperation(deleteItem.key);
    await expect(inspector.field('Timeout (ms)')).toHaveValue('5000');
    await expect(inspector.field('Path on the backend')).toHaveValue(deleteItem.badPath);
    await expect(inspector.field('Method sent to the backend')).toHaveValue('');
  });

  test('edits a Lambda backend’s runtime, memory and handler code, each one undo step', async ({
    designPage,
    page,
  }, info) => {
    const inspector = new InspectorPanel(page);
    await designPage.goto(INSPECTOR.designId);
    await designPage.backend(lambda.label).click();
    await expect(inspector.field('Runtime')).toHaveValue(lambda.runtime.from);
    await expect(
      inspector.field('Runtime').locator('option', { hasText: lambda.runtime.deprecated }),
    ).toHaveCount(1);
    await expect.poll(() => inspector.codeText()).toContain('export const handler');

    await inspector.field('Runtime').selectOption(lambda.runtime.to);
    await inspector.fill('Memory (MiB)', lambda.memory.to);
    await inspector.appendCode(lambda.codeLine);
    await page.screenshot({ path: info.outputPath('lambda-backend.png') });

    // A value Lambda refuses is named next to its field while typing.
    await inspector.field('Memory (MiB)').fill('64');
    await expect(
      inspector.root.getByText(/Memory 64 MiB .* is outside 128\.\.10240/),
    ).toBeVisible();
    await inspector.field('Memory (MiB)').press('Escape');
    await expect(inspector.field('Memory (MiB)')).toHaveValue(lambda.memory.to);

    await designPage.undoButton.click();
    await expect.poll(() => inspector.codeText()).not.toContain('e2e was here');
    await expect(inspector.field('Memory (MiB)')).toHaveValue(lambda.memory.to);
    await designPage.undoButton.click();
    await expect(inspector.field('Memory (MiB)')).toHaveValue(lambda.memory.from);
    await expect(inspector.field('Runtime')).toHaveValue(lambda.runtime.to);
    await designPage.undoButton.click();
    await expect(inspector.field('Runtime')).toHaveValue(lambda.runtime.from);

    await designPage.redoButton.click();
    await expect(inspector.field('Runtime')).toHaveValue(lambda.runtime.to);
    await designPage.redoButton.click();
    await expect(inspector.field('Memory (MiB)')).toHaveValue(lambda.memory.to);
    await designPage.redoButton.click();
    await expect.poll(() => inspector.codeText()).toContain(lambda.codeLine);

    // The backend's Definition is that of the operations it serves.
    await inspector.definitionTab.click();
    await expect.poll(() => inspector.definitionText()).toContain(lambda.servedKey);
    await expect.poll(() => inspector.definitionText()).toContain('type: AWS_PROXY');
    await page.screenshot({ path: info.outputPath('lambda-definition.png') });

    await expect(designPage.saveStatus).toHaveText('Saved');
    await page.reload();
    await designPage.backend(lambda.label).click();
    await expect(inspector.field('Runtime')).toHaveValue(lambda.runtime.to);
    await expect(inspector.field('Memory (MiB)')).toHaveValue(lambda.memory.to);
    await expect.poll(() => inspector.codeText()).toContain(lambda.codeLine);

    // The operations it serves are a click away.
    await inspector.settingsTab.click();
    await inspector.root.getByRole('button', { name: lambda.servedKey }).click();
    await expect(inspector.root.getByRole('heading', { name: lambda.servedName })).toBeVisible();
    await expect(inspector.field('Timeout (ms)')).toBeVisible();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: info.outputPath('lambda-operation-dark.png') });
  });

  test('shows a raw integration read-only, with why it is kept raw', async ({
    designPage,
    page,
  }, info) => {
    const inspector = new InspectorPanel(page);
    await designPage.goto(INSPECTOR.designId);
    await designPage.selectOperation(INSPECTOR.raw.key);
    const raw = inspector.root.getByRole('region', { name: 'Raw integration' });
    await expect(raw).toContainText('type AWS');
    await expect(raw.getByTestId('raw-reason')).toContainText(INSPECTOR.raw.reason);
    await page.screenshot({ path: info.outputPath('raw-integration.png') });
  });

  test('with nothing selected, names the API and shows the design at a glance', async ({
    designPage,
    page,
  }, info) => {
    const inspector = new InspectorPanel(page);
    await designPage.goto(INSPECTOR.designId);
    await expect(inspector.root.getByRole('heading', { name: 'Design' })).toBeVisible();
    await expect(inspector.field('API name')).toHaveAttribute('placeholder', 'Items');
    await expect(inspector.root).toContainText('Operations integrated');
    await page.screenshot({ path: info.outputPath('design-summary.png') });
  });
});
