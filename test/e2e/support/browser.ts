import { beforeEach } from 'vitest';
import fs from 'node:fs';
import { type Browser, type Page, chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A page that remembers every uncaught script error and failed API call (other than the 401 the
 * app expects before sign-in), so a journey can assert the app stayed healthy throughout.
 */
export async function openPage(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'UTC' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    const url = res.url();
    if (url.includes('/api/') && res.status() >= 500) problems.push(`${res.status()} from ${url}`);
  });
  return { page, context, problems };
}

/** Saves a screenshot into ./screenshots (git-ignored) for people to look at. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: false });
}

/** The error text Mantine shows under an input, found through the input's aria-describedby. */
export async function errorBeside(page: Page, selector: string): Promise<string | null> {
  const input = page.locator(selector);
  if ((await input.getAttribute('aria-invalid')) !== 'true') return null;
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
  for (const id of ids) {
    if (!id.endsWith('-error')) continue;
    return (await page.locator(`[id="${id}"]`).textContent())?.trim() ?? null;
  }
  return null;
}

/**
 * Journey steps build on each other: after the first failure the rest are skipped instead of
 * failing for the same reason, and the page at the moment of failure is kept as a screenshot.
 */
export function stopAfterFirstFailure(getPage: () => Page | undefined, name: string) {
  let failed = false;
  beforeEach(({ skip, onTestFailed }) => {
    if (failed) skip();
    onTestFailed(async () => {
      failed = true;
      const page = getPage();
      if (page) {
        console.error(`${name}: failed at ${page.url()}; screenshot in screenshots/failed-${name}.png`);
        await screenshot(page, `failed-${name}`).catch(() => {});
      }
    });
  });
}
