import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../../src/server/platform/jobs/job-runner';
import { memoryLog, testRunnerOptions } from '../support/interactions';
import { launchBrowser, openPage, screenshot, stopAfterFirstFailure } from './support/browser';
import { type RunningServer, createAccount, startServer } from './support/server';

/** A data protection officer's day: record consent, export a person's data, erase them, set a retention rule. */
describe('privacy in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let contactId: string;
  let runner: JobRunner;

  beforeAll(async () => {
    server = await startServer();
    const account = await createAccount(server.url, { name: 'Grace Hopper', email: 'grace@navy.test', password: 'cobol forever', workspaceName: 'Navy' });
    const contact = await account.post('/api/v1/contacts', { firstName: 'Ada', lastName: 'Lovelace', emails: [{ email: 'ada@engine.test' }] });
    contactId = contact.id;
    await account.post(`/api/v1/contacts/${contactId}/consents`, { purpose: 'newsletter', status: 'granted', legalBasis: 'consent', source: 'Signup form', proof: 'Checkbox “Send me the newsletter”, form v2' });
    // Jobs run beside the server, as `rapport start` does.
    runner = server.services.createJobRunner(memoryLog().log, testRunnerOptions);
    await runner.start();
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser, { width: 1280, height: 900 }));
  });
  afterAll(async () => {
    await browser?.close();
    await runner?.stop(1000);
    await server?.close();
  });
  stopAfterFirstFailure(() => page, 'privacy');

  it('signs in and records a consent on the contact page', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill('grace@navy.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('cobol forever');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/contacts');
    await page.goto(`${server.url}/contacts/${contactId}`);
    const section = page.getByTestId('consent-records');
    await section.getByText('Newsletter: given').waitFor();
    await section.getByRole('button', { name: 'Record consent' }).click();
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    // The server's reason shows beside the field.
    await expect.poll(() => page.getByTestId('consent-source').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('consent-source').fill('Phone call with Ada');
    await page.getByRole('textbox', { name: 'Proof' }).fill('Call recording #4411');
    await screenshot(page, 'privacy-consent-modal');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await section.getByText('Marketing email: given').waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'privacy-consent-section');
    // The contact's own flag follows the record.
    await expect.poll(() => page.getByRole('switch', { name: 'May receive marketing email' }).isChecked()).toBe(true);
  });

  it('downloads the personal data and erases the person after typing their name', async () => {
    await page.getByTestId('privacy-menu').click();
    await screenshot(page, 'privacy-menu');
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Export personal data' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^personal-data-Ada-Lovelace-.*\.zip$/);

    await page.getByTestId('privacy-menu').click();
    await page.getByRole('menuitem', { name: /Erase personal data/ }).click();
    const submit = page.getByTestId('erase-submit');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByTestId('erase-confirm').fill('Ada');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByTestId('erase-confirm').fill('Ada Lovelace');
    await screenshot(page, 'privacy-erase-modal');
    await submit.click();
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('Erased contact');
    await screenshot(page, 'privacy-erased-contact');
  });

  it('adds a retention rule under Settings › Privacy and runs it', async () => {
    await page.goto(`${server.url}/settings/privacy`);
    await page.getByText('No retention rules yet').waitFor();
    await page.getByRole('button', { name: 'Add rule' }).first().click();
    await page.getByTestId('retention-name').fill('Stale leads');
    await page.getByTestId('retention-months').fill('18');
    await screenshot(page, 'privacy-retention-modal');
    await page.getByTestId('retention-save').click();
    const table = page.getByTestId('retention-rules');
    await table.getByText('Stale leads').waitFor();
    await table.getByText('Leads untouched for 18 months').waitFor();
    await page.getByRole('button', { name: 'Run Stale leads now' }).click();
    // The job runs beside the server; its run is logged and listed.
    const lastRun = () => page.evaluate(() => fetch('/api/v1/retention-rules').then((r) => r.json()).then((b) => b.data[0]?.lastRun?.status ?? null));
    await expect.poll(lastRun).toBe('done');
    await page.getByRole('button', { name: 'Runs of Stale leads' }).click();
    await page.getByTestId('retention-runs').getByText('Run now').waitFor();
    await screenshot(page, 'privacy-retention-runs');
    await page.keyboard.press('Escape');
    await screenshot(page, 'privacy-retention-settings');
    expect(problems).toEqual([]);
  });
});
