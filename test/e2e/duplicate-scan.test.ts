import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../src/cli/commands/web-build';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { App } from '../../src/server/http/types';
import type { Services } from '../../src/server/services';
import { type TestDatabase, createTestDatabase } from '../support/databases';
import { memoryLog, testRunnerOptions } from '../support/interactions';
import { launchBrowser, openPage, screenshot, stopAfterFirstFailure } from './support/browser';
import { createAccount } from './support/server';

const OWNER = { name: 'Ada Lovelace', email: 'ada@engine.test', password: 'analytical engine 1843', workspaceName: 'Engines' };
// A small limit stands in for the real one (2,000): twelve new contacts are "many".
const INLINE_LIMIT = 5;

/**
 * After a large import the duplicates screen does not hang: it says how far the look through
 * the records has come, shows what it has found so far and fills in once the work is done.
 */
describe('possible duplicates while the records are still being looked through', () => {
  let db: TestDatabase;
  let app: App;
  let services: Services;
  let url: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuild(process.cwd());
    db = await createTestDatabase('sqlite');
    const config = loadConfig({}, { webRoot: path.resolve('dist/web'), logLevel: 'silent', host: '127.0.0.1' });
    // No job runner yet: the test starts the work when it has seen the progress.
    ({ app, services } = await buildApp({ config, database: db.database, logger: false, signInLimit: 1000, duplicateScan: { inlineLimit: INLINE_LIMIT, batchSize: 4 } }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const api = await createAccount(url, OWNER);
    const items = Array.from({ length: 10 }, (_, i) => ({ firstName: 'Row', lastName: `Number ${i}`, phones: [{ phone: `+1415555${1000 + i}` }] }));
    await api.post('/api/v1/contacts/bulk', { items });
    await api.post('/api/v1/contacts', { firstName: 'Charles', lastName: 'Babbage', phones: [{ phone: '+442079460001' }] });
    await api.post('/api/v1/contacts', { firstName: 'Charlie', lastName: 'Babbage', phones: [{ phone: '+44 20 7946 0001' }] });
    browser = await launchBrowser();
    ({ page } = await openPage(browser, { width: 1280, height: 860 }));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });
  stopAfterFirstFailure(() => page, 'duplicate-scan');

  it('shows how far it has come, then the groups once it is done', async () => {
    await page.goto(`${url}/sign-in`);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/contacts');
    await page.goto(`${url}/contacts/duplicates`);
    const progress = page.getByTestId('duplicates-scan');
    await expect.poll(() => progress.textContent()).toContain('Looking for duplicates… 0 of 12 records');
    expect(await page.getByRole('progressbar', { name: 'Looking for duplicates' }).count()).toBe(1);
    expect(await page.getByText('No possible duplicates').count()).toBe(0);
    await screenshot(page, 'duplicates-scanning');

    // The worker does the work; the screen asks again by itself.
    expect(await services.createJobRunner(memoryLog().log, testRunnerOptions).runDue()).toBe(1);
    const groups = page.getByTestId('duplicate-group');
    await expect.poll(() => groups.count()).toBe(1);
    expect(await groups.first().getByRole('link').allTextContents()).toEqual(['Charles Babbage', 'Charlie Babbage']);
    await expect.poll(() => progress.count()).toBe(0);
  });
});
