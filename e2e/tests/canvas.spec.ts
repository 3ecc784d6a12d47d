import { PETSTORE } from '../fixtures/scenarios';
import { expect, test } from '../pages/test';

const PETS_TAG = 'pets';
const petsOperations = PETSTORE.operations.filter((key) => key.includes('/pets'));

test.describe('the canvas', () => {
  test('collapses a group from the keyboard, its operations hidden, and expands it again', async ({
    designPage,
  }, info) => {
    await designPage.goto(PETSTORE.designId);
    await expect(designPage.operationNodes).toHaveCount(PETSTORE.operations.length);
    const toggle = designPage.groupToggle(PETS_TAG);

    await toggle.focus();
    await designPage.page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(designPage.operationNodes).toHaveCount(
      PETSTORE.operations.length - petsOperations.length,
    );
    await designPage.page.screenshot({ path: info.outputPath('group-collapsed.png') });

    await designPage.page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(designPage.operationNodes).toHaveCount(PETSTORE.operations.length);
  });

  test('selects an operation from the keyboard', async ({ designPage }) => {
    await designPage.goto(PETSTORE.designId);
    await designPage.selectOperationByKeyboard(PETSTORE.showPet.key);
    await expect(designPage.inspector).toContainText(PETSTORE.showPet.name);
  });
});

test.describe('in a dark color scheme', () => {
  test.use({ colorScheme: 'dark' });

  test('the design view follows the system', async ({ designPage }, info) => {
    await designPage.goto(PETSTORE.designId);
    await expect(designPage.operationNodes).toHaveCount(PETSTORE.operations.length);
    const background = await designPage.page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    expect(background).not.toBe('rgb(255, 255, 255)');
    await designPage.page.screenshot({ path: info.outputPath('design-dark.png') });
  });
});
