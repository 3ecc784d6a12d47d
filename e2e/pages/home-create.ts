import type { Locator, Page } from '@playwright/test';

/** The home page's create, rename and delete controls, as a person uses them. */
export class HomeCreate {
  readonly uploadButton: Locator;
  readonly pasteButton: Locator;
  readonly sampleButton: Locator;
  readonly dialog: Locator;
  readonly modelText: Locator;
  readonly saveAs: Locator;
  readonly createButton: Locator;
  readonly dropZone: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  readonly renameName: Locator;
  readonly renamePath: Locator;

  constructor(readonly page: Page) {
    const create = page.getByRole('group', { name: 'Create a design' });
    this.uploadButton = create.getByRole('button', { name: 'Upload a model…' });
    this.pasteButton = create.getByRole('button', { name: 'Paste a model…' });
    this.sampleButton = create.getByRole('button', { name: 'Copy the sample…' });
    this.dialog = page.getByRole('dialog');
    this.modelText = this.dialog.getByLabel(/^Model/);
    this.saveAs = this.dialog.getByLabel('Save as');
    this.createButton = this.dialog.getByRole('button', { name: 'Create and open' });
    this.dropZone = page.getByText('Drop the model file to create a design from it');
    this.status = page.getByRole('status').filter({ hasText: /\S/ });
    this.alert = page.getByRole('alert');
    this.renameName = this.dialog.getByLabel('Name', { exact: true });
    this.renamePath = this.dialog.getByLabel('Model file');
  }

  /** Chooses a file in the picker the Upload button opens. */
  async upload(fileName: string, text: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.uploadButton.click();
    await (
      await chooser
    ).setFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(text) });
  }

  /**
   * Drags a file over the page and drops it, as a file manager does: the
   * events carry a DataTransfer holding the file. Stops before the drop when
   * `drop` is false, to look at the drop zone.
   */
  async dragFile(fileName: string, text: string, drop = true): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, body }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([body], name, { type: 'text/plain' }));
        return transfer;
      },
      { name: fileName, body: text },
    );
    await this.page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await this.page.dispatchEvent('main', 'dragover', { dataTransfer });
    if (drop) await this.page.dispatchEvent('main', 'drop', { dataTransfer });
  }

  /** Pastes a model into the paste dialog, and names its file when `saveAs` is given. */
  async paste(text: string, saveAs?: string): Promise<void> {
    await this.pasteButton.click();
    await this.modelText.fill(text);
    if (saveAs !== undefined) await this.saveAs.fill(saveAs);
  }

  /** Pastes a model and creates it under the id the page proposes; the design opens. */
  async createFromPaste(text: string, designId: string): Promise<void> {
    await this.paste(text);
    await this.saveAs.fill(designId);
    await this.createButton.click();
    await this.page.waitForURL(`/designs/${encodeURIComponent(designId)}`);
  }

  /** A row's action button (Rename, Delete), by the design's model file. */
  rowAction(action: 'Rename' | 'Delete', designId: string): Locator {
    return this.page.getByRole('button', {
      name: new RegExp(`^${action} .* \\(${escape(designId)}\\)$`),
    });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
