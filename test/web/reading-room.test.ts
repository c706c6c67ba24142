/**
 * The reading room in a real browser: Debian's Chromium driven by playwright-core against the
 * server on loopback, over the real corpus. Each step saves a screenshot to test-artifacts/
 * for a person to look at. Skipped, with the reason printed, only when Chromium is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT, SEED_ARTICLE, sharedSkip } from '../helpers/shared.ts';
import { corpusServer } from '../server/helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync',
];
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
const LAPTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

const browserSkip: string | false = !existsSync(CHROMIUM) ? `${CHROMIUM} is absent (apt-get install chromium)` : sharedSkip;
if (!existsSync(CHROMIUM)) console.log(`# skipping browser tests: ${CHROMIUM} is absent`);

describe('the reading room in Chromium (shared corpus)', { skip: browserSkip }, () => {
  let app: FastifyInstance;
  let base: string;
  let userDataDir: string;
  let context: BrowserContext;
  /** Console errors and CSP violations seen on any page: there must be none. */
  const problems: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ app } = await corpusServer());
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    userDataDir = mkdtempSync(join(tmpdir(), 'verbatim-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: LAPTOP,
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    context.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${message.location().url}: ${message.text()}`);
    });
    context.on('weberror', (error) => problems.push(error.error().message));
  });

  after(async () => {
    await context?.close();
    await app?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
  }

  test('shared: search from the home page, then narrow with two facets', async () => {
    const page = await context.newPage();
    await page.goto(base + '/');
    await shot(page, '01-home');
    assert.match(await page.locator('.counts').innerText(), /35\s+documents/);
    await page.fill('#q', 'SDI');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\/search\?q=SDI$/);
    const total = Number((await page.locator('#results-title').innerText()).match(/^\d+/)?.[0]);
    assert.ok(total >= 5, `SDI in ${total} documents`);

    await page.locator('.facet', { hasText: 'Kind of record' }).getByRole('link', { name: /Memorandum of conversation/ }).click();
    await page.waitForURL(/type=memcon/);
    await page.locator('.facets .facet', { has: page.locator('h3', { hasText: /^Year$/ }) }).getByRole('link', { name: /1986/ }).click();
    await page.waitForURL(/type=memcon&year=1986/);
    assert.deepEqual(await page.locator('.chips a').allInnerTexts(), ['Kind of record: Memorandum of conversation ×', 'Year: 1986 ×']);
    const narrowed = Number((await page.locator('#results-title').innerText()).match(/^\d+/)?.[0]);
    assert.ok(narrowed > 0 && narrowed < total, `facets narrow ${total} to ${narrowed}`);
    assert.ok((await page.locator('.snippet mark').count()) > 0, 'snippets are highlighted');
    await shot(page, '02-search-facets');
    await page.close();
  });

  test('shared: open a document at a passage and copy its BibTeX citation', async () => {
    const page = await context.newPage();
    await page.goto(base + '/search?q=SDI&type=memcon');
    const first = page.locator('li.hit h3 a').first();
    const href = await first.getAttribute('href');
    assert.match(href ?? '', /^\/documents\/[\w-]+#p\d+$/);
    await first.click();
    await page.waitForURL(/\/documents\//);
    const anchor = href?.split('#')[1] ?? '';
    // The linked passage is the :target, highlighted and in view.
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), anchor);
    assert.ok(await page.locator(`#${anchor}`).isVisible());
    assert.match(await page.locator('.meta-panel').innerText(), /Classification\s+SECRET/i);
    await shot(page, '03-document-at-passage');

    const copy = page.locator('button.copy[data-copy="cite-bibtex"]');
    assert.ok(await copy.isVisible(), 'the copy button is shown once JavaScript runs');
    await copy.click();
    await assert.doesNotReject(page.waitForFunction(() => document.querySelector('button[data-copy="cite-bibtex"]')?.textContent === 'Copied'));
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(clipboard, /^@misc\{frus1981-88v05-d\d+,\n {2}title = \{Memorandum of Conversation \([^)]+\)\}/);
    await page.locator('.citations').scrollIntoViewIfNeeded();
    await shot(page, '04-citation-copied');
    await page.close();
  });

  test('shared: trace the founding article and open its permalink', async () => {
    const page = await context.newPage();
    await page.goto(base + '/trace');
    await shot(page, '05-trace-form');
    await page.fill('#trace-text', readFileSync(SEED_ARTICLE, 'utf8'));
    await page.click('form.trace-form button[type="submit"]');
    await page.waitForURL(/\/traces\/[0-9a-f]{16}$/);
    assert.match(await page.locator('.notice').innerText(), /No matching document in the archive/);
    const quotes = await page.locator('li.quote blockquote.said').allInnerTexts();
    assert.deepEqual(quotes.slice(0, 2), ['a kind of cartel', 'very carefully']);
    assert.match(await page.locator('table.claims').innerText(), /Novo-Ogarevo/);
    await shot(page, '06-trace-report');

    const permalink = await page.inputValue('#permalink');
    assert.equal(permalink, page.url(), 'the permalink field holds the full URL of this trace');
    const reopened = await context.newPage();
    await reopened.goto(permalink);
    assert.equal(await reopened.locator('h1').innerText(), await page.locator('h1').innerText());
    assert.equal(await reopened.locator('li.quote').count(), quotes.length);
    await shot(reopened, '07-trace-permalink');
    await reopened.close();
    await page.close();
  });

  test('shared: a document reads on a phone and without JavaScript', async () => {
    const noScript = await context.browser()?.newContext({ javaScriptEnabled: false, viewport: PHONE });
    // A persistent context has no browser handle; a second page with JS off stands in.
    const page = noScript ? await noScript.newPage() : await context.newPage();
    if (!noScript) {
      await page.setViewportSize(PHONE);
      await page.route('**/static/app.js*', (route) => route.abort());
    }
    await page.goto(base + '/documents/frus1981-88v05-d151#p28');
    assert.ok(await page.locator('#p28').isVisible());
    assert.equal(await page.locator('button.copy').first().isVisible(), false, 'copy buttons stay hidden without JavaScript');
    assert.match(await page.locator('#cite-chicago').innerText(), /^“Memorandum of Conversation \(First Plenary Meeting\),” Geneva/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);
    await shot(page, '08-document-phone-no-js');
    await page.close();
  });

  test('shared: keyboard: the skip link and "/" reach the content and the search box', async () => {
    const page = await context.newPage();
    await page.goto(base + '/documents/frus1981-88v05-d151');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'header-q');
    await page.close();
  });

  test('shared: no page logged an error or a Content-Security-Policy violation', () => {
    assert.deepEqual(problems, []);
  });
});
