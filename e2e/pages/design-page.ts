import type { Locator, Page } from '@playwright/test';

/** A design: canvas, inspector, code panel. */
export class DesignPage {
  readonly canvas: Locator;
  readonly operationNodes: Locator;
  readonly completeness: Locator;
  readonly inspector: Locator;
  readonly codePanel: Locator;
  readonly servedBy: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly saveStatus: Locator;
  readonly conflictBanner: Locator;
  readonly search: Locator;
  readonly searchResults: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('rf__wrapper');
    this.operationNodes = page.getByTestId('operation-node');
    this.completeness = page.getByTestId('completeness');
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.codePanel = page.getByRole('region', { name: 'Code' });
    this.servedBy = this.inspector.getByLabel('Served by');
    const toolbar = page.getByRole('toolbar', { name: 'Design' });
    this.undoButton = toolbar.getByRole('button', { name: 'Undo' });
    this.redoButton = toolbar.getByRole('button', { name: 'Redo' });
    this.saveStatus = page.getByTestId('save-status');
    this.conflictBanner = page.getByRole('alert').filter({ hasText: 'changed elsewhere' });
    this.search = page.getByRole('combobox', { name: /^Search operations/ });
    this.searchResults = page
      .getByRole('listbox', { name: 'Operations found' })
      .getByRole('option');
  }

  async goto(designId: string): Promise<this> {
    await this.page.goto(`/designs/${encodeURIComponent(designId)}`);
    return this;
  }

  operation(key: string): Locator {
    return this.page.locator(`[data-testid="operation-node"][data-operation-key="${key}"]`);
  }

  async selectOperation(key: string): Promise<void> {
    await this.operation(key).click();
  }

  /** Selects an operation and chooses what serves it in the inspector, by the choice's label. */
  async serve(key: string, choice: string): Promise<void> {
    await this.selectOperation(key);
    await this.servedBy.selectOption({ label: choice });
  }

  /** A backend node, by its label. */
  backend(label: string): Locator {
    return this.page.getByTestId('backend-node').filter({ hasText: label });
  }

  /** Drags from an operation's handle onto a backend, as a person wires one with the mouse. */
  async wireByDrag(key: string, backendLabel: string): Promise<void> {
    const from = this.page
      .locator('.react-flow__node', { has: this.operation(key) })
      .locator('.react-flow__handle');
    const to = this.page
      .locator('.react-flow__node', { has: this.backend(backendLabel) })
      .locator('.react-flow__handle');
    await from.hover();
    await this.page.mouse.down();
    const box = await to.boundingBox();
    if (!box) throw new Error(`the handle of backend ${backendLabel} is not on screen`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 10 });
    await this.page.mouse.up();
  }

  /** Selects an operation from the keyboard: focus its node, press Enter. */
  async selectOperationByKeyboard(key: string): Promise<void> {
    await this.page.locator('.react-flow__node', { has: this.operation(key) }).focus();
    await this.page.keyboard.press('Enter');
  }

  /** The button that collapses or expands a group, by its tag. */
  groupToggle(tag: string): Locator {
    return this.canvas.getByRole('button', {
      name: new RegExp(`^(Collapse|Expand) group ${tag}$`),
    });
  }

  /** Opens the search with its shortcut, types a query, and walks to a result with the arrow keys. */
  async searchAndChoose(query: string, resultKey: string): Promise<void> {
    await this.canvas.click({ position: { x: 600, y: 10 } });
    await this.page.keyboard.press('Control+k');
    await this.page.keyboard.type(query);
    const result = this.searchResults.filter({ hasText: resultKey });
    await result.waitFor();
    while ((await result.getAttribute('aria-selected')) !== 'true') {
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
  }

  async openCodeTab(name: 'Model' | 'OpenAPI'): Promise<void> {
    await this.codePanel.getByRole('tab', { name }).click();
  }

  /** The lines Monaco draws (it draws only those in view). */
  codeLines(): Locator {
    return this.codePanel.locator('.monaco-editor .view-lines');
  }

  /** Brings the first match into view with the editor's own find (Ctrl+F), as a person would. */
  async findInCode(text: string): Promise<void> {
    await this.codeLines().click();
    await this.page.keyboard.press('Control+f');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
  }
}
