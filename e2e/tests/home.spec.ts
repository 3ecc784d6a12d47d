import {
  BROKEN,
  COLLIDING,
  DELETED,
  DROPPED,
  NOT_A_MODEL,
  PASTED,
  RENAMED,
  SAMPLE_COPY,
  UPLOADED,
} from '../fixtures/home';
import { HomeCreate } from '../pages/home-create';
import type { HomePage } from '../pages/home-page';
import { expect, test } from '../pages/test';

const designUrl = (id: string) => `/designs/${encodeURIComponent(id)}`;
const row = (homePage: HomePage, id: string) => homePage.designs.filter({ hasText: id });

test.describe('creating a design on the home page', () => {
  test('from an uploaded file, under a path derived from its title', async ({
    homePage,
    designPage,
  }, info) => {
    await homePage.goto();
    const create = new HomeCreate(homePage.page);
    await create.upload(UPLOADED.fileName, UPLOADED.text);
    await expect(create.dialog).toHaveAccessibleName(`Create a design from ${UPLOADED.fileName}`);
    await expect(create.modelText).toHaveValue(UPLOADED.text);
    await expect(create.saveAs).toHaveValue(UPLOADED.designId);
    await expect(create.saveAs).toBeFocused();
    await homePage.page.screenshot({ path: info.outputPath('create-upload.png') });

    await create.createButton.click();
    await expect(homePage.page).toHaveURL(designUrl(UPLOADED.designId));
    await expect(designPage.operation(UPLOADED.operation)).toBeVisible();

    await homePage.goto();
    await expect(row(homePage, UPLOADED.designId)).toContainText('0 of 1');
    await homePage.page.screenshot({ path: info.outputPath('home-light.png') });
    await homePage.page.emulateMedia({ colorScheme: 'dark' });
    await homePage.page.screenshot({ path: info.outputPath('home-dark.png') });
  });

  test('from pasted JSON, guessing its format', async ({ homePage, designPage }, info) => {
    await homePage.goto();
    const create = new HomeCreate(homePage.page);
    await create.paste(PASTED.text);
    await expect(create.dialog).toHaveAccessibleName('Paste a model');
    await expect(create.dialog).toContainText('Format: JSON (guessed from the text)');
    await expect(create.saveAs).toHaveValue(PASTED.designId);
    await homePage.page.screenshot({ path: info.outputPath('create-paste.png') });

    await create.createButton.click();
    await expect(homePage.page).toHaveURL(designUrl(PASTED.designId));
    await expect(designPage.operation(PASTED.operation)).toBeVisible();
  });

  test('from the sample, in a free folder beside the sample itself', async ({
    homePage,
    designPage,
  }, info) => {
    await homePage.goto();
    const create = new HomeCreate(homePage.page);
    await create.sampleButton.click();
    await expect(create.saveAs).toHaveValue(SAMPLE_COPY.designId);
    await create.createButton.click();
    await expect(homePage.page).toHaveURL(designUrl(SAMPLE_COPY.designId));
    await expect(designPage.operationNodes).toHaveCount(SAMPLE_COPY.operationCount);
    await homePage.page.screenshot({ path: info.outputPath('create-sample.png') });

    // The copy has the sample's name: take it away again, so other specs find one sample.
    await homePage.goto();
    await create.rowAction('Delete', SAMPLE_COPY.designId).click();
    await expect(row(homePage, SAMPLE_COPY.designId)).toHaveCount(0);
  });

  test('by dropping a file anywhere on the page', async ({ homePage, designPage }, info) => {
    await homePage.goto();
    const create = new HomeCreate(homePage.page);
    await create.dragFile(DROPPED.fileName, DROPPED.text, false);
    await expect(create.dropZone).toBeVisible();
    await homePage.page.screenshot({ path: info.outputPath('drop-zone.png') });

    await create.dragFile(DROPPED.fileName, DROPPED.text);
    await expect(create.dropZone).toBeHidden();
    await expect(create.dialog).toHaveAccessibleName(`Create a design from ${DROPPED.fileName}`);
    await expect(create.saveAs).toHaveValue(DROPPED.designId);
    await create.createButton.click();
    await expect(homePage.page).toHaveURL(designUrl(DROPPED.designId));
    await expect(designPage.operation(DROPPED.operation)).toBeVisible();
  });

  test('refuses a dropped file that is not a model, saying why', async ({ homePage }, info) => {
    await homePage.goto();
    const create = new HomeCreate(homePage.page);
    await create.dragFile(NOT_A_MODEL.fileName, NOT_A_MODEL.text);
    await expect(create.alert.filter({ hasText: NOT_A_MODEL.fileName })).toContainText(
      'is not a model file',
    );
    await expect(create.dialog).toBeHidden();
    await homePage.page.screenshot({ path: info.outputPath('drop-refused.png') });
  });

  test('says when the path is taken and offers a free one', async ({ homePage }, info) => {
    await homePage.goto();
    const create = new HomeCreate(homePage.page);
    await create.paste(COLLIDING.text, COLLIDING.takenId);
    await create.createButton.click();
    const refusal = create.dialog.getByRole('alert');
    await expect(refusal).toContainText('already exists');
    await expect(create.saveAs).toHaveAttribute('aria-invalid', 'true');
    await expect(create.modelText).toHaveValue(COLLIDING.text);
    await homePage.page.screenshot({ path: info.outputPath('create-collision.png') });

    await refusal.getByRole('button', { name: `Use ${COLLIDING.freeId}` }).click();
    await expect(create.saveAs).toHaveValue(COLLIDING.freeId);
    await create.createButton.click();
    await expect(homePage.page).toHaveURL(designUrl(COLLIDING.freeId));
  });

  test('keeps a model that does not parse, and the design shows its error', async ({
    homePage,
  }, info) => {
    await homePage.goto();
    const create = new HomeCreate(homePage.page);
    await create.paste(BROKEN.text);
    await expect(create.saveAs).toHaveValue(BROKEN.designId);
    await create.createButton.click();
    await expect(homePage.page).toHaveURL(designUrl(BROKEN.designId));
    // The design opens on its text, with the error and its line, ready to be fixed.
    const banner = homePage.page.getByTestId('model-error-banner');
    await expect(banner).toContainText('The model does not load yet');
    await expect(banner).toContainText(/Line \d+:/);
    await expect(homePage.page.getByTestId('model-editor')).toBeVisible();
    await homePage.page.screenshot({ path: info.outputPath('create-broken.png') });

    await homePage.goto();
    await expect(row(homePage, BROKEN.designId)).toBeVisible();
  });
});

test.describe('managing designs on the home page', () => {
  test('renames a design, showing the server’s reason next to the field', async ({
    homePage,
  }, info) => {
    await homePage.goto();
    const create = new HomeCreate(homePage.page);
    await create.createFromPaste(RENAMED.text, RENAMED.designId);
    await homePage.goto();

    await create.rowAction('Rename', RENAMED.designId).click();
    await expect(create.renameName).toBeFocused();
    await expect(create.renameName).toHaveValue(RENAMED.name);
    await create.renamePath.fill(RENAMED.takenId);
    await create.renamePath.press('Enter');
    await expect(create.dialog.getByRole('alert')).toContainText('already exists');
    await expect(create.renamePath).toHaveAttribute('aria-invalid', 'true');
    await homePage.page.screenshot({ path: info.outputPath('rename-refused.png') });

    await create.renameName.fill(RENAMED.newName);
    await create.renamePath.fill(RENAMED.newId);
    await create.renamePath.press('Enter');
    await expect(create.dialog).toBeHidden();
    await expect(create.status).toContainText(
      `Renamed ${RENAMED.name} to ${RENAMED.newName}. Moved ${RENAMED.designId} to ${RENAMED.newId}.`,
    );
    await expect(row(homePage, RENAMED.newId)).toContainText(RENAMED.newName);
    await expect(row(homePage, RENAMED.designId)).toHaveCount(0);
    const design = await homePage.open(RENAMED.newName);
    await expect(homePage.page).toHaveURL(designUrl(RENAMED.newId));
    await expect(design.page.getByRole('heading', { level: 1 })).toHaveText(RENAMED.newName);
  });

  test('deletes a design and brings it back with Undo, from the keyboard', async ({
    homePage,
  }, info) => {
    await homePage.goto();
    const create = new HomeCreate(homePage.page);
    await create.createFromPaste(DELETED.text, DELETED.designId);
    await homePage.goto();
    await expect(row(homePage, DELETED.designId)).toBeVisible();

    await create.rowAction('Delete', DELETED.designId).focus();
    await homePage.page.keyboard.press('Enter');
    await expect(row(homePage, DELETED.designId)).toHaveCount(0);
    await expect(create.status).toContainText(`Deleted ${DELETED.name}`);
    const undo = create.status.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeFocused();
    await homePage.page.screenshot({ path: info.outputPath('deleted-undo.png') });

    await homePage.page.keyboard.press('Enter');
    await expect(create.status).toContainText(`Restored ${DELETED.name}`);
    await expect(row(homePage, DELETED.designId)).toBeVisible();

    // The restore happened on the server: a reload finds the design too.
    await homePage.page.reload();
    await expect(row(homePage, DELETED.designId)).toBeVisible();
  });
});
