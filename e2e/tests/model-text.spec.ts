import { MODEL_TEXT } from '../fixtures/model-text';
import { ModelTextPage, readModelOnDisk, writeModelOnDisk } from '../pages/model-text';
import { expect, test } from '../pages/test';

const total = (count: number) => `0 of ${count} operations integrated`;

test.describe('editing the model text', () => {
  test('adds an operation in the text, keeps the canvas while the text is broken, undoes and redoes the text, and saves it', async ({
    designPage,
    page,
  }, info) => {
    const modelText = new ModelTextPage(page);
    await designPage.goto(MODEL_TEXT.designId);
    await expect(designPage.completeness).toContainText(total(1));
    await expect(modelText.lines()).toContainText('listNotes');

    await modelText.pasteAtEnd(MODEL_TEXT.addedPath);
    await expect(designPage.operation(MODEL_TEXT.added.key)).toBeVisible();
    await expect(designPage.operation(MODEL_TEXT.added.key)).toContainText('Not integrated');
    await expect(designPage.completeness).toContainText(total(2));
    await page.screenshot({ path: info.outputPath('operation-added.png') });

    // One burst of typing is one step of the design's history.
    await designPage.undoButton.click();
    await expect(designPage.operation(MODEL_TEXT.added.key)).toHaveCount(0);
    await expect(designPage.completeness).toContainText(total(1));
    await expect(modelText.lines()).not.toContainText('listTags');
    await designPage.redoButton.click();
    await expect(designPage.operation(MODEL_TEXT.added.key)).toBeVisible();
    await expect(modelText.lines()).toContainText('listTags');
    // The shortcuts outside the editor walk the same history.
    await page.keyboard.press('Control+z');
    await expect(designPage.operation(MODEL_TEXT.added.key)).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(designPage.operation(MODEL_TEXT.added.key)).toBeVisible();

    await modelText.pasteAtEnd(MODEL_TEXT.brokenLine);
    await expect(modelText.errorBanner).toContainText(
      'The model has errors — the canvas shows the last version that parsed',
    );
    await expect(modelText.errorBanner).toContainText(/Line \d+: The model is not valid YAML/);
    // The banner's button brings the line into view, where the editor marks the error,
    // from another tab too.
    await designPage.openCodeTab('OpenAPI');
    await modelText.errorBanner.getByRole('button', { name: /^Show line \d+$/ }).click();
    await expect(modelText.errorMarkers.first()).toBeVisible();
    // The canvas keeps the last model that read; nothing typed is thrown away.
    await expect(designPage.operationNodes).toHaveCount(2);
    await expect(modelText.lines()).toContainText('/broken: [');
    await page.screenshot({ path: info.outputPath('model-broken.png') });
    await expect(designPage.saveStatus).toHaveText('Saved');
    expect(await readModelOnDisk(MODEL_TEXT.designId)).toContain('/broken: [');

    // The editor's own undo, inside the editor, takes the broken line back out.
    await modelText.undoInEditor();
    await expect(modelText.errorBanner).toBeHidden();
    await expect(modelText.lines()).not.toContainText('/broken');
    await expect(designPage.completeness).toContainText(total(2));

    await expect(designPage.saveStatus).toHaveText('Saved');
    await page.reload();
    await expect(designPage.completeness).toContainText(total(2));
    await expect(modelText.lines()).toContainText('listTags');
    await expect(modelText.lines()).not.toContainText('/broken');
    expect(await readModelOnDisk(MODEL_TEXT.designId)).toContain(MODEL_TEXT.addedPath);
  });

  test('keeps the wiring of an operation taken out of the text, and shows it again when it is back', async ({
    designPage,
    page,
  }, info) => {
    const modelText = new ModelTextPage(page);
    await designPage.goto(MODEL_TEXT.designId);
    await modelText.replaceText(MODEL_TEXT.original + MODEL_TEXT.addedPath);
    await expect(designPage.completeness).toContainText(total(2));
    await designPage.serve(MODEL_TEXT.added.key, MODEL_TEXT.added.mock);
    await expect(designPage.completeness).toContainText('1 of 2 operations integrated');

    await modelText.replaceText(MODEL_TEXT.original);
    await expect(designPage.operation(MODEL_TEXT.added.key)).toHaveCount(0);
    await expect(designPage.completeness).toContainText(total(1));
    await page.screenshot({ path: info.outputPath('operation-removed.png') });

    await designPage.undoButton.click();
    await expect(designPage.operation(MODEL_TEXT.added.key)).not.toContainText('Not integrated');
    await expect(designPage.completeness).toContainText('1 of 2 operations integrated');
    await designPage.selectOperation(MODEL_TEXT.added.key);
    await expect(designPage.servedBy).toHaveValue('mock:200');
  });

  test('loads a change made to the model file on disk, live', async ({
    designPage,
    page,
  }, info) => {
    const modelText = new ModelTextPage(page);
    const events = page.waitForResponse((response) => response.url().endsWith('/events'));
    await designPage.goto(MODEL_TEXT.liveDesignId);
    await expect(designPage.saveStatus).toHaveText('Saved');
    await events;

    // Bytes unlike any written before, or the files would not change (a repeated run).
    await writeModelOnDisk(
      MODEL_TEXT.liveDesignId,
      `${MODEL_TEXT.onDisk}# ${info.testId} ${Date.now()}\n`,
    );
    await expect(modelText.liveNotice).toHaveText('Updated from disk');
    await expect(designPage.operation(MODEL_TEXT.fromDisk.key)).toBeVisible();
    await expect(modelText.lines()).toContainText('listArchive');
    await expect(designPage.saveStatus).toHaveText('Saved');
    await page.screenshot({ path: info.outputPath('updated-from-disk.png') });

    // What was loaded from disk is where the history starts: nothing to undo.
    await expect(designPage.undoButton).toBeDisabled();

    // An output open meanwhile follows the files too.
    await designPage.openCodeTab('OpenAPI');
    await expect(designPage.codeLines()).toContainText('listArchive');
    await writeModelOnDisk(
      MODEL_TEXT.liveDesignId,
      `${MODEL_TEXT.onDisk.replace('listArchive', 'listOldNotes')}# ${Date.now()}\n`,
    );
    await expect(designPage.operation(MODEL_TEXT.fromDisk.key)).toContainText('listOldNotes');
    await expect(designPage.codeLines()).toContainText('listOldNotes');
  });

  test('shows a change on disk over unsaved changes as a conflict, and takes theirs on request', async ({
    designPage,
    page,
  }, info) => {
    const modelText = new ModelTextPage(page);
    const events = page.waitForResponse((response) => response.url().endsWith('/events'));
    await designPage.goto(MODEL_TEXT.liveDesignId);
    await expect(designPage.saveStatus).toHaveText('Saved');
    await events;
    const onDisk = `${MODEL_TEXT.onDisk.replace('The archived notes.', 'Archived, on disk.')}# ${Date.now()}\n`;

    // A change here that is not saved yet, then theirs on disk before the save.
    await designPage.serve(MODEL_TEXT.operations[0], MODEL_TEXT.mock);
    await writeModelOnDisk(MODEL_TEXT.liveDesignId, onDisk);
    await expect(designPage.conflictBanner).toBeVisible();
    await expect(designPage.saveStatus).toContainText('Not saved');
    await page.screenshot({ path: info.outputPath('conflict-from-disk.png') });
    expect(await readModelOnDisk(MODEL_TEXT.liveDesignId)).toBe(onDisk);

    await designPage.conflictBanner.getByRole('button', { name: 'Reload theirs' }).click();
    await expect(designPage.conflictBanner).toBeHidden();
    await expect(designPage.saveStatus).toHaveText('Saved');
    await expect(modelText.lines()).toContainText('Archived, on disk.');
    await expect(designPage.completeness).toContainText(`0 of 2 operations integrated`);
  });
});

test.describe('the model text in a dark color scheme', () => {
  test.use({ colorScheme: 'dark' });

  test('shows the error banner and the editor in dark colors', async ({
    designPage,
    page,
  }, info) => {
    const modelText = new ModelTextPage(page);
    await designPage.goto(MODEL_TEXT.liveDesignId);
    await modelText.pasteAtEnd(MODEL_TEXT.brokenLine);
    await expect(modelText.errorBanner).toBeVisible();
    const banner = await modelText.errorBanner.evaluate(
      (element) => getComputedStyle(element).backgroundColor,
    );
    expect(banner).not.toBe('rgb(255, 244, 229)');
    await expect(modelText.editor.locator('.monaco-editor.vs-dark')).toBeVisible();
    await page.screenshot({ path: info.outputPath('model-broken-dark.png') });
    // Leave the model as it was for any later run against this workspace.
    await designPage.undoButton.click();
    await expect(modelText.errorBanner).toBeHidden();
    await expect(designPage.saveStatus).toHaveText('Saved');
  });
});
