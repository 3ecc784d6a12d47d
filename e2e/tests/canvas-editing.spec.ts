import { CANVAS_EDITING as C, integrated } from '../fixtures/canvas-editing';
import { CanvasEditingPage } from '../pages/canvas-editing';
import { expect, test } from '../pages/test';

test.describe('editing on the canvas', () => {
  test('creates a Lambda by drag and drop and wires three operations to it, one by its handle and two at once', async ({
    designPage,
  }, info) => {
    const canvas = new CanvasEditingPage(designPage.page);
    await designPage.goto(C.designs.wiring);
    await expect(designPage.completeness).toContainText(integrated(0));

    await canvas.dropKindOnCanvas('Lambda function', { x: 700, y: 300 });
    const lambda = designPage.backend('Lambda 1');
    await expect(lambda).toBeVisible();
    await expect(lambda).toHaveClass(/selected/);
    await expect(canvas.status).toHaveText('Created Lambda 1.');
    await designPage.page.screenshot({ path: info.outputPath('lambda-dropped.png') });

    await designPage.wireByDrag(C.listPets, 'Lambda 1');
    await expect(designPage.completeness).toContainText(integrated(1));

    await designPage.selectOperation(C.createPet);
    await designPage.operation(C.showPet).click({ modifiers: ['Shift'] });
    await designPage.wireByDrag(C.createPet, 'Lambda 1');
    await expect(designPage.completeness).toContainText(integrated(3));
    await expect(lambda).toContainText('Serves 3 operations');
    await designPage.page.screenshot({ path: info.outputPath('three-wired.png') });

    // Two operations wired at once are one step of the history.
    await designPage.undoButton.click();
    await expect(designPage.completeness).toContainText(integrated(1));
    await designPage.redoButton.click();
    await expect(designPage.completeness).toContainText(integrated(3));
  });

  test('drops kinds on operations to create and wire in one gesture; a mock needs an operation', async ({
    designPage,
  }, info) => {
    const canvas = new CanvasEditingPage(designPage.page);
    await designPage.goto(C.designs.drops);
    await expect(designPage.completeness).toContainText(integrated(0));

    await canvas.dropKindOnOperation('HTTP endpoint', designPage.operation(C.deletePet));
    await expect(designPage.completeness).toContainText(integrated(1));
    await expect(designPage.backend('HTTP 1')).toContainText('No base URL yet');

    await canvas.dropKindOnOperation('Mock', designPage.operation(C.inventory));
    await expect(designPage.completeness).toContainText(integrated(2));
    await expect(designPage.page.getByTestId('inline-node')).toContainText(
      'Documented 200 response',
    );
    await designPage.page.screenshot({ path: info.outputPath('dropped-on-operations.png') });

    await designPage.undoButton.click();
    await expect(designPage.completeness).toContainText(integrated(1));
    await canvas.dropKindOnCanvas('Mock', { x: 60, y: 250 });
    await expect(canvas.status).toContainText('drop it on an operation');
    await expect(designPage.completeness).toContainText(integrated(1));

    // An operation's integration pastes onto the selected operations.
    await designPage.selectOperation(C.deletePet);
    await designPage.page.keyboard.press('Control+c');
    await expect(canvas.status).toHaveText('Copied 1 integration.');
    await designPage.selectOperation(C.listPets);
    await designPage.operation(C.createPet).click({ modifiers: ['Shift'] });
    await designPage.page.keyboard.press('Control+v');
    await expect(designPage.completeness).toContainText(integrated(3));
    await expect(designPage.backend('HTTP 1')).toContainText('Serves 3 operations');
  });

  test('applies a pattern, asking before it replaces integrations already there', async ({
    designPage,
  }, info) => {
    const canvas = new CanvasEditingPage(designPage.page);
    await designPage.goto(C.designs.patterns);

    // With an operation selected, Enter on a kind creates it and wires the operation.
    await designPage.selectOperation(C.listPets);
    await canvas.kind('Lambda function').focus();
    await designPage.page.keyboard.press('Enter');
    await expect(designPage.backend('Lambda 1')).toContainText('Serves 1 operation');
    await expect(designPage.completeness).toContainText(integrated(1));

    await canvas.pattern('Mock every operation from its examples').click();
    await expect(canvas.patternConfirm()).toContainText(
      '1 of 5 operations already have an integration',
    );
    await designPage.page.screenshot({ path: info.outputPath('pattern-confirm.png') });
    await canvas
      .patternConfirm()
      .getByRole('button', { name: 'Wire only the 4 not integrated' })
      .click();
    await expect(designPage.completeness).toContainText(integrated(5));
    await expect(designPage.backend('Lambda 1')).toContainText('Serves 1 operation');
    await expect(designPage.page.getByTestId('inline-node')).toHaveCount(4);
    await designPage.page.screenshot({ path: info.outputPath('pattern-applied.png') });

    await designPage.undoButton.click();
    await expect(designPage.completeness).toContainText(integrated(1));
  });

  test('auto-layout is one undoable step, and dragged positions survive a reload', async ({
    designPage,
  }, info) => {
    const canvas = new CanvasEditingPage(designPage.page);
    const store = C.group('store');
    await designPage.goto(C.designs.layout);
    await expect(designPage.operationNodes).toHaveCount(C.operationCount);
    const before = await canvas.positionOf(store);

    await canvas.autoLayoutButton.click();
    await expect.poll(() => canvas.positionOf(store)).not.toBe(before);
    await designPage.page.screenshot({ path: info.outputPath('auto-layout.png') });
    await designPage.undoButton.click();
    await expect.poll(() => canvas.positionOf(store)).toBe(before);

    // The shortcut does the same from the canvas.
    await designPage.canvas.click({ position: { x: 600, y: 10 } });
    await designPage.page.keyboard.press('Shift+L');
    await expect.poll(() => canvas.positionOf(store)).not.toBe(before);
    const laidOut = await canvas.positionOf(store);

    await canvas.dragNode(store, { x: 150, y: 60 });
    await expect.poll(() => canvas.positionOf(store)).not.toBe(laidOut);
    const dragged = await canvas.positionOf(store);
    await expect(designPage.saveStatus).toHaveText('Saved');
    await designPage.page.reload();
    await expect(designPage.operationNodes).toHaveCount(C.operationCount);
    expect(await canvas.positionOf(store)).toBe(dragged);
    await designPage.page.screenshot({ path: info.outputPath('positions-reloaded.png') });
  });

  test('deletes a backend and undoes it, copies and pastes one, duplicates and selects all', async ({
    designPage,
  }, info) => {
    const canvas = new CanvasEditingPage(designPage.page);
    const { page } = designPage;
    await designPage.goto(C.designs.clipboard);
    await canvas.pattern('One Lambda for every operation').click();
    await expect(designPage.completeness).toContainText(integrated(5));
    await expect(canvas.status).toHaveText('One Lambda for every operation: wired 5 operations.');
    const lambda = designPage.backend('Lambda 1');
    await expect(lambda).toContainText('Serves 5 operations');

    await lambda.click();
    await page.keyboard.press('Delete');
    await expect(lambda).toBeHidden();
    await expect(designPage.completeness).toContainText(integrated(0));
    await expect(canvas.status).toHaveText(
      'Removed backend "Lambda 1"; 5 operations are no longer integrated.',
    );
    await page.screenshot({ path: info.outputPath('backend-deleted.png') });
    await page.keyboard.press('Control+z');
    await expect(designPage.completeness).toContainText(integrated(5));

    await lambda.click();
    await page.keyboard.press('Control+c');
    await expect(canvas.status).toHaveText('Copied Lambda 1.');
    await page.keyboard.press('Control+v');
    const copy = designPage.backend('Lambda 1 copy');
    await expect(copy).toBeVisible();
    await expect(copy).toContainText('Serves 0 operations');
    await expect(copy).toHaveClass(/selected/);
    await page.screenshot({ path: info.outputPath('backend-pasted.png') });

    await page.keyboard.press('Control+d');
    await expect(designPage.page.getByTestId('backend-node')).toHaveCount(3);

    await page.keyboard.press('Control+a');
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(C.operationCount + 3);
    await page.keyboard.press('Backspace');
    await expect(designPage.page.getByTestId('backend-node')).toHaveCount(0);
    await expect(designPage.completeness).toContainText(integrated(0));
    await page.keyboard.press('Control+z');
    await expect(designPage.page.getByTestId('backend-node')).toHaveCount(3);
    await expect(designPage.completeness).toContainText(integrated(5));
  });

  test('the shortcuts help sheet opens and closes by keyboard, focus going back', async ({
    designPage,
  }, info) => {
    const canvas = new CanvasEditingPage(designPage.page);
    const { page } = designPage;
    await designPage.goto(C.designs.layout);
    await expect(designPage.operationNodes).toHaveCount(C.operationCount);

    await designPage.canvas.click({ position: { x: 600, y: 10 } });
    await page.keyboard.press('?');
    await expect(canvas.helpSheet).toBeVisible();
    await expect(canvas.helpSheet).toContainText('Auto-layout, then fit the view');
    await expect(canvas.helpSheet.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.screenshot({ path: info.outputPath('shortcuts-help.png') });
    await page.keyboard.press('Escape');
    await expect(canvas.helpSheet).toBeHidden();

    await canvas.shortcutsButton.focus();
    await page.keyboard.press('Enter');
    await expect(canvas.helpSheet).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(canvas.helpSheet).toBeHidden();
    await expect(canvas.shortcutsButton).toBeFocused();
  });
});
