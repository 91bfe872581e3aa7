import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBeside, launchBrowser, openPage, screenshot, stopAfterFirstFailure } from './support/browser';
import { type RunningServer, startServer } from './support/server';

/**
 * A new person's first day: sign up, add a company and a contact at it, narrow the list with a
 * filter, keep it as a saved view, fix a mistake the server points at, trash and restore the
 * contact, and jump back to it with the command palette.
 */
describe('daily work in the web app', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser, { width: 1280, height: 820 }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  stopAfterFirstFailure(() => page, 'daily-work');

  const rows = () => page.getByTestId('list-row');
  const listCount = () => page.getByTestId('list-count').textContent();

  it('signs up and lands on an empty contact list', async () => {
    await page.goto(`${server.url}/contacts`);
    // Not signed in yet: the guard sends the person to sign in, and from there to sign up.
    await page.waitForURL('**/sign-in?next=%2Fcontacts');
    await screenshot(page, 'sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill('Margaret Hamilton');
    await page.getByLabel('Work email').fill('margaret@apollo.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('lunar module 1969');
    await page.getByLabel('Workspace name').fill('Apollo');
    await screenshot(page, 'sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/contacts');
    await page.getByText('No contacts yet').waitFor();
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('Apollo');
    await screenshot(page, 'contacts-empty');
  });

  it('creates a company, then a contact linked to it from the company page', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).click();
    await page.getByText('No companies yet').waitFor();
    await page.getByRole('button', { name: 'New company' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New company' });
    await dialog.getByLabel('Name').fill('Acme Rockets');
    await dialog.getByLabel('Domain').fill('acme-rockets.test');
    await dialog.getByLabel('Employees').fill('120');
    await screenshot(page, 'company-create');
    await dialog.getByRole('button', { name: 'Create company' }).click();
    await page.waitForURL(/\/companies\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('Acme Rockets');

    const related = page.getByTestId('related-contacts');
    await related.getByText('No contacts yet.').waitFor();
    await related.getByRole('button', { name: 'Add' }).click();
    const contactDialog = page.getByRole('dialog', { name: 'New contact' });
    // The company is already chosen: the contact is created at this company.
    await expect.poll(() => contactDialog.getByRole('combobox', { name: 'Company' }).inputValue()).toBe('Acme Rockets');
    await contactDialog.getByLabel('First name').fill('Ada');
    await contactDialog.getByLabel('Last name').fill('Lovelace');
    await contactDialog.getByLabel('Email').fill('ada@acme-rockets.test');
    await contactDialog.getByRole('button', { name: 'Create contact' }).click();
    await related.getByRole('link', { name: 'Ada Lovelace' }).waitFor();
    expect(await related.textContent()).toContain('Contacts · 1');
    await screenshot(page, 'company-page');
  });

  it('creates a second contact from the list and finds it by company', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByRole('button', { name: 'New contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    await dialog.getByLabel('First name').fill('Grace');
    await dialog.getByLabel('Last name').fill('Hopper');
    await dialog.getByLabel('Job title').fill('Rear admiral');
    await dialog.getByRole('button', { name: 'Create contact' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('Grace Hopper');
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await expect.poll(() => rows().count()).toBe(2);
    const ada = rows().filter({ hasText: 'Ada Lovelace' });
    expect(await ada.locator('[data-column="companyId"]').textContent()).toBe('Acme Rockets');
  });

  it('filters the list with the filter builder', async () => {
    await page.getByRole('button', { name: 'Filter' }).click();
    const builder = page.getByTestId('filter-builder');
    await builder.getByRole('combobox', { name: 'Field' }).click();
    await page.getByRole('option', { name: 'Last name', exact: true }).click();
    await builder.getByRole('combobox', { name: 'Operator' }).click();
    await page.getByRole('option', { name: 'starts with' }).click();
    await builder.getByLabel('Last name value').fill('LOVE');
    await screenshot(page, 'filter-builder');
    await builder.getByRole('button', { name: 'Apply filter' }).click();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Ada Lovelace');
    await expect.poll(listCount).toBe('1 contact');
    // The filter lives in the address, in the filter language the API speaks.
    const filter = JSON.parse(new URL(page.url()).searchParams.get('filter')!);
    expect(filter).toEqual({ field: 'lastName', op: 'startsWith', value: 'LOVE' });
  });

  it('saves the filtered list as a view that survives a reload', async () => {
    await page.getByTestId('views-menu').click();
    await page.getByRole('menuitem', { name: 'Save as new view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('Name').fill('Lovelaces');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await expect.poll(() => page.getByTestId('views-menu').textContent()).toBe('Lovelaces');

    // A fresh start from the plain list: the view is one click away and brings its filter back.
    await page.goto(`${server.url}/contacts`);
    await expect.poll(() => rows().count()).toBe(2);
    await page.getByTestId('views-menu').click();
    await page.getByRole('menuitem', { name: 'Lovelaces' }).click();
    await expect.poll(() => rows().count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByTestId('views-menu').textContent()).toBe('Lovelaces');
    await expect.poll(() => rows().count()).toBe(1);
    await screenshot(page, 'contacts-view');
  });

  it('shows a validation error beside the email field, then saves the fix', async () => {
    await rows().first().getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    const email = '[data-path="emails.0.email"]';
    await page.locator(email).fill('ada at acme');
    await page.getByTestId('save-bar').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => errorBeside(page, email)).toBe('Enter a valid email address');
    await page.getByRole('alert').filter({ hasText: 'Your changes were not saved' }).waitFor();
    await screenshot(page, 'contact-validation-error');

    await page.locator(email).fill('ada.lovelace@acme-rockets.test');
    // Editing the field clears its error; the server has the last word on save.
    expect(await errorBeside(page, email)).toBeNull();
    await page.getByTestId('save-bar').getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('save-bar').waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(() => page.locator(email).inputValue()).toBe('ada.lovelace@acme-rockets.test');
    // The change history names the field, the values before and after, and who made it.
    const history = page.getByTestId('history');
    await history.getByTestId('history-change').filter({ hasText: 'ada@acme-rockets.test' }).waitFor();
    expect(await history.getByTestId('history-change').first().textContent()).toBe('Emails: ada@acme-rockets.test → ada.lovelace@acme-rockets.test');
    expect(await history.textContent()).toContain('Margaret Hamilton');
    await screenshot(page, 'contact-page');
  });

  it('moves the contact to the trash and restores it from there', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('This contact is in the trash').waitFor();
    await page.goto(`${server.url}/contacts`);
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Grace Hopper');

    await page.getByRole('button', { name: 'Trash' }).click();
    await page.getByRole('heading', { name: 'Trash · contacts' }).waitFor();
    await rows().filter({ hasText: 'Ada Lovelace' }).waitFor();
    expect(await rows().count()).toBe(1);
    await screenshot(page, 'contacts-trash');
    await page.getByRole('button', { name: 'Restore Ada Lovelace' }).click();
    await page.getByText('The trash is empty').waitFor();
    await page.getByRole('button', { name: 'Back to contacts' }).click();
    await expect.poll(() => rows().count()).toBe(2);
  });

  it('jumps to the contact with the command palette (Ctrl+K)', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).click();
    await rows().first().waitFor();
    await page.keyboard.press('Control+k');
    const search = page.getByRole('textbox', { name: 'Search records or type a command' });
    await search.waitFor();
    await search.fill('lovelace');
    const hit = page.getByRole('button', { name: /Ada Lovelace/ });
    await hit.waitFor();
    await screenshot(page, 'command-palette');
    await hit.click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('Ada Lovelace');
    expect(await page.getByText('This contact is in the trash').count()).toBe(0);
  });

  it('stayed healthy: no script errors, no server errors', () => {
    expect(problems).toEqual([]);
  });
});
