import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, stopAfterFirstFailure } from './support/browser';
import { type RunningServer, createAccount, startServer } from './support/server';

/** The same app on a 375 px phone: the menu folds into a burger and nothing spills sideways. */
describe('on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    server = await startServer();
    const account = await createAccount(server.url, { name: 'Katherine Johnson', email: 'katherine@nasa.test', password: 'orbital mechanics', workspaceName: 'Langley' });
    const company = await account.post('/api/v1/companies', { name: 'Langley Research Center' });
    await account.post('/api/v1/contacts', { firstName: 'Dorothy', lastName: 'Vaughan', title: 'Supervisor', companyId: company.id, emails: [{ email: 'dorothy@nasa.test' }] });
    await account.post('/api/v1/contacts', { firstName: 'Mary', lastName: 'Jackson', emails: [{ email: 'mary@nasa.test' }] });
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser, { width: 375, height: 740 }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  stopAfterFirstFailure(() => page, 'phone');

  /** How far the page is wider than the screen; 0 when nothing spills sideways. */
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it('signs in', async () => {
    await page.goto(server.url);
    await page.waitForURL('**/sign-in**');
    expect(await overflow()).toBe(0);
    await page.getByLabel('Email').fill('katherine@nasa.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('orbital mechanics');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/contacts');
    await page.getByTestId('list-row').first().waitFor();
    expect(await overflow()).toBe(0);
    await screenshot(page, 'phone-contacts');
  });

  it('opens the menu from the burger and goes to contacts', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    // Folded away, the navigation sits off the left edge of the screen until the burger opens it.
    const navOnScreen = async () => {
      const box = await nav.boundingBox();
      return !!box && box.x + box.width > 1;
    };
    expect(await navOnScreen()).toBe(false);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await expect.poll(navOnScreen).toBe(true);
    await expect.poll(async () => (await nav.boundingBox())?.x).toBe(0);
    await screenshot(page, 'phone-menu');
    await nav.getByRole('link', { name: 'Companies' }).click();
    await page.waitForURL('**/companies');
    await expect.poll(navOnScreen).toBe(false);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await nav.getByRole('link', { name: 'Contacts' }).click();
    await page.waitForURL('**/contacts');
    await expect.poll(() => page.getByTestId('list-row').count()).toBe(2);
  });

  it('opens a contact and edits it', async () => {
    await page.getByRole('link', { name: 'Dorothy Vaughan' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('Dorothy Vaughan');
    expect(await overflow()).toBe(0);
    await screenshot(page, 'phone-contact');

    const title = page.getByLabel('Job title');
    await title.fill('Head of the West Area Computers');
    const save = page.getByTestId('save-bar').getByRole('button', { name: 'Save' });
    // The save bar fits the narrow screen.
    const box = await page.getByTestId('save-bar').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await save.click();
    await page.getByTestId('save-bar').waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(() => page.getByLabel('Job title').inputValue()).toBe('Head of the West Area Computers');
    await page.getByTestId('history-change').filter({ hasText: 'Head of the West Area Computers' }).waitFor();
    expect(await overflow()).toBe(0);
  });

  it('stayed healthy: no script errors, no server errors', () => {
    expect(problems).toEqual([]);
  });
});
