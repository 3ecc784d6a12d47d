import type { Page } from '@playwright/test';
import { FLOW, integrated } from '../fixtures/designer-flow';
import { CanvasEditingPage } from '../pages/canvas-editing';
import { DesignPage } from '../pages/design-page';
import { InspectorPanel } from '../pages/inspector';
import { ModelTextPage, readModelOnDisk } from '../pages/model-text';
import { expect, test } from '../pages/test';

/** The saved design's OpenAPI document as the server renders it, for the checks a person would make by downloading it. */
async function renderedOperations(page: Page) {
  const response = await page.request.get(
    `/api/designs/${encodeURIComponent(FLOW.designId)}/openapi?format=json`,
  );
  expect(response.ok()).toBe(true);
  const document = (await response.json()) as {
    paths: Record<string, Record<string, { 'x-amazon-apigateway-integration'?: unknown }>>;
  };
  return (key: string) => {
    const [method, path] = key.split(' ') as [string, string];
    return document.paths[path]?.[method.toLowerCase()]?.['x-amazon-apigateway-integration'];
  };
}

// Issue 4's "Checks that must hold", in order, on one design: each step builds on the last.
test.describe.serial('the designer, from an unwired model to a saved design', () => {
  test('builds every kind of integration, undoes and redoes each step, edits the text, and keeps it all', async ({
    designPage,
    context,
  }, info) => {
    test.slow();
    const page = designPage.page;
    const canvas = new CanvasEditingPage(page);
    const inspector = new InspectorPanel(page);
    const text = new ModelTextPage(page);
    await designPage.goto(FLOW.designId);
    await expect(designPage.operationNodes).toHaveCount(5);
    await expect(designPage.completeness).toContainText(integrated(0));

    // A Lambda from the palette, serving three operations: one wired by its handle, two at once.
    await canvas.dropKindOnCanvas('Lambda function', { x: 700, y: 260 });
    await expect(designPage.backend('Lambda 1')).toBeVisible();
    await designPage.wireByDrag(FLOW.listPets, 'Lambda 1');
    await expect(designPage.completeness).toContainText(integrated(1));
    await designPage.selectOperation(FLOW.createPet);
    await designPage.operation(FLOW.showPet).click({ modifiers: ['Shift'] });
    await designPage.wireByDrag(FLOW.createPet, 'Lambda 1');
    await expect(designPage.completeness).toContainText(integrated(3));
    await expect(designPage.backend('Lambda 1')).toContainText('Serves 3 operations');

    // A mock of the documented 200, chosen in the inspector.
    await designPage.serve(FLOW.inventory, 'Mock: documented 200');
    await expect(designPage.completeness).toContainText(integrated(4));
    await expect(inspector.mockExampleBody).toContainText('available');

    // An HTTP integration: the kind dropped on the operation, then its URL in the inspector.
    await canvas.dropKindOnOperation('HTTP endpoint', designPage.operation(FLOW.deletePet));
    await expect(designPage.completeness).toContainText(integrated(5));
    await designPage.backend('HTTP 1').click();
    await inspector.fill('Base URL', FLOW.httpBaseUrl);
    await expect(designPage.backend('HTTP 1')).not.toContainText('No base URL yet');
    await page.screenshot({ path: info.outputPath('flow-all-kinds.png') });

    // What each operation renders to, in the inspector's Definition.
    const expectDefinition = async (key: string, parts: RegExp[]) => {
      await designPage.selectOperation(key);
      await inspector.definitionTab.click();
      // The editor loads, then draws the lines.
      for (const part of parts) await expect.poll(() => inspector.definitionText()).toMatch(part);
      await inspector.settingsTab.click();
    };
    await expectDefinition(FLOW.listPets, [/type: AWS_PROXY/, /Lambda1Function\.Arn/]);
    await expectDefinition(FLOW.inventory, [/type: MOCK/, /statusCode.*200/]);
    await expectDefinition(FLOW.deletePet, [
      /type: HTTP_PROXY/,
      /uri: https:\/\/pets\.example\.com\/pets\/\{petId\}/,
    ]);

    // Undo each of the six steps, then redo them.
    const afterUndo = [5, 4, 3, 1, 0, 0];
    for (const count of afterUndo) {
      await designPage.undoButton.click();
      await expect(designPage.completeness).toContainText(integrated(count));
    }
    await expect(designPage.backend('Lambda 1')).toHaveCount(0);
    await expect(designPage.undoButton).toBeDisabled();
    for (const count of [0, 1, 3, 4, 5, 5]) {
      await designPage.redoButton.click();
      await expect(designPage.completeness).toContainText(integrated(count));
    }
    await expect(designPage.backend('HTTP 1')).not.toContainText('No base URL yet');
    await expect(designPage.redoButton).toBeDisabled();

    // The saved document carries each integration.
    await expect(designPage.saveStatus).toHaveText('Saved');
    const integrationOf = await renderedOperations(page);
    for (const key of [FLOW.listPets, FLOW.createPet, FLOW.showPet])
      expect(integrationOf(key)).toMatchObject({ type: 'AWS_PROXY', httpMethod: 'POST' });
    expect(integrationOf(FLOW.inventory)).toMatchObject({ type: 'MOCK' });
    expect(integrationOf(FLOW.deletePet)).toMatchObject({
      type: 'HTTP_PROXY',
      uri: `${FLOW.httpBaseUrl}/pets/{petId}`,
    });

    // The model text grows an operation: it appears on the canvas, unwired.
    await designPage.openCodeTab('Model');
    const original = await readModelOnDisk(FLOW.designId);
    const grown = original.replace('paths:\n', `paths:\n${FLOW.added.yaml}`);
    await text.replaceText(grown);
    await expect(designPage.operation(FLOW.added.key)).toBeVisible();
    await expect(designPage.completeness).toContainText(integrated(5, 6));

    // Broken text: the error at its line, the canvas as it was, nothing typed lost.
    await text.replaceText(grown.replace('paths:\n', 'paths:\n  /broken: [\n'));
    await expect(text.errorBanner).toContainText(/Line \d+:/);
    await expect(designPage.operationNodes).toHaveCount(6);
    await expect(designPage.completeness).toContainText(integrated(5, 6));
    await page.screenshot({ path: info.outputPath('flow-broken-text.png') });
    await text.replaceText(grown);
    await expect(text.errorBanner).toBeHidden();

    // Reload: the design and the text were saved.
    await expect(designPage.saveStatus).toHaveText('Saved');
    await page.reload();
    await expect(designPage.completeness).toContainText(integrated(5, 6));
    await expect(designPage.operation(FLOW.added.key)).toBeVisible();
    await expect(designPage.backend('Lambda 1')).toContainText('Serves 3 operations');
    expect(await readModelOnDisk(FLOW.designId)).toBe(grown);

    // A second tab saves first; this tab's save over the revision it read is refused and shown.
    // (Live updates would load the other save at once; with the stream down, the refusal shows.)
    await page.route('**/events', (route) => route.abort());
    await page.reload();
    await expect(designPage.saveStatus).toHaveText('Saved');
    const other = new DesignPage(await context.newPage());
    await other.goto(FLOW.designId);
    await other.serve(FLOW.added.key, 'Mock: documented 200');
    await expect(other.saveStatus).toHaveText('Saved');
    await designPage.serve(FLOW.added.key, 'Lambda: Lambda 1');
    await expect(designPage.conflictBanner).toBeVisible();
    await page.screenshot({ path: info.outputPath('flow-conflict.png') });
    await designPage.conflictBanner.getByRole('button', { name: 'Reload theirs' }).click();
    await expect(designPage.conflictBanner).toBeHidden();
    await designPage.selectOperation(FLOW.added.key);
    await expect(designPage.servedBy).toHaveValue('mock:200');
    await other.page.close();
  });
});
