import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBeside, launchBrowser, openPage, screenshot, stopAfterFirstFailure } from './support/browser';
import { type RunningServer, createAccount, startServer } from './support/server';

const OWNER = { name: 'Grace Owner', email: 'grace@initech.test', password: 'correct horse battery', workspaceName: 'Initech' };

/**
 * An admin's week: a custom field that then shows up in the list, the record page and inline
 * editing; bulk tagging; inviting a colleague who accepts; an API key that works; another workspace.
 */
describe('team, fields and bulk work', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let context: BrowserContext;
  let problems: string[];

  beforeAll(async () => {
    server = await startServer();
    const owner = await createAccount(server.url, OWNER);
    for (const [firstName, lastName] of [
      ['Peter', 'Gibbons'],
      ['Michael', 'Bolton'],
      ['Samir', 'Nagheenanajar'],
    ]) {
      await owner.post('/api/v1/contacts', { firstName, lastName, emails: [{ email: `${firstName.toLowerCase()}@initech.test` }] });
    }
    // The same person owns a second workspace: the switcher offers it.
    await createAccount(server.url, { ...OWNER, workspaceName: 'Initrode' });
    browser = await launchBrowser();
    ({ page, context, problems } = await openPage(browser, { width: 1366, height: 860 }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  stopAfterFirstFailure(() => page, 'team-and-fields');

  const rows = () => page.getByTestId('list-row');
  const row = (name: string) => rows().filter({ hasText: name });

  it('signs in and adds a single-choice custom field', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/contacts');
    await page.goto(`${server.url}/settings/fields`);
    await page.getByText('No custom fields yet').waitFor();
    await page.getByRole('button', { name: 'Add field' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New custom field' });
    await dialog.getByLabel('Label').fill('Contract tier');
    // The key follows the label until someone edits it.
    await expect.poll(() => dialog.getByLabel('Key').inputValue()).toBe('contract_tier');
    await dialog.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Single choice' }).click();
    const choices = dialog.getByRole('combobox', { name: 'Choices' });
    for (const choice of ['gold', 'silver']) {
      await choices.fill(choice);
      await choices.press('Enter');
    }
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await page.getByTestId('custom-field-row').filter({ hasText: 'custom.contract_tier' }).waitFor();
    expect(await page.getByTestId('custom-field-row').textContent()).toContain('gold, silver');
    await screenshot(page, 'settings-fields');
  });

  it('shows the custom field as a column and edits it inline', async () => {
    await page.goto(`${server.url}/contacts`);
    await expect.poll(() => rows().count()).toBe(3);
    await page.getByRole('button', { name: 'Columns' }).click();
    const option = page.getByTestId('column-chooser').getByLabel('Contract tier');
    await option.click();
    await expect.poll(() => option.isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    const cell = row('Peter Gibbons').locator('[data-column="custom.contract_tier"]');
    expect(await cell.textContent()).toBe('—');
    await cell.dblclick();
    await page.getByRole('combobox', { name: 'Contract tier' }).click();
    await page.getByRole('option', { name: 'gold' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => cell.textContent()).toBe('gold');
    // The change reached the server: a reload shows it too.
    await page.reload();
    await expect.poll(() => row('Peter Gibbons').locator('[data-column="custom.contract_tier"]').textContent()).toBe('gold');
  });

  it('refuses a bad inline value with the server’s reason, beside the input', async () => {
    const cell = row('Michael Bolton').locator('[data-column="email"]');
    await cell.dblclick();
    const input = page.getByRole('textbox', { name: 'Email' });
    await input.fill('not an email');
    await input.press('Enter');
    await expect.poll(() => errorBeside(page, '[data-field="email"]')).toBe('Enter a valid email address');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await cell.textContent()).toBe('michael@initech.test');
  });

  it('tags two contacts at once', async () => {
    await row('Michael Bolton').getByRole('checkbox').check();
    await row('Samir Nagheenanajar').getByRole('checkbox').check();
    const bar = page.getByTestId('bulk-bar');
    expect(await bar.textContent()).toContain('2 contacts selected');
    await bar.getByRole('button', { name: 'Add tag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a tag to 2 contacts' });
    await dialog.getByLabel('Tag').fill('printer-jam');
    await dialog.getByRole('button', { name: 'Add tag' }).click();
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => row('Michael Bolton').locator('[data-column="tags"]').textContent()).toBe('printer-jam');
    expect(await row('Samir Nagheenanajar').locator('[data-column="tags"]').textContent()).toBe('printer-jam');
    expect(await row('Peter Gibbons').locator('[data-column="tags"]').textContent()).toBe('—');
  });

  it('sorts by a column header click, both ways', async () => {
    const names = async () => (await rows().locator('a.record-link').allTextContents()).filter((t) => !t.includes('@'));
    await page.getByRole('button', { name: 'Sort by Name' }).click();
    await expect.poll(names).toEqual(['Michael Bolton', 'Peter Gibbons', 'Samir Nagheenanajar']);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('fullName');
    await page.getByRole('button', { name: 'Sort by Name' }).click();
    await expect.poll(names).toEqual(['Samir Nagheenanajar', 'Peter Gibbons', 'Michael Bolton']);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-fullName');
    expect(await page.getByRole('columnheader', { name: 'Sort by Name' }).getAttribute('aria-sort')).toBe('descending');
  });

  it('edits the custom field on the record page with its own editor', async () => {
    await row('Samir Nagheenanajar').getByRole('link', { name: 'Samir Nagheenanajar' }).click();
    const tier = page.getByTestId('custom-fields').getByRole('combobox', { name: 'Contract tier' });
    await tier.click();
    await page.getByRole('option', { name: 'silver' }).click();
    await page.getByTestId('save-bar').getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('save-bar').waitFor({ state: 'detached' });
    await page.getByTestId('history-change').filter({ hasText: 'Contract tier' }).waitFor();
    expect(await page.getByTestId('history-change').first().textContent()).toBe('Contract tier: empty → silver');
  });

  it('invites a colleague whose link is shown once, and the colleague joins', async () => {
    await page.goto(`${server.url}/settings/members`);
    await page.getByRole('button', { name: 'Invite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite someone' });
    await dialog.getByLabel('Email').fill('milton@initech.test');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const link = (await dialog.getByTestId('secret-value').textContent())!;
    expect(link).toMatch(/\/accept-invitation\?token=/);
    await screenshot(page, 'settings-invite');
    await dialog.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByText('milton@initech.test').count()).toBe(1);

    const colleague = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const other = await colleague.newPage();
    await other.goto(link);
    await other.getByLabel('Your name').fill('Milton Waddams');
    await other.getByRole('textbox', { name: 'Choose a password' }).fill('stapler');
    await other.getByRole('button', { name: 'Accept invitation' }).click();
    // Too short: the server says so beside the password.
    await expect.poll(() => errorBeside(other, 'input[type=password]')).toBe('At least 10 characters');
    await other.getByRole('textbox', { name: 'Choose a password' }).fill('my red swingline stapler');
    await other.getByRole('button', { name: 'Accept invitation' }).click();
    await other.waitForURL('**/contacts');
    await expect.poll(() => other.getByTestId('list-row').count()).toBe(3);
    await colleague.close();

    await page.reload();
    const milton = page.getByTestId('member-row').filter({ hasText: 'Milton Waddams' });
    await milton.waitFor();
    await milton.getByRole('combobox', { name: 'Role of Milton Waddams' }).click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await expect.poll(async () => (await page.request.get(`${server.url}/api/v1/members`)).json().then((b) => b.data.find((m: any) => m.name === 'Milton Waddams')?.role)).toBe(
      'viewer',
    );
  });

  it('creates an API key whose secret is shown once and works', async () => {
    await page.goto(`${server.url}/settings/api-keys`);
    await page.getByRole('button', { name: 'New key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await dialog.getByLabel('Name').fill('Reporting');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const secret = (await dialog.getByTestId('secret-value').textContent())!.trim();
    const res = await fetch(`${server.url}/api/v1/contacts?count=true`, { headers: { authorization: `Bearer ${secret}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).total).toBe(3);
    await dialog.getByRole('button', { name: 'Done' }).click();
    // Gone for good once closed: the list shows only the key's prefix.
    expect(await page.getByText(secret).count()).toBe(0);
    await screenshot(page, 'settings-api-keys');
  });

  it('switches to the other workspace and back', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: /Initrode/ }).click();
    await page.waitForURL('**/contacts');
    await page.getByText('No contacts yet').waitFor();
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('Initrode');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: /Initech/ }).click();
    await expect.poll(() => rows().count()).toBe(3);
  });

  it('signs out', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto(`${server.url}/contacts`);
    await page.waitForURL('**/sign-in?next=%2Fcontacts');
    expect((await context.cookies()).some((c) => c.name === 'rapport_session')).toBe(false);
  });

  it('stayed healthy: no script errors, no server errors', () => {
    expect(problems).toEqual([]);
  });
});
