import { LARGE } from '../fixtures/large-model';
import { PETSTORE } from '../fixtures/scenarios';
import { expect, test } from '../pages/test';

test.describe('search', () => {
  test('finds an operation by name and selects it', async ({ designPage }) => {
    await designPage.goto(PETSTORE.designId);
    await expect(designPage.operationNodes).toHaveCount(PETSTORE.operations.length);
    await designPage.searchAndChoose('showpet', PETSTORE.showPet.key);
    await expect(designPage.inspector).toContainText(PETSTORE.showPet.name);
    await expect(designPage.operation(PETSTORE.showPet.key)).toHaveClass(/selected/);
  });

  test('with 1,000 operations, focuses one deep in a collapsed group', async ({
    designPage,
  }, info) => {
    await designPage.goto(LARGE.designId);
    await expect(designPage.completeness).toContainText(`of ${LARGE.operationCount} operations`);
    const deep = designPage.operation(LARGE.deep.key);
    await expect(deep).toHaveCount(0);

    await designPage.searchAndChoose(LARGE.deep.name, LARGE.deep.key);

    await expect(deep).toBeInViewport();
    await expect(deep).toHaveClass(/selected/);
    await expect(designPage.inspector).toContainText(LARGE.deep.name);
    await designPage.page.screenshot({ path: info.outputPath('search-focus-1000.png') });
  });

  test('opens with /, and keeps the option the arrow keys reach in view', async ({
    designPage,
  }) => {
    await designPage.goto(LARGE.designId);
    await expect(designPage.completeness).toContainText(`of ${LARGE.operationCount} operations`);
    await designPage.canvas.click({ position: { x: 600, y: 400 } });
    await designPage.page.keyboard.press('/');
    await expect(designPage.search).toBeFocused();
    await designPage.page.keyboard.type('get');
    for (let step = 0; step < 15; step++) await designPage.page.keyboard.press('ArrowDown');
    const active = designPage.searchResults.and(designPage.page.locator('[aria-selected="true"]'));
    await expect(active).toHaveCount(1);
    await expect(active).toBeInViewport();
  });
});
