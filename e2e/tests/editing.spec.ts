import { BACKENDS, EDITS } from '../fixtures/scenarios';
import { DesignPage } from '../pages/design-page';
import { expect, test } from '../pages/test';

const total = EDITS.operations.length;
const integrated = (count: number) => `${count} of ${total} operations integrated`;

test.describe('editing a design', () => {
  test('wires an operation to a mock, undoes and redoes it, and finds it saved after a reload', async ({
    designPage,
  }, info) => {
    await designPage.goto(EDITS.designId);
    await expect(designPage.completeness).toContainText(integrated(0));

    await designPage.serve(EDITS.drafts.key, EDITS.drafts.mock);
    await expect(designPage.completeness).toContainText(integrated(1));
    await expect(designPage.operation(EDITS.drafts.key)).not.toContainText('Not integrated');

    await designPage.undoButton.click();
    await expect(designPage.completeness).toContainText(integrated(0));
    await designPage.redoButton.click();
    await expect(designPage.completeness).toContainText(integrated(1));

    // The shortcuts walk the same history.
    await designPage.page.keyboard.press('Control+z');
    await expect(designPage.completeness).toContainText(integrated(0));
    await designPage.page.keyboard.press('Control+Shift+z');
    await expect(designPage.completeness).toContainText(integrated(1));

    await expect(designPage.saveStatus).toHaveText('Saved');
    await designPage.page.screenshot({ path: info.outputPath('wired-saved.png') });
    await designPage.page.reload();
    await expect(designPage.completeness).toContainText(integrated(1));
    await designPage.selectOperation(EDITS.drafts.key);
    await expect(designPage.servedBy).toHaveValue('mock:200');
  });

  test('shows a conflicting save from another tab and takes theirs on request', async ({
    designPage,
    context,
  }, info) => {
    // Live updates would load the other tab's save here at once; without them (the stream
    // down) it is the refusal of this tab's stale save that shows the conflict.
    await designPage.page.route('**/events', (route) => route.abort());
    await designPage.goto(EDITS.designId);
    await expect(designPage.saveStatus).toHaveText('Saved');
    const other = new DesignPage(await context.newPage());
    await other.goto(EDITS.designId);
    await expect(other.saveStatus).toHaveText('Saved');

    await other.serve(EDITS.health.key, EDITS.health.mock);
    await expect(other.saveStatus).toHaveText('Saved');

    // Any change of this tab's, made over the revision it read, is refused.
    await designPage.selectOperation(EDITS.drafts.key);
    const wired = (await designPage.servedBy.inputValue()) !== 'none';
    await designPage.servedBy.selectOption({ label: wired ? 'Not integrated' : EDITS.drafts.mock });
    await expect(designPage.conflictBanner).toBeVisible();
    await expect(designPage.saveStatus).toContainText('Not saved');
    await designPage.page.screenshot({ path: info.outputPath('conflict.png') });

    await designPage.conflictBanner.getByRole('button', { name: 'Reload theirs' }).click();
    await expect(designPage.conflictBanner).toBeHidden();
    await expect(designPage.saveStatus).toHaveText('Saved');
    await designPage.selectOperation(EDITS.health.key);
    await expect(designPage.servedBy).toHaveValue('mock:204');
  });
});

test.describe('editing a design with a backend', () => {
  const total = BACKENDS.operations.length;

  test('wires an operation by dragging from its handle to the backend', async ({
    designPage,
  }, info) => {
    await designPage.goto(BACKENDS.designId);
    await expect(designPage.completeness).toContainText(`0 of ${total} operations integrated`);

    await designPage.wireByDrag(BACKENDS.drafts.key, BACKENDS.backend.label);
    await expect(designPage.completeness).toContainText(`1 of ${total} operations integrated`);
    await expect(designPage.backend(BACKENDS.backend.label)).toContainText('Serves 1 operation');
    await designPage.selectOperation(BACKENDS.drafts.key);
    await expect(designPage.servedBy).toHaveValue(`backend:${BACKENDS.backend.id}`);
    await expect(designPage.saveStatus).toHaveText('Saved');
    await designPage.page.screenshot({ path: info.outputPath('wired-by-drag.png') });
  });

  test('keeps this tab’s design over another tab’s save only when asked', async ({
    designPage,
    context,
  }) => {
    // Without live updates, as above: the stale save is refused.
    await designPage.page.route('**/events', (route) => route.abort());
    await designPage.goto(BACKENDS.designId);
    await expect(designPage.saveStatus).toHaveText('Saved');
    const other = new DesignPage(await context.newPage());
    await other.goto(BACKENDS.designId);
    await other.serve(BACKENDS.health.key, BACKENDS.health.mock);
    await expect(other.saveStatus).toHaveText('Saved');

    await designPage.serve(BACKENDS.health.key, BACKENDS.backend.choice);
    await expect(designPage.conflictBanner).toBeVisible();
    await designPage.conflictBanner.getByRole('button', { name: 'Keep mine (overwrite)' }).click();
    await expect(designPage.conflictBanner).toBeHidden();
    await expect(designPage.saveStatus).toHaveText('Saved');

    await other.page.reload();
    await other.selectOperation(BACKENDS.health.key);
    await expect(other.servedBy).toHaveValue(`backend:${BACKENDS.backend.id}`);
  });
});
