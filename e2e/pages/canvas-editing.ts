import type { Locator, Page } from '@playwright/test';

/** What the canvas-editing tests reach beyond DesignPage: the palette, node positions, the help sheet. */
export class CanvasEditingPage {
  readonly palette: Locator;
  readonly status: Locator;
  readonly autoLayoutButton: Locator;
  readonly shortcutsButton: Locator;
  readonly helpSheet: Locator;
  readonly flowPane: Locator;

  constructor(readonly page: Page) {
    this.palette = page.getByRole('complementary', { name: 'Palette' });
    this.status = page.getByTestId('canvas-status');
    const toolbar = page.getByRole('toolbar', { name: 'Design' });
    this.autoLayoutButton = toolbar.getByRole('button', { name: 'Auto-layout' });
    this.shortcutsButton = toolbar.getByRole('button', { name: 'Shortcuts' });
    this.helpSheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    this.flowPane = page.locator('.react-flow__pane');
  }

  /** A palette kind, by the start of its name ("Lambda function", "Mock"). */
  kind(name: string): Locator {
    return this.palette
      .getByRole('list', { name: 'Integration kinds' })
      .getByRole('button', { name: new RegExp(`^${name}`) });
  }

  /** A pattern's button, by its name. */
  pattern(name: string): Locator {
    return this.palette.getByRole('list', { name: 'Patterns' }).getByRole('button', { name });
  }

  /** The question a pattern asks before it would replace integrations. */
  patternConfirm(): Locator {
    return this.palette.getByRole('group', { name: /already have an integration/ });
  }

  /** Drags a palette kind onto empty canvas, `at` in pixels from the canvas's top-left. */
  async dropKindOnCanvas(name: string, at: { x: number; y: number }): Promise<void> {
    await this.kind(name).dragTo(this.flowPane, { targetPosition: at });
  }

  /** Drags a palette kind onto an operation node. */
  async dropKindOnOperation(name: string, operation: Locator): Promise<void> {
    await this.kind(name).dragTo(operation);
  }

  /** A canvas node by its id (`group:pets`, `backend:lambda1`). */
  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** Where a node stands, as the canvas draws it (`translate(12px, 40px)`). */
  async positionOf(id: string): Promise<string> {
    return this.node(id).evaluate((element) => (element as HTMLElement).style.transform);
  }

  /** Drags a node with the mouse by an offset in pixels, holding it at `grip` (pixels from its top-left). */
  async dragNode(id: string, by: { x: number; y: number }, grip = { x: 60, y: 20 }): Promise<void> {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} is not on screen`);
    await this.page.mouse.move(box.x + grip.x, box.y + grip.y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + grip.x + by.x, box.y + grip.y + by.y, { steps: 10 });
    await this.page.mouse.up();
  }
}
