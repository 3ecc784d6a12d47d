import type { Locator, Page } from '@playwright/test';
import { DesignPage } from './design-page';

/** Home: the workspace's designs. */
export class HomePage {
  readonly designs: Locator;

  constructor(readonly page: Page) {
    this.designs = page.getByRole('table', { name: 'Designs' }).getByTestId('design-row');
  }

  async goto(): Promise<this> {
    await this.page.goto('/');
    return this;
  }

  /** The row of a design, by its name. */
  design(name: string): Locator {
    return this.designs.filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  async open(name: string): Promise<DesignPage> {
    await this.page.getByRole('link', { name: `Open ${name}` }).click();
    return new DesignPage(this.page);
  }
}
