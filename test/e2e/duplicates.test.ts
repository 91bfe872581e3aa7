import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, stopAfterFirstFailure } from './support/browser';
import { type RunningServer, createAccount, startServer } from './support/server';

const OWNER = { name: 'Grace Hopper', email: 'grace@initech.test', password: 'cobol compiler 1959', workspaceName: 'Initech' };

/**
 * Cleaning up: two contacts that are the same person show up as possible duplicates; the person
 * merges them, taking the first name from one and the job title from the other, and lands on the
 * contact that stays, which has both. A pair of companies that only look alike is dismissed.
 */
describe('possible duplicates in the web app', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let jon: { id: string };
  let jonathan: { id: string };

  beforeAll(async () => {
    server = await startServer();
    const api = await createAccount(server.url, OWNER);
    const initech = await api.post('/api/v1/companies', { name: 'Initech' });
    jon = await api.post('/api/v1/contacts', { firstName: 'Jon', lastName: 'Smith', title: 'Engineer', companyId: initech.id, emails: [{ email: 'jon@initech.test' }] });
    jonathan = await api.post('/api/v1/contacts', {
      firstName: 'Jonathan',
      lastName: 'Smith',
      title: 'Intern',
      companyId: initech.id,
      emails: [{ email: 'jonathan.smith@mail.test' }],
      phones: [{ phone: '+14155550100' }],
    });
    await api.post('/api/v1/contacts', { firstName: 'Jane', lastName: 'Smith', companyId: initech.id });
    await api.post('/api/v1/companies', { name: 'Globex', domain: 'globex.test' });
    await api.post('/api/v1/companies', { name: 'Globex Ltd.', domain: 'globex-shipping.test' });
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser, { width: 1280, height: 860 }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  stopAfterFirstFailure(() => page, 'duplicates');

  it('finds the two Smiths from the contact list, and not the third', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/contacts');
    await page.getByRole('link', { name: 'Duplicates' }).click();
    await page.waitForURL('**/contacts/duplicates');
    const groups = page.getByTestId('duplicate-group');
    await expect.poll(() => groups.count()).toBe(1);
    const group = groups.first();
    expect(await group.textContent()).toContain('Similar name at the same company');
    expect(await group.getByRole('link').allTextContents()).toEqual(['Jon Smith', 'Jonathan Smith']);
    await screenshot(page, 'duplicates-contacts');
  });

  it('merges them choosing the first name from one and the job title from the other', async () => {
    await page.getByTestId('duplicate-group').getByRole('button', { name: 'Merge…' }).click();
    await page.waitForURL(/\/contacts\/merge\?ids=/);
    const table = page.getByTestId('merge-table');
    await table.waitFor();
    // The older record stays by default; its values are picked where it has one.
    expect(await page.getByRole('radio', { name: 'Keep Jon Smith' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Job title: Engineer (Jon Smith)' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'First name: Jonathan (Jonathan Smith)' }).check();
    await screenshot(page, 'duplicates-merge');
    await page.getByRole('button', { name: 'Merge into Jon Smith' }).click();
    await page.waitForURL(`**/contacts/${jon.id}`);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('Jonathan Smith');
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('jonathan.smith@mail.test');
    const text = (await main.textContent()) ?? '';
    expect(text).toContain('jon@initech.test');
    expect(await page.getByLabel('Job title').inputValue()).toBe('Engineer');
    await screenshot(page, 'duplicates-survivor');

    // The other record is gone for good.
    await page.goto(`${server.url}/contacts/${jonathan.id}`);
    await page.getByText('This contact does not exist').waitFor();
    await page.goto(`${server.url}/contacts/duplicates`);
    await page.getByText('No possible duplicates').waitFor();
  });

  it('dismisses two companies that only share a name', async () => {
    await page.locator('main label').filter({ hasText: 'Companies' }).click();
    await page.waitForURL('**/companies/duplicates');
    const group = page.getByTestId('duplicate-group');
    await expect.poll(() => group.count()).toBe(1);
    expect(await group.textContent()).toContain('Same name: globex');
    await screenshot(page, 'duplicates-companies');
    await group.getByRole('button', { name: 'Not duplicates' }).click();
    await page.getByText('No possible duplicates').waitFor();
    await page.reload();
    await page.getByText('No possible duplicates').waitFor();
    expect(problems).toEqual([]);
  });
});
