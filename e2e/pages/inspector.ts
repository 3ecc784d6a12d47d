import type { Locator, Page } from '@playwright/test';

/** The inspector beside the canvas: its Settings forms and its Definition tab. */
export class InspectorPanel {
  readonly root: Locator;
  readonly settingsTab: Locator;
  readonly definitionTab: Locator;
  readonly mockExampleBody: Locator;
  readonly pathHints: Locator;
  readonly definition: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Inspector' });
    this.settingsTab = this.root.getByRole('tab', { name: 'Settings' });
    this.definitionTab = this.root.getByRole('tab', { name: 'Definition' });
    this.mockExampleBody = this.root.getByTestId('mock-example-body');
    this.pathHints = this.root.getByRole('region', { name: 'Path parameter mapping' });
    this.definition = this.root.getByTestId('definition');
  }

  /** A form field by its label. */
  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  /** A radio button of the mock's or a backend's mode switch. */
  mode(label: string): Locator {
    return this.root.getByRole('radio', { name: label });
  }

  /** Types into a text field and commits it with Enter, as one change. */
  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
    await this.field(label).press('Enter');
  }

  /**
   * The text of the Definition tab's editor (the lines Monaco draws), spaces
   * made plain. Long lines are unwrapped first, so each line reads whole.
   */
  async definitionText(): Promise<string> {
    await this.root.getByLabel('Wrap long lines').uncheck();
    const text = await this.definition.locator('.view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** The handler code editor of a Lambda backend. */
  codeEditor(): Locator {
    return this.root.getByTestId('code-editor');
  }

  /** Clicks at the end of the handler code and types a new last line. */
  async appendCode(line: string): Promise<void> {
    await this.codeEditor().locator('.view-lines').click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(line);
  }

  /** The handler code as the editor draws it, spaces made plain. */
  async codeText(): Promise<string> {
    const text = await this.codeEditor().locator('.view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }
}
