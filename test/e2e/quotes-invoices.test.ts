import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, stopAfterFirstFailure } from './support/browser';
import { type RunningServer, createAccount, startServer } from './support/server';

const OWNER = { name: 'Katherine Johnson', email: 'katherine@orbital.test', password: 'trajectory 1962', workspaceName: 'Orbital' };

/**
 * From catalogue to cash: a product in a price list, a quote for a customer with a discounted line
 * and a taxed line (totals checked against cents computed by hand), its PDF, acceptance into an
 * invoice, a partial payment, and the invoice in the customer's purchase history; the forecast
 * shows the won deal. Every screen is also looked at on a 375 px phone.
 *
 * Hand-computed figures (EUR cents), rounding half away from zero per line:
 *   line 1: 3 × 1,249.99 = 3,749.97; 12.5 % off → 3,281.22375 → 3,281.22 (discount 468.75); tax 0
 *   line 2: 2 × 499.95 = 999.90; no discount; 19 % tax → 189.981 → 189.98; line total 1,189.88
 *   subtotal 4,749.87 · discounts 468.75 · net 4,281.12 · tax 189.98 · total 4,471.10
 */
const EXPECTED = { subtotal: 474987, discount: -46875, net: 428112, tax: 18998, total: 447110 };
const DEAL_AMOUNT = 2_500_000;

describe('quotes and invoices in the web app', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let companyId: string;
  let dealId: string;
  let quoteUrl: string;
  let invoiceUrl: string;

  beforeAll(async () => {
    server = await startServer();
    const owner = await createAccount(server.url, OWNER);
    companyId = (await owner.post('/api/v1/companies', { name: 'Acme Rockets', domain: 'acme-rockets.test' })).id;
    browser = await launchBrowser();
    ({ page, context, problems } = await openPage(browser, { width: 1366, height: 900 }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  stopAfterFirstFailure(() => page, 'quotes-invoices');

  const csrf = async () => (await context.cookies()).find((c) => c.name === 'rapport_csrf')!.value;
  const totalOf = (testId: string) => page.getByTestId(testId).getAttribute('data-minor').then(Number);
  const segment = (label: string) => page.locator('.mantine-SegmentedControl-label').getByText(label, { exact: true });
  const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('signs in and wins a deal with the company (set up through the API)', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/contacts');
    const headers = { 'x-csrf-token': await csrf() };
    const pipelines = await (await page.request.get(`${server.url}/api/v1/pipelines`)).json();
    const won = pipelines.data.find((p: any) => p.isDefault).stages.find((s: any) => s.kind === 'won');
    const today = new Date().toISOString().slice(0, 10);
    const res = await page.request.post(`${server.url}/api/v1/deals`, { headers, data: { name: 'Lunar launch', amount: DEAL_AMOUNT, currency: 'EUR', companyId, stageId: won.id, closeDate: today } });
    expect(res.status()).toBe(201);
    dealId = (await res.json()).id;
  });

  it('adds a price list and a product in Settings', async () => {
    await page.goto(`${server.url}/settings/products`);
    await page.getByText('No products yet').waitFor();
    await page.getByRole('button', { name: 'New price list' }).click();
    let dialog = page.getByRole('dialog', { name: 'New price list' });
    await dialog.getByLabel('Name').fill('Europe');
    await dialog.getByLabel('Default for new quotes').check();
    await dialog.getByRole('button', { name: 'Create price list' }).click();
    await page.getByTestId('price-list-row').filter({ hasText: 'Europe' }).waitFor();

    await page.getByRole('button', { name: 'New product' }).click();
    dialog = page.getByRole('dialog', { name: 'New product' });
    await dialog.getByLabel('Name').fill('Booster stage');
    await dialog.getByLabel('SKU').fill('BST-1');
    // A price with more decimals than the currency has is pointed at beside its input.
    await dialog.getByLabel('Europe (EUR)').fill('1249.999');
    await dialog.getByRole('button', { name: 'Create product' }).click();
    await dialog.getByText('Enter an amount in EUR, e.g. 19.99').waitFor();
    await dialog.getByLabel('Europe (EUR)').fill('1249.99');
    await screenshot(page, 'product-create');
    await dialog.getByRole('button', { name: 'Create product' }).click();
    const row = page.getByTestId('product-row').filter({ hasText: 'Booster stage' });
    await row.waitFor();
    expect(await row.textContent()).toContain('€1,249.99');
    await screenshot(page, 'products-settings');
  });

  it('writes a quote for the company with a discounted line and a taxed line; the totals are the cents computed by hand', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes' }).click();
    await page.getByText('No quotes yet').waitFor();
    await page.getByRole('button', { name: 'New quote' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New quote' });
    await dialog.getByLabel('Title').fill('Launch package');
    await dialog.getByRole('combobox', { name: 'Company' }).fill('Acme');
    await page.getByRole('option', { name: 'Acme Rockets' }).click();
    await dialog.getByRole('combobox', { name: 'Deal' }).click();
    await page.getByRole('option', { name: 'Lunar launch' }).click();
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Price list' }).inputValue()).toBe('Europe (EUR)');
    await dialog.getByRole('button', { name: 'Create quote' }).click();
    await page.waitForURL(/\/quotes\/[0-9a-f-]{36}$/);
    quoteUrl = page.url();
    await expect.poll(() => page.getByTestId('quote-title').textContent()).toBe('Q-00001 · Launch package');
    expect(await page.getByTestId('quote-status').textContent()).toBe('Draft');

    const lines = page.getByTestId('quote-line');
    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByRole('combobox', { name: 'Product, line 1' }).click();
    await page.getByRole('option', { name: 'Booster stage · BST-1' }).click();
    // The product brings its name and its price in the quote's price list.
    await expect.poll(() => page.getByLabel('Unit price, line 1').inputValue()).toBe('1249.99');
    expect(await page.getByLabel('Description, line 1').inputValue()).toBe('Booster stage');
    await page.getByLabel('Quantity, line 1').fill('3');
    await page.getByLabel('Discount, line 1').fill('12.5');

    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel('Description, line 2').fill('Installation on site');
    await page.getByLabel('Quantity, line 2').fill('2');
    await page.getByLabel('Unit price, line 2').fill('499.95');
    await page.getByLabel('Tax, line 2').fill('19');
    // The preview follows the typing; the saved totals wait for the save.
    await expect.poll(() => lines.nth(0).getByTestId('line-total').textContent()).toBe('€3,281.22');
    await expect.poll(() => lines.nth(1).getByTestId('line-total').textContent()).toBe('€1,189.88');
    await page.getByTestId('unsaved-totals').waitFor();
    await screenshot(page, 'quote-editing');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('unsaved-totals').waitFor({ state: 'detached' });
    await expect.poll(() => totalOf('total-total')).toBe(EXPECTED.total);
    expect(await totalOf('total-subtotal')).toBe(EXPECTED.subtotal);
    expect(await totalOf('total-discount')).toBe(EXPECTED.discount);
    expect(await totalOf('total-net')).toBe(EXPECTED.net);
    expect(await totalOf('total-tax')).toBe(EXPECTED.tax);
    expect(await page.getByTestId('total-total').textContent()).toBe('€4,471.10');
    expect(await page.getByTestId('total-tax').textContent()).toBe('€189.98');
    await screenshot(page, 'quote-saved');
  });

  it('downloads the quote as a PDF', async () => {
    const href = await page.getByTestId('quote-pdf').getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/quotes\/[0-9a-f-]{36}\/pdf$/);
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    const body = await res.body();
    expect(body.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(body.length).toBeGreaterThan(1000);
  });

  it('marks the quote as sent, accepts it and lands on its invoice', async () => {
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await expect.poll(() => page.getByTestId('quote-status').textContent()).toBe('Sent');
    // A sent quote is kept as it was.
    expect(await page.getByLabel('Quantity, line 1').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept Q-00001' });
    await dialog.getByLabel('Payment terms (days)').fill('14');
    await screenshot(page, 'quote-accept');
    await dialog.getByRole('button', { name: 'Accept and issue invoice' }).click();
    await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
    invoiceUrl = page.url();
    await expect.poll(() => page.getByTestId('invoice-number').textContent()).toBe('Invoice INV-00001');
    expect(await page.getByTestId('invoice-status').textContent()).toBe('Open');
    expect(await page.getByTestId('invoice-line').count()).toBe(2);
    expect(await totalOf('total-total')).toBe(EXPECTED.total);
    expect(await totalOf('invoice-balance')).toBe(EXPECTED.total);
    await screenshot(page, 'invoice-issued');
  });

  it('records a partial payment and shows what is left', async () => {
    await page.getByRole('button', { name: 'Record payment' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Record a payment on INV-00001' });
    // The balance is offered; more than the balance is refused beside the amount.
    expect(await dialog.getByLabel('Amount (EUR)').inputValue()).toBe('4471.10');
    await dialog.getByLabel('Amount (EUR)').fill('5000');
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await dialog.getByText('At most the balance').waitFor();
    await dialog.getByLabel('Amount (EUR)').fill('1500.50');
    await dialog.getByLabel('Reference').fill('Wire 42');
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => totalOf('invoice-balance')).toBe(EXPECTED.total - 150050);
    expect(await page.getByTestId('invoice-balance').textContent()).toBe('€2,970.60');
    expect(await totalOf('invoice-paid')).toBe(150050);
    expect(await page.getByTestId('payment-row').textContent()).toContain('Wire 42');
    expect(await page.getByTestId('invoice-status').textContent()).toBe('Open');
    await screenshot(page, 'invoice-partly-paid');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' }).click();
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(1);
    await segment('Paid').click();
    await page.getByText('No paid invoices').waitFor();
    await segment('Open').click();
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(1);
    expect(await page.getByTestId('invoice-row').textContent()).toContain('Acme Rockets');
    await screenshot(page, 'invoices-list');
  });

  it('shows the invoice and its lines in the company’s purchase history', async () => {
    await page.goto(`${server.url}/companies/${companyId}`);
    const history = page.getByTestId('purchase-history');
    const invoice = history.getByTestId('purchase-invoice').filter({ hasText: 'INV-00001' });
    await invoice.waitFor();
    expect(await history.getByTestId('purchase-totals').textContent()).toContain('Owed €2,970.60');
    await invoice.getByRole('button').first().click();
    await invoice.getByText('Installation on site').waitFor();
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'company-purchase-history');
  });

  it('lists the quote on its deal, and starts the next one from there for the same company', async () => {
    await page.goto(`${server.url}/deals/${dealId}`);
    const quotes = page.getByTestId('deal-quotes');
    await quotes.getByText('Q-00001 · Launch package').waitFor();
    expect(await quotes.getByTestId('quote-status').textContent()).toBe('Accepted');
    await quotes.getByRole('link', { name: 'Create quote' }).click();
    const dialog = page.getByRole('dialog', { name: 'New quote' });
    await expect.poll(() => dialog.getByLabel('Title').inputValue()).toBe('Lunar launch');
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Company' }).inputValue()).toBe('Acme Rockets');
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Deal' }).inputValue()).toBe('Lunar launch');
    await screenshot(page, 'quote-from-deal');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toBe(`${server.url}/quotes`);
  });

  it('counts the won deal in this month’s forecast', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click();
    await expect.poll(() => page.getByTestId('forecast-won').textContent()).toBe('€25,000.00');
    await page.getByTestId('forecast-chart').locator('.recharts-bar-rectangle').first().waitFor();
    // A quota of 50,000 for the month: the won deal is half of it.
    await page.getByRole('button', { name: 'Set quota', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Quota for / });
    await dialog.getByRole('combobox', { name: 'Person' }).click();
    await page.getByRole('option', { name: OWNER.name }).click();
    await dialog.getByLabel('Amount').fill('50,000');
    await dialog.getByRole('button', { name: 'Set quota' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('forecast-quota').textContent()).toContain('€50,000.00');
    await page.getByText('50.00 % attained').waitFor();
    await screenshot(page, 'forecast');
  });

  it('pays owners 5 % of won deals and shows it on the commission statement', async () => {
    await page.goto(`${server.url}/settings/commissions`);
    await page.getByText('No commission rules yet').waitFor();
    await page.getByRole('button', { name: 'New rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New commission rule' });
    await dialog.getByLabel('Name').fill('Owners on wins');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Owner' }).click();
    await dialog.getByLabel('Rate (%)').fill('5');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await page.getByTestId('commission-rule-row').filter({ hasText: 'Owners on wins' }).waitFor();
    await screenshot(page, 'commission-rules');
    await page.getByRole('link', { name: 'commission statements' }).click();
    await expect.poll(() => page.getByTestId('commission-total').textContent()).toBe('€1,250.00');
    expect(await page.getByTestId('statement-line').count()).toBe(1);
    await screenshot(page, 'commission-statement');
  });

  it('fits a 375 px phone on every screen', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    for (const [url, name, ready] of [
      [quoteUrl, 'quote', 'quote-title'],
      [invoiceUrl, 'invoice', 'invoice-number'],
      [`${server.url}/quotes`, 'quotes-list', 'quote-row'],
      [`${server.url}/invoices`, 'invoices-list', 'invoice-row'],
      [`${server.url}/companies/${companyId}`, 'company', 'purchase-invoice'],
      [`${server.url}/forecast`, 'forecast', 'forecast-chart'],
      [`${server.url}/settings/products`, 'products', 'product-row'],
      [`${server.url}/commissions`, 'commissions', 'statement-line'],
    ]) {
      await page.goto(url);
      await page.getByTestId(ready).first().waitFor();
      await screenshot(page, `phone-${name}`);
      expect(await noSidewaysScroll(), `${name} scrolls sideways at 375 px`).toBe(true);
    }
    expect(problems).toEqual([]);
  });
});
