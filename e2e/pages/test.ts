import { test as base } from '@playwright/test';
import { DesignPage } from './design-page';
import { HomePage } from './home-page';

/** The server global-setup.ts started; tests see its origin as their baseURL. */
function serverUrl(): string {
  const url = process.env['GATEWRIGHT_URL'];
  if (!url)
    throw new Error('GATEWRIGHT_URL is not set: run the tests through playwright.config.ts');
  return url;
}

/** Playwright's `test` with the server's origin as baseURL and the page objects as fixtures. */
export const test = base.extend<{ homePage: HomePage; designPage: DesignPage }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern.
  baseURL: async ({}, use) => use(serverUrl()),
  homePage: async ({ page }, use) => use(new HomePage(page)),
  designPage: async ({ page }, use) => use(new DesignPage(page)),
});

export { expect } from '@playwright/test';
