import type { Locator, Page } from '@playwright/test';
import { DesignPage } from './design-page';

/** The outputs of a design: the code panel's OpenAPI, CDK and Problems tabs, and the Download menu. */
export class OutputsPage {
  readonly design: DesignPage;
  readonly changeSummary: Locator;
  readonly changedLines: Locator;
  readonly changesToggle: Locator;
  readonly diffViewer: Locator;
  readonly cdkFile: Locator;
  readonly problems: Locator;
  readonly downloadButton: Locator;
  readonly downloadMenu: Locator;
  readonly downloadRefusal: Locator;

  constructor(readonly page: Page) {
    this.design = new DesignPage(page);
    const panel = this.design.codePanel;
    this.changeSummary = panel.getByTestId('change-summary');
    this.changedLines = panel.locator('.code-changed-line');
    this.changesToggle = panel.getByRole('button', { name: 'Changes' });
    this.diffViewer = panel.getByTestId('diff-viewer');
    this.cdkFile = panel.getByRole('combobox', { name: 'File' });
    this.problems = panel.getByRole('tabpanel');
    const toolbar = page.getByRole('toolbar', { name: 'Design' });
    this.downloadButton = toolbar.getByRole('button', { name: /^Download/ });
    this.downloadMenu = toolbar.getByRole('menu', { name: 'Download' });
    this.downloadRefusal = toolbar.getByRole('alert', { name: 'Download refused' });
  }

  tab(name: 'Model' | 'OpenAPI' | 'CDK' | 'Problems'): Locator {
    return this.design.codePanel.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  async openTab(name: 'Model' | 'OpenAPI' | 'CDK' | 'Problems'): Promise<void> {
    await this.tab(name).click();
  }

  format(name: 'YAML' | 'JSON'): Locator {
    return this.design.codePanel.getByRole('button', { name, exact: true });
  }

  /** A finding in the Problems tab, by text in it. */
  problem(text: string): Locator {
    return this.problems.getByRole('button').filter({ hasText: text });
  }

  /** Chooses an item of the Download menu from the keyboard, as the menu button pattern has it. */
  async chooseDownload(item: RegExp): Promise<void> {
    await this.downloadButton.focus();
    await this.page.keyboard.press('Enter');
    const items = this.downloadMenu.getByRole('menuitem');
    const count = await items.count();
    for (let index = 0; index < count; index++) {
      if (item.test((await items.nth(index).textContent()) ?? '')) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`the Download menu has no item ${item}`);
  }
}
