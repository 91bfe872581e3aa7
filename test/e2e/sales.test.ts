import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, stopAfterFirstFailure } from './support/browser';
import { type RunningServer, startServer } from './support/server';

/**
 * A salesperson's loop: a lead comes in, a scoring rule ranks it, it is converted into a contact
 * at an existing company and a deal, and the deal is dragged across the board to Won — with the
 * column totals following, a refused move put back with the server's reason, and the board usable
 * on a phone.
 */
describe('sales in the web app', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let dealUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Wide enough for the first stage and Won to be on screen together: a drag then needs no scrolling.
    ({ page, problems } = await openPage(browser, { width: 1720, height: 900 }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  stopAfterFirstFailure(() => page, 'sales');

  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  /** A call to the API as the signed-in person (their cookie and CSRF token), for what another person or tab does. */
  const api = (method: string, path: string, body?: unknown) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const csrf = decodeURIComponent(/rapport_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '');
        const res = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: res.status, body: await res.json().catch(() => null) };
      },
      { method, path, body },
    );
  const column = (stage: string) => page.getByTestId('board-column').and(page.locator(`[data-stage="${stage}"]`));
  const columnText = (stage: string, testId: string) => column(stage).getByTestId(testId).first().textContent();

  /** Drags with real mouse moves in small steps, as a hand would: dnd-kit's sensor starts after a few pixels. */
  async function drag(from: Locator, to: Locator) {
    const a = (await from.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 4, { steps: 4 });
    // Where the target is now that the drag has started (the page may have scrolled).
    const b = (await to.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 120), { steps: 20 });
    await page.mouse.up();
  }

  it('signs up, with a company already known by its domain', async () => {
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel('Your name').fill('Joan Clarke');
    await page.getByLabel('Work email').fill('joan@bletchley.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('enigma hut 8 1941');
    await page.getByLabel('Workspace name').fill('Bletchley');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/contacts');
    const company = await api('POST', '/api/v1/companies', { name: 'Analytical Engines', domain: 'analytical.test' });
    expect(company.status).toBe(201);
  });

  it('creates a lead from the lead list', async () => {
    await nav('Leads').click();
    await page.getByText('No leads yet').waitFor();
    await page.getByRole('button', { name: 'New lead' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New lead' });
    await dialog.getByLabel('Name').fill('Ada Lovelace');
    await dialog.getByLabel('Email').fill('ada@analytical.test');
    await dialog.getByLabel('Company').fill('Analytical Engines');
    await dialog.getByLabel('Source').fill('referral');
    await screenshot(page, 'sales-lead-create');
    await dialog.getByRole('button', { name: 'Create lead' }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('Ada Lovelace');
    expect(await page.getByTestId('lead-status').textContent()).toBe('New');
    expect(await page.getByTestId('lead-score-value').textContent()).toBe('0');

    await nav('Leads').click();
    const row = page.getByTestId('list-row').filter({ hasText: 'Ada Lovelace' });
    await row.waitFor();
    expect(await row.locator('[data-column="status"]').textContent()).toBe('New');
    expect(await row.locator('[data-column="companyName"]').textContent()).toBe('Analytical Engines');
    await screenshot(page, 'sales-leads-list');
  });

  it('adds a scoring rule with the filter builder and sees the lead’s score and why', async () => {
    await nav('Settings').click();
    await page.getByRole('tab', { name: 'Lead scoring' }).click();
    await page.getByText('No scoring rules yet').waitFor();
    await page.getByRole('button', { name: 'Add rule' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New scoring rule' });
    await dialog.getByLabel('Name').fill('Came by referral');
    await dialog.getByRole('button', { name: 'Filter' }).click();
    const builder = page.getByTestId('filter-builder');
    await builder.getByRole('combobox', { name: 'Field' }).click();
    await page.getByRole('option', { name: 'Source', exact: true }).click();
    await builder.getByRole('combobox', { name: 'Operator' }).click();
    await page.getByRole('option', { name: 'is', exact: true }).click();
    await builder.getByLabel('Source value').fill('referral');
    await builder.getByRole('button', { name: 'Apply filter' }).click();
    await expect.poll(() => dialog.getByTestId('rule-filter-text').textContent()).toBe('Source is referral');
    await dialog.getByLabel('Points').fill('25');
    await screenshot(page, 'sales-scoring-rule');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    const rules = page.getByTestId('score-rules');
    await rules.getByText('Came by referral').waitFor();
    expect(await rules.textContent()).toContain('+25');
    await screenshot(page, 'sales-scoring-settings');

    await nav('Leads').click();
    const row = page.getByTestId('list-row').filter({ hasText: 'Ada Lovelace' });
    await expect.poll(() => row.locator('[data-column="score"]').textContent()).toBe('25');
    await row.getByRole('link', { name: 'Ada Lovelace' }).click();
    await expect.poll(() => page.getByTestId('lead-score-value').textContent()).toBe('25');
    const outcome = page.getByTestId('score-rule-outcome');
    await expect.poll(() => outcome.first().textContent()).toBe('Came by referral (matches)+25');
  });

  it('qualifies the lead, then converts it into a contact at the known company and a deal', async () => {
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Qualified', exact: true }).click();
    await page.getByTestId('save-bar').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('lead-status').textContent()).toBe('Qualified');
    await screenshot(page, 'sales-lead-page');

    await page.getByRole('button', { name: 'Convert' }).click();
    const dialog = page.getByRole('dialog', { name: 'Convert Ada Lovelace' });
    // The server will find the company by the email's domain; the dialog says so before converting.
    await dialog.getByRole('radio', { name: 'Existing company Analytical Engines (domain analytical.test)' }).waitFor();
    expect(await dialog.getByRole('radio', { name: /Existing company/ }).isChecked()).toBe(true);
    expect(await dialog.getByTestId('convert-contact').textContent()).toContain('A new contact Ada Lovelace');
    expect(await dialog.getByLabel('Also create a deal').isChecked()).toBe(true);
    await dialog.getByLabel('Amount').fill('12000');
    await dialog.getByLabel('Currency').fill('EUR');
    await screenshot(page, 'sales-convert');
    await dialog.getByRole('button', { name: 'Convert' }).click();

    await page.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
    dealUrl = page.url();
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('Analytical Engines deal');
    expect(await page.getByTestId('deal-amount').textContent()).toBe('€12,000.00');
    expect(await page.getByTestId('deal-stage').textContent()).toBe('Lead in · 10%');
    const contacts = page.getByTestId('deal-contacts');
    await contacts.getByRole('link', { name: 'Ada Lovelace' }).waitFor();
    await page.getByRole('link', { name: 'Analytical Engines' }).first().waitFor();
    await page.getByTestId('stage-history').getByText('Lead in').first().waitFor();
    await screenshot(page, 'sales-deal-page');

    // The contact was made at the existing company, not at a copy of it.
    const companies = await api('GET', '/api/v1/companies?limit=10');
    expect(companies.body.data.map((c: { name: string }) => c.name)).toEqual(['Analytical Engines']);
  });

  it('shows the deal on the board with its column totals', async () => {
    await page.getByRole('link', { name: 'Open the board' }).click();
    await page.waitForURL(/\/deals\/board/);
    await column('Lead in').getByTestId('deal-card').waitFor();
    expect(await columnText('Lead in', 'column-count')).toBe('1');
    expect(await columnText('Lead in', 'column-amount')).toBe('€12,000.00');
    expect(await columnText('Lead in', 'column-weighted')).toBe('€1,200.00 weighted');
    expect(await columnText('Won', 'column-count')).toBe('0');
    await screenshot(page, 'sales-board');
  });

  it('puts a refused move back and shows the server’s reason', async () => {
    // Someone else changes the deal after the board was loaded: the move carries a stale version.
    const id = dealUrl.split('/').pop()!;
    const changed = await api('PATCH', `/api/v1/deals/${id}`, { closeDate: '2026-12-24' });
    expect(changed.status).toBe(200);
    await drag(column('Lead in').getByTestId('deal-card'), column('Proposal'));
    await expect.poll(() => page.getByTestId('move-error').textContent()).toContain('was changed by someone else');
    expect(await columnText('Lead in', 'column-count')).toBe('1');
    expect(await columnText('Proposal', 'column-count')).toBe('0');
    await expect.poll(() => column('Lead in').getByTestId('deal-card').count()).toBe(1);
    await screenshot(page, 'sales-board-refused');
  });

  it('drags the deal to Won and the totals of both columns follow', async () => {
    await page.reload();
    await column('Lead in').getByTestId('deal-card').waitFor();
    await drag(column('Lead in').getByTestId('deal-card'), column('Won'));
    await expect.poll(() => columnText('Won', 'column-count')).toBe('1');
    await expect.poll(() => columnText('Won', 'column-amount')).toBe('€12,000.00');
    expect(await columnText('Won', 'column-weighted')).toBe('€12,000.00 weighted');
    expect(await columnText('Lead in', 'column-count')).toBe('0');
    expect(await column('Lead in').getByTestId('column-totals').textContent()).toBe('No deals · 10%');
    expect(await page.getByTestId('move-error').count()).toBe(0);
    await screenshot(page, 'sales-board-won');
    // The server agrees after a reload, and the deal's history shows where it has been.
    await page.reload();
    await expect.poll(() => columnText('Won', 'column-count')).toBe('1');
    await page.goto(dealUrl);
    await expect.poll(() => page.getByTestId('deal-stage').textContent()).toBe('Won · 100%');
    await expect.poll(() => page.getByTestId('stage-history').getByTestId('stage-time').count()).toBe(2);
  });

  it('lists the deal in the deal list, with money and stage shown for people', async () => {
    await nav('Deals').click();
    const row = page.getByTestId('list-row').filter({ hasText: 'Analytical Engines deal' });
    await row.waitFor();
    expect(await row.locator('[data-column="amount"]').textContent()).toBe('€12,000.00');
    expect(await row.locator('[data-column="stageId"]').textContent()).toBe('Won');
    expect(await row.locator('[data-column="companyId"]').textContent()).toBe('Analytical Engines');
    await screenshot(page, 'sales-deals-list');
  });

  it('edits pipelines in settings', async () => {
    await page.goto(`${server.url}/settings/pipelines`);
    const pipeline = page.getByTestId('pipeline').filter({ hasText: 'Sales pipeline' });
    await pipeline.waitFor();
    await pipeline.getByRole('button', { name: 'Edit Sales pipeline' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Sales pipeline' });
    await dialog.getByTestId('stage-row').first().waitFor();
    // Drag Negotiation above Proposal by its handle.
    await drag(dialog.getByRole('button', { name: 'Move Negotiation', exact: true }), dialog.getByRole('button', { name: 'Move Proposal', exact: true }));
    await expect.poll(() => dialog.getByTestId('stage-row').nth(2).locator('input').first().inputValue()).toBe('Negotiation');
    await screenshot(page, 'sales-pipeline-edit');
    await dialog.getByRole('button', { name: 'Save pipeline' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => pipeline.textContent()).toContain('3. Negotiation · 75%');
    await screenshot(page, 'sales-pipelines');
  });

  it('shows the board on a phone, scrolling sideways', async () => {
    const phone = await openPage(browser, { width: 375, height: 740 });
    const cookies = await page.context().cookies();
    await phone.context.addCookies(cookies);
    await phone.page.goto(`${server.url}/deals/board`);
    await phone.page.getByTestId('board-column').first().waitFor();
    const { scroll, client, pageWidth } = await phone.page.evaluate(() => {
      const board = document.querySelector('[data-testid="board"]')!;
      return { scroll: board.scrollWidth, client: board.clientWidth, pageWidth: document.documentElement.scrollWidth };
    });
    expect(scroll).toBeGreaterThan(client);
    // Only the board scrolls sideways; the page itself stays phone-wide.
    expect(pageWidth).toBeLessThanOrEqual(375);
    await screenshot(phone.page, 'sales-board-phone');
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });

  it('stayed healthy: no script errors, no server errors', () => {
    expect(problems).toEqual([]);
  });
});
