import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../../src/server/platform/jobs/job-runner';
import { startJobWorker } from '../../src/server/worker';
import { memoryLog } from '../support/interactions';
import { launchBrowser, openPage, screenshot, stopAfterFirstFailure } from './support/browser';
import { type RunningServer, createAccount, startServer } from './support/server';

const OWNER = { name: 'Grace Hopper', email: 'grace@cobol.test', password: 'first compiler 1952', workspaceName: 'Univac' };
const GOOD = 1200;

/** A German export: semicolons, a column the suggestions do not know, and three bad rows. */
function exportFile(): string {
  const lines = ['Vorname;Nachname;Mail;Jobbezeichnung;Lifecycle Stage'];
  for (let i = 1; i <= GOOD; i++) lines.push(`Person${i};Müller;person${i}@univac.test;Engineer ${i};Lead`);
  lines.splice(5, 0, 'Bad;Mail;not-an-email;Clerk;Lead');
  lines.splice(10, 0, 'Odd;Stage;odd@univac.test;Clerk;Wizard');
  lines.splice(600, 0, 'Too;Short');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-')), 'kontakte.csv');
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

/**
 * Bringing in a spreadsheet: choose the file, fix the column the suggestions missed, try it with
 * a dry run that lists the bad rows, import it for real while the progress moves, download the
 * bad rows, then change one's mind and revert.
 */
describe('importing a CSV in the web app', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let worker: JobRunner;
  let csvPath: string;

  beforeAll(async () => {
    server = await startServer();
    await createAccount(server.url, OWNER);
    worker = await startJobWorker(server.services, memoryLog().log, { concurrency: 1, leaseMs: 30_000, pollMs: 200, graceMs: 2_000 });
    csvPath = exportFile();
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser, { width: 1366, height: 900 }));
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await server?.close();
  });
  stopAfterFirstFailure(() => page, 'import');

  it('opens the import screen from the contact list and reads the chosen file', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/contacts');
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.waitForURL('**/imports/new?object=contacts');
    await screenshot(page, 'import-start');
    await page.locator('input[type=file]').setInputFiles(csvPath);
    await page.getByTestId('mapping-editor').waitFor();
    // Detected from the file, and offered for change.
    expect(await page.getByRole('combobox', { name: 'Separator' }).inputValue()).toBe('Semicolon (;)');
    expect(await page.getByRole('combobox', { name: 'Encoding' }).inputValue()).toBe('UTF-8');
    expect(await page.getByRole('combobox', { name: 'Import Mail as' }).inputValue()).toBe('Email');
    expect(await page.getByRole('combobox', { name: 'Import Jobbezeichnung as' }).inputValue()).toBe("Don't import");
    await screenshot(page, 'import-mapping');
  });

  it('maps the missed column, saves the mapping, and a dry run lists every bad row with its reason', async () => {
    await page.getByRole('combobox', { name: 'Import Jobbezeichnung as' }).click();
    await page.getByRole('option', { name: 'Job title', exact: true }).click();
    await page.getByLabel('Save this mapping for next time as').check();
    await page.getByRole('textbox', { name: 'Mapping name' }).fill('German CRM');
    await screenshot(page, 'import-mapping-fixed');
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('import-status').textContent()).toBe('Finished');
    expect(await page.getByTestId('stat-would-create').textContent()).toBe(GOOD.toLocaleString('en-GB'));
    expect(await page.getByTestId('stat-bad-rows').textContent()).toBe('3');
    const bad = page.getByTestId('import-error-row');
    await expect.poll(() => bad.count()).toBe(3);
    expect(await bad.nth(0).textContent()).toMatch(/^6.*email.*not-an-email/);
    expect(await bad.nth(1).textContent()).toMatch(/^11.*lifecycleStage: "Wizard" is not one of subscriber, lead/);
    expect(await bad.nth(2).textContent()).toMatch(/^601.*columns/);
    await screenshot(page, 'import-dry-run');
    // Nothing was written.
    const contacts = await page.evaluate(async () => (await fetch('/api/v1/contacts?limit=1&count=true')).json());
    expect(contacts.total).toBe(0);
  });

  it('imports for real with live progress up to 100%', async () => {
    await page.getByRole('button', { name: 'Import for real' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    const seen = new Set<string>();
    await expect
      .poll(async () => {
        const text = (await page.getByTestId('import-progress-text').textContent()) ?? '';
        seen.add(text);
        if (seen.size === 2) await screenshot(page, 'import-running');
        return text;
      }, { timeout: 60_000 })
      .toBe(`${(GOOD + 3).toLocaleString('en-GB')} of ${(GOOD + 3).toLocaleString('en-GB')} rows · 100%`);
    await expect.poll(() => page.getByTestId('import-status').textContent()).toBe('Finished');
    expect(await page.getByTestId('stat-created').textContent()).toBe(GOOD.toLocaleString('en-GB'));
    await screenshot(page, 'import-done');
    const contact = await page.evaluate(async () => (await fetch('/api/v1/contacts?filter=' + encodeURIComponent(JSON.stringify({ field: 'email', op: 'eq', value: 'person7@univac.test' })))).json());
    expect(contact.data[0]).toMatchObject({ firstName: 'Person7', lastName: 'Müller', title: 'Engineer 7', lifecycleStage: 'lead' });
  });

  it('downloads the bad rows as errors.csv', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download errors.csv' }).click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('line,error,Vorname,Nachname,Mail,Jobbezeichnung,Lifecycle Stage,unreadable');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['6', '11', '601']);
  });

  it('exports the contact list as shown: its filter and its columns', async () => {
    const filter = { field: 'email', op: 'in', value: ['person1@univac.test', 'person2@univac.test'] };
    await page.goto(`${server.url}/contacts?filter=${encodeURIComponent(JSON.stringify(filter))}&cols=email,title`);
    await expect.poll(() => page.getByTestId('list-row').count()).toBe(2);
    await page.getByRole('button', { name: 'Export' }).click();
    await screenshot(page, 'export-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV (spreadsheets)' }).click()]);
    const lines = fs.readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,fullName,email,title');
    expect(lines.slice(1).map((l) => l.split(',').slice(1).join(',')).sort()).toEqual(['Person1 Müller,person1@univac.test,Engineer 1', 'Person2 Müller,person2@univac.test,Engineer 2']);
  });

  it('shows the import in the list and reverts it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    await expect.poll(() => page.getByTestId('import-row').count()).toBe(2);
    await screenshot(page, 'imports-list');
    await page.getByTestId('import-row').first().click();
    await page.getByRole('button', { name: 'Revert this import' }).click();
    await page.getByRole('dialog', { name: 'Revert this import?' }).getByRole('button', { name: 'Revert' }).click();
    await expect.poll(() => page.getByTestId('import-status').textContent()).toBe('Reverted');
    await screenshot(page, 'import-reverted');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByText('No contacts yet').waitFor();
    // The mapping was saved: the next import offers it.
    const saved = await page.evaluate(async () => (await fetch('/api/v1/imports/mappings/contacts')).json());
    expect(saved.data.map((m: any) => m.name)).toEqual(['German CRM']);
    expect(problems).toEqual([]);
  });

  it('imports an address book from a vCard file', async () => {
    const vcf = path.join(path.dirname(csvPath), 'contacts.vcf');
    fs.writeFileSync(vcf, ['BEGIN:VCARD', 'VERSION:3.0', 'N:Lovelace;Ada;;;', 'FN:Ada Lovelace', 'EMAIL;TYPE=INTERNET;TYPE=HOME:ada@engine.test', 'TEL;TYPE=CELL:+44 20 7946 0001', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:4.0', 'FN:Charles Babbage', 'N:Babbage;Charles;;;', 'EMAIL;TYPE=work:charles@engine.test', 'END:VCARD', ''].join('\r\n'));
    await page.goto(`${server.url}/imports/new?object=contacts`);
    await page.locator('input[type=file]').setInputFiles(vcf);
    await page.getByTestId('vcard-sample').waitFor();
    expect(await page.getByTestId('vcard-sample').textContent()).toContain('Ada Lovelace');
    await screenshot(page, 'import-vcard');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('import-status').textContent()).toBe('Finished');
    expect(await page.getByTestId('stat-created').textContent()).toBe('2');
    expect(problems).toEqual([]);
  });
});
