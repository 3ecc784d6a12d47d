import type { Locator, Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The Model tab's editor and what it says about the text, as a person sees them. */
export class ModelTextPage {
  readonly editor: Locator;
  readonly errorBanner: Locator;
  readonly liveNotice: Locator;
  /** Monaco's squiggles under the lines with errors. */
  readonly errorMarkers: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('model-editor');
    this.errorBanner = page.getByTestId('model-error-banner');
    this.liveNotice = page.getByTestId('live-notice');
    this.errorMarkers = this.editor.locator('.squiggly-error');
  }

  /** The lines Monaco draws (only those in view). */
  lines(): Locator {
    return this.editor.locator('.view-lines');
  }

  /**
   * Clicks into the text near the editor's top-left corner: always in view,
   * unlike the middle of the lines' layer, which scrolls with a long text.
   */
  private async focus(): Promise<void> {
    // Monaco loads after the page: its container is there before the text is.
    await this.lines().waitFor();
    await this.editor.click({ position: { x: 120, y: 40 } });
  }

  /** Puts the cursor at the end of the text and pastes lines there, as they are. */
  async pasteAtEnd(text: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('Control+End');
    await this.paste(text);
  }

  /** A paste event at the cursor, as the clipboard gives one: typed, the lines would be auto-indented. */
  private async paste(text: string): Promise<void> {
    await this.page.evaluate((pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  /** Replaces the whole text with a paste, as one edit. */
  async replaceText(text: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('Control+a');
    await this.paste(text);
  }

  /** Undo inside the editor: Monaco's own history, not the design's. */
  async undoInEditor(): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('Control+z');
  }
}

/** The server's workspace folder, which global-setup.ts exposes to the tests. */
function workspace(): string {
  const folder = process.env['GATEWRIGHT_WORKSPACE'];
  if (!folder) throw new Error('GATEWRIGHT_WORKSPACE is not set: run through playwright.config.ts');
  return folder;
}

/** Writes a design's model file on disk, as another editor or `git pull` would. */
export async function writeModelOnDisk(designId: string, text: string): Promise<void> {
  await writeFile(join(workspace(), designId), text, 'utf8');
}

/** A design's model file as it is on disk. */
export async function readModelOnDisk(designId: string): Promise<string> {
  return readFile(join(workspace(), designId), 'utf8');
}
