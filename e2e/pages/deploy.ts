import type { Locator, Page } from '@playwright/test';
import { DesignPage } from './design-page';

/** The deploy side panel of a design, opened from the toolbar's "Deploy…". */
export class DeployPanel {
  readonly design: DesignPage;
  readonly openButton: Locator;
  readonly root: Locator;
  readonly deployButton: Locator;
  readonly executeButton: Locator;
  readonly runStraightAway: Locator;
  readonly changeSet: Locator;
  readonly status: Locator;
  readonly progress: Locator;
  readonly events: Locator;
  readonly problem: Locator;
  readonly invokeUrl: Locator;
  readonly stacks: Locator;
  readonly tryOperation: Locator;
  readonly tryPath: Locator;
  readonly tryStatus: Locator;
  readonly tryBody: Locator;

  constructor(readonly page: Page) {
    this.design = new DesignPage(page);
    this.openButton = page
      .getByRole('toolbar', { name: 'Design' })
      .getByRole('button', { name: 'Deploy…' });
    this.root = page.getByRole('dialog', { name: 'Deploy' });
    this.deployButton = this.root.getByRole('button', { name: 'Deploy', exact: true });
    this.executeButton = this.root.getByRole('button', { name: 'Execute' });
    this.runStraightAway = this.root.getByLabel('Run sandbox deploys straight away');
    this.changeSet = this.root.getByRole('table', { name: 'Change set' });
    this.status = this.root.getByTestId('deploy-status');
    this.progress = this.root.getByRole('progressbar', { name: 'Resources done' });
    this.events = this.root.getByRole('table', { name: 'Stack events' });
    this.problem = this.root.getByRole('alert', { name: 'Deploy problem' });
    this.invokeUrl = this.root.getByTestId('invoke-url');
    this.stacks = this.root.getByRole('region', { name: 'Stacks' });
    this.tryOperation = this.root.getByLabel('Operation');
    this.tryPath = this.root.getByLabel('Path');
    this.tryStatus = this.root.getByTestId('try-status');
    this.tryBody = this.root.getByTestId('try-body');
  }

  async open(): Promise<void> {
    await this.openButton.click();
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close deploy panel' }).click();
  }

  /** The change set's rows of one action (`Add`, `Modify`, `Remove`). */
  changes(action: string): Locator {
    return this.changeSet.locator(`tbody tr[data-action="${action}"]`);
  }

  /** Picks an operation in "Try it" and sends the request it filled in. */
  async tryIt(operationKey: string): Promise<void> {
    await this.tryOperation.selectOption({ value: operationKey });
    await this.root.getByRole('button', { name: 'Send' }).click();
  }

  /** The answer's body, parsed (it is shown indented). */
  async tryAnswer(): Promise<unknown> {
    return JSON.parse(await this.tryBody.innerText()) as unknown;
  }

  /** Deletes the sandbox stack, confirming. */
  async deleteStack(): Promise<void> {
    await this.root.getByRole('button', { name: 'Delete sandbox stack' }).click();
    await this.root
      .getByRole('group', { name: 'Confirm delete' })
      .getByRole('button', { name: 'Delete it' })
      .click();
  }
}
