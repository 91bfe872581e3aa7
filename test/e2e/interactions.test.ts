import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../../src/server/platform/jobs/job-runner';
import { startJobWorker } from '../../src/server/worker';
import { launchBrowser, openPage, screenshot, stopAfterFirstFailure } from './support/browser';
import { type RunningServer, createAccount, startServer } from './support/server';

const OWNER = { name: 'Joan Clarke', email: 'joan@bletchley.test', password: 'enigma hut eight 1941', workspaceName: 'Bletchley' };
const COLLEAGUE = { name: 'Alan Turing', email: 'alan@bletchley.test', password: 'bombe machine 1940' };

/**
 * A day of interactions: log a call on a contact and see it on the timeline, mention a colleague
 * who is told at once, keep a hostile note harmless, get a real task reminder in the bell, complete
 * the task, and a colleague's open page following along without a reload.
 */
describe('interactions in the web app', () => {
  let server: RunningServer;
  let runner: JobRunner;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let colleague: { page: Page; context: BrowserContext; problems: string[] };
  let contactId: string;
  const dialogs: string[] = [];
  const consoleLines: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    // The job runner `rapport start` runs in-process, polling often so a reminder is not waited for.
    runner = await startJobWorker(server.services, pino({ level: 'silent' }), { concurrency: 2, leaseMs: 60_000, pollMs: 200, graceMs: 1_000 });
    const owner = await createAccount(server.url, OWNER);
    const contact = (await owner.post('/api/v1/contacts', { firstName: 'Ada', lastName: 'Lovelace', emails: [{ email: 'ada@engine.test' }] })) as { id: string };
    contactId = contact.id;
    const invitation = (await owner.post('/api/v1/invitations', { email: COLLEAGUE.email, role: 'member' })) as { acceptUrl: string };
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser, { width: 1280, height: 900 }));
    colleague = await openPage(browser, { width: 1280, height: 900 });
    for (const p of [page, colleague.page]) {
      p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      p.on('console', (m) => consoleLines.push(m.text()));
    }
    await colleague.page.goto(invitation.acceptUrl.replace(/^https?:\/\/[^/]+/, server.url));
    await colleague.page.getByText('Join your team on Rapport').waitFor({ timeout: 30_000 });
    await colleague.page.getByLabel('Your name').fill(COLLEAGUE.name);
    await colleague.page.getByRole('textbox', { name: 'Choose a password' }).fill(COLLEAGUE.password);
    await colleague.page.getByRole('button', { name: 'Accept invitation' }).click();
    await colleague.page.waitForURL('**/contacts');
  });
  afterAll(async () => {
    await runner?.stop();
    await browser?.close();
    await server?.close();
  });
  stopAfterFirstFailure(() => page, 'interactions');

  const timeline = (p: Page) => p.getByTestId('timeline');
  const items = (p: Page) => timeline(p).getByTestId('timeline-item');
  // The quick-log switch is a segmented control: its labels take the clicks.
  const openComposer = (p: Page, name: string) => timeline(p).locator('.mantine-SegmentedControl-label').getByText(name, { exact: true }).click();
  const bellCount = (p: Page) => p.getByTestId('notification-count').locator('.mantine-Indicator-indicator').textContent({ timeout: 1000 }).catch(() => '');

  it('signs in and opens a contact whose timeline starts with its creation', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/contacts');
    await page.goto(`${server.url}/contacts/${contactId}`);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('Ada Lovelace');
    await expect.poll(() => items(page).count()).toBe(1);
    expect(await items(page).first().textContent()).toContain('Created');

    // The colleague has the same contact open, and a marker that a reload would wipe.
    await colleague.page.goto(`${server.url}/contacts/${contactId}`);
    await expect.poll(() => items(colleague.page).count()).toBe(1);
    await colleague.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  });

  it('logs a call that shows on the timeline, and on the colleague’s open page without a reload', async () => {
    await openComposer(page, 'Call');
    const form = page.getByTestId('log-call');
    await form.getByLabel('Duration').fill('4:30');
    await form.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Left voicemail' }).click();
    await form.getByLabel('Notes').fill('Asked about the analytical engine; will call back.');
    await screenshot(page, 'timeline-log-call');
    await form.getByRole('button', { name: 'Log call' }).click();
    const call = items(page).filter({ hasText: 'Outgoing call' });
    await call.waitFor();
    expect(await call.textContent()).toMatch(/4 min 30 s.*Left voicemail.*analytical engine/);
    expect(await items(page).first().getAttribute('data-kind')).toBe('call');

    const seen = items(colleague.page).filter({ hasText: 'Outgoing call' });
    await seen.waitFor();
    expect(await seen.textContent()).toContain('Joan Clarke');
    expect(await colleague.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });

  it('filters the timeline by type', async () => {
    await timeline(page).getByText('Changes', { exact: true }).click();
    await expect.poll(() => items(page).count()).toBe(1);
    expect(await items(page).first().getAttribute('data-kind')).toBe('event');
    await timeline(page).getByText('Calls', { exact: true }).click();
    await expect.poll(() => items(page).count()).toBe(2);
    await timeline(page).getByText('Changes', { exact: true }).click();
    await timeline(page).getByText('Calls', { exact: true }).click();
    await expect.poll(() => items(page).count()).toBe(2);
  });

  it('mentions the colleague in a comment; their bell rings live and opens the contact', async () => {
    // The colleague moves on to the list inside the app: no reload from here on.
    await colleague.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await colleague.page.waitForURL('**/contacts');
    expect(await bellCount(colleague.page)).toBe('');
    await openComposer(page, 'Comment');
    const box = page.getByTestId('comment-form').getByRole('textbox', { name: 'Comment' });
    await box.click();
    await box.pressSequentially('Could you check her notes, @Ala', { delay: 20 });
    await page.getByRole('option', { name: /Alan Turing/ }).waitFor();
    await screenshot(page, 'comment-mention');
    await box.press('Enter');
    expect(await box.inputValue()).toMatch(/@\[Alan Turing\]\(user:[0-9a-f-]{36}\) $/);
    await box.pressSequentially('before Friday?');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const comment = items(page).filter({ hasText: 'before Friday?' });
    await comment.waitFor();
    expect(await comment.locator('.mention').textContent()).toBe('@Alan Turing');

    await expect.poll(() => bellCount(colleague.page)).toBe('1');
    expect(await colleague.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await colleague.page.getByRole('button', { name: /Notifications, 1 unread/ }).click();
    const note = colleague.page.getByTestId('notification').first();
    await expect.poll(() => note.textContent()).toContain('Joan Clarke mentioned you on Ada Lovelace');
    await colleague.page.waitForTimeout(250);
    await screenshot(colleague.page, 'notifications-open');
    await note.click();
    await colleague.page.waitForURL(`**/contacts/${contactId}`);
    await expect.poll(() => bellCount(colleague.page)).toBe('');
  });

  it('keeps a hostile note harmless: shown as text when typed, stripped when sent as HTML', async () => {
    await openComposer(page, 'Note');
    const editor = page.getByTestId('log-note').getByRole('textbox', { name: 'Note' });
    await editor.click();
    await editor.fill('<img src=x onerror="window.pwned=1;console.log(\'XSS-MARKER\')"><script>alert("XSS")</script>');
    await page.getByRole('button', { name: 'Add note' }).click();
    const typed = items(page).filter({ hasText: 'onerror' }).first();
    await typed.waitFor();
    expect(await typed.getByTestId('activity-body').textContent()).toContain('<script>alert("XSS")</script>');

    // The same payload as raw HTML, through the API as any client could send it.
    const status = await page.evaluate(async (id) => {
      const csrf = decodeURIComponent(/rapport_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
      const body = '<p>Kept <strong>bold</strong></p><img src=x onerror="window.pwned=2;console.log(\'XSS-MARKER\')"><script>alert("XSS")</script><a href="javascript:alert(1)">bad link</a>';
      const res = await fetch('/api/v1/activities', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ type: 'note', body, links: [{ objectType: 'contacts', id }] }) });
      return res.status;
    }, contactId);
    expect(status).toBe(201);
    const sent = items(page).filter({ hasText: 'Kept bold' });
    await sent.waitFor();
    const html = await sent.getByTestId('activity-body').innerHTML();
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toMatch(/onerror|<script|<img|javascript:/i);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(consoleLines.filter((l) => l.includes('XSS-MARKER'))).toEqual([]);
    await sent.scrollIntoViewIfNeeded();
    await screenshot(page, 'timeline-notes');
  });

  it('loads older entries as the person scrolls down the timeline', async () => {
    const before = await items(page).count();
    await page.evaluate(async (id) => {
      const csrf = decodeURIComponent(/rapport_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
      for (let i = 1; i <= 30; i++) {
        const occurredAt = new Date(Date.UTC(2020, 0, i)).toISOString();
        await fetch('/api/v1/activities', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({ type: 'call', subject: `Old call ${i}`, occurredAt, call: { direction: 'in' }, links: [{ objectType: 'contacts', id }] }),
        });
      }
    }, contactId);
    // The first page holds 25 entries; the rest come with the scroll.
    await expect.poll(() => items(page).count()).toBe(25);
    await page.getByRole('button', { name: 'Load more' }).scrollIntoViewIfNeeded();
    await expect.poll(() => items(page).count()).toBe(before + 30);
    expect(await items(page).last().textContent()).toContain('Old call 1');
    await expect.poll(() => page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('creates a task on the contact whose reminder arrives in the bell, then completes it', async () => {
    const tasks = page.getByTestId('record-tasks');
    await tasks.getByRole('button', { name: 'Add' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByLabel('Title').fill('Call Ada back');
    // Due in ten minutes, reminded fifteen before: the reminder job is due at once.
    const due = new Date(Date.now() + 10 * 60_000).toISOString().slice(0, 16);
    await dialog.getByLabel('Due').fill(due);
    await dialog.getByRole('combobox', { name: 'Reminder' }).click();
    await page.getByRole('option', { name: '15 minutes before' }).click();
    await dialog.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: 'High' }).click();
    // The task is linked to the contact already.
    await dialog.getByText('Ada Lovelace').waitFor();
    await screenshot(page, 'task-form');
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await tasks.getByText('Call Ada back').waitFor();
    // On Ada's own page the row does not link back to her; it names priority and assignee.
    const row = (await tasks.getByTestId('task-row').textContent())!;
    expect(row).toMatch(/^Call Ada back.*high.*Joan Clarke$/);
    expect(row).not.toContain('Lovelace');
    await tasks.scrollIntoViewIfNeeded();
    await screenshot(page, 'record-tasks');

    await expect.poll(() => bellCount(page), { timeout: 15_000 }).toBe('1');
    await page.getByRole('button', { name: /Notifications, 1 unread/ }).click();
    const reminder = page.getByTestId('notification').first();
    expect(await reminder.textContent()).toMatch(/Due at \d\d:\d\d UTC on \d{4}-\d\d-\d\d: Call Ada back/);
    await reminder.click();
    await page.waitForURL('**/tasks?task=*');
    const edit = page.getByRole('dialog', { name: 'Edit task' });
    await expect.poll(() => edit.getByLabel('Title').inputValue()).toBe('Call Ada back');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByTestId('task-row').filter({ hasText: 'Call Ada back' }).waitFor();
    expect(await page.getByTestId('task-row').filter({ hasText: 'Call Ada back' }).textContent()).toContain('Ada Lovelace');
    await screenshot(page, 'tasks-page');

    await page.getByRole('checkbox', { name: 'Complete Call Ada back' }).click();
    await expect.poll(() => page.getByTestId('task-row').filter({ hasText: 'Call Ada back' }).count()).toBe(0);
    const stored = await page.evaluate(async () => (await fetch('/api/v1/tasks?status=done')).json());
    expect(stored.data.map((t: { title: string }) => t.title)).toEqual(['Call Ada back']);
  });

  it('shows the calendar feed address once, and it serves the calendar', async () => {
    const card = page.getByTestId('calendar-feed');
    await card.getByRole('button', { name: 'Create feed address' }).click();
    const url = (await card.getByTestId('secret-value').textContent())!;
    expect(url).toMatch(/\/api\/v1\/calendar\/cal_[A-Za-z0-9_-]+\.ics$/);
    const ics = await (await fetch(url.replace(/^https?:\/\/[^/]+/, server.url))).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    await card.getByRole('button', { name: 'Rotate address' }).waitFor();
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/tasks`);
    await page.getByTestId('tasks-overdue').waitFor();
    await screenshot(page, 'tasks-phone');
    await page.goto(`${server.url}/contacts/${contactId}`);
    await timeline(page).scrollIntoViewIfNeeded();
    await openComposer(page, 'Meeting');
    await screenshot(page, 'timeline-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: /Notifications/ }).click();
    await page.getByTestId('notification').first().waitFor();
    await page.waitForTimeout(250);
    await screenshot(page, 'notifications-phone');
    expect(problems).toEqual([]);
    expect(colleague.problems).toEqual([]);
  });
});
