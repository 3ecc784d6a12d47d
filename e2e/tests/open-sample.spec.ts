import { DRAFTS, PETSTORE } from '../fixtures/scenarios';
import { expect, test } from '../pages/test';

test.describe('the sample design', () => {
  test('is listed on the home page with its size and completeness', async ({ homePage }, info) => {
    await homePage.goto();
    const row = homePage.design(PETSTORE.name);
    await expect(row).toBeVisible();
    await expect(row).toContainText(PETSTORE.designId);
    await expect(row).toContainText(`${PETSTORE.integratedCount} of ${PETSTORE.operations.length}`);
    await homePage.page.screenshot({ path: info.outputPath('home.png') });
  });

  test('opens on a canvas with every operation and the completeness count', async ({
    homePage,
  }, info) => {
    await homePage.goto();
    const design = await homePage.open(PETSTORE.name);
    await expect(homePage.page).toHaveURL(`/designs/${encodeURIComponent(PETSTORE.designId)}`);
    await expect(design.operationNodes).toHaveCount(PETSTORE.operations.length);
    for (const key of PETSTORE.operations) await expect(design.operation(key)).toBeVisible();
    await expect(design.completeness).toHaveText(
      `${PETSTORE.integratedCount} of ${PETSTORE.operations.length} operations integrated`,
    );
    await design.page.screenshot({ path: info.outputPath('design.png') });
  });

  test('shows the selected operation in the inspector', async ({ designPage }, info) => {
    await designPage.goto(PETSTORE.designId);
    await expect(designPage.inspector).toContainText('Select a node');
    await designPage.selectOperation(PETSTORE.showPet.key);
    await expect(designPage.inspector).toContainText(PETSTORE.showPet.key);
    await expect(designPage.inspector).toContainText(PETSTORE.showPet.name);
    await designPage.page.screenshot({ path: info.outputPath('inspector.png') });
  });

  test('renders its OpenAPI document with the API Gateway integrations', async ({
    designPage,
  }, info) => {
    await designPage.goto(PETSTORE.designId);
    await designPage.openCodeTab('OpenAPI');
    await expect(designPage.codeLines()).toContainText('openapi');
    await designPage.findInCode('x-amazon-apigateway-integration');
    await expect(designPage.codeLines()).toContainText('x-amazon-apigateway-integration');
    await designPage.page.screenshot({ path: info.outputPath('openapi.png') });
  });
});

test.describe('a model without a design', () => {
  test('opens with every operation marked as not integrated', async ({ homePage }, info) => {
    await homePage.goto();
    await expect(homePage.design(DRAFTS.name)).toContainText(`0 of ${DRAFTS.operations.length}`);
    const design = await homePage.open(DRAFTS.name);
    await expect(design.completeness).toContainText(
      `0 of ${DRAFTS.operations.length} operations integrated`,
    );
    for (const key of DRAFTS.operations) {
      await expect(design.operation(key)).toContainText('Not integrated');
    }
    await expect(design.groupToggle(DRAFTS.untaggedGroup)).toBeVisible();
    await design.page.screenshot({ path: info.outputPath('unwired.png') });
  });
});
