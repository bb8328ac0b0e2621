/**
 * The scan result page as a shop owner sees it, in a real browser (playwright-core driving
 * Debian chromium) on a real scan of the loopback webshop of the browser flow: at 360 px
 * nothing overflows sideways, the page starts with the summary (a score per area and the
 * three most important actions with who fixes them), and the Dutch page carries no
 * English sentence from the catalogue. Screenshots land in test-artifacts/screenshots/.
 *
 * The account, organisation, domain and scan are made through the app's own routes
 * (TestClient over app.inject); the browser gets the session cookie.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCANS_TEXTS } from '../src/domains/texts.js';
import { uiTranslators } from '../src/server/features.js';
import { BASE_URL, mailedLink, SHOP_DOMAIN, startFlowWorld, type FlowWorld } from './browser/flow-fixtures.js';
import { browserAvailable, launchBrowser, newContext, screenshot } from './browser/harness.js';
import { createOrgVia } from './web/org-helpers.js';
import { signUpUnverified, TestClient } from './web/harness.js';

const nl = uiTranslators()('nl');

async function waitForScan(world: FlowWorld, scanId: string): Promise<void> {
  const db = world.app.database.handle.db;
  for (let i = 0; i < 240; i++) {
    const row = await db.selectFrom('scans').select('status').where('id', '=', scanId).executeTakeFirstOrThrow();
    if (row.status === 'done') return;
    if (row.status === 'failed') throw new Error(`scan ${scanId} failed`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`scan ${scanId} did not finish`);
}

/** Sentences of the EN catalogue (texts with at least four words, placeholders removed) that appear in the page text. */
function englishSentencesIn(text: string): string[] {
  const nlValues = new Set(Object.values(SCANS_TEXTS.nl));
  return Object.values(SCANS_TEXTS.en)
    .filter((value) => !nlValues.has(value))
    .flatMap((value) => value.split(/\{\{[^}]+\}\}/))
    .map((part) => part.trim())
    .filter((part) => part.split(/\s+/).length >= 4)
    .filter((part) => text.includes(part));
}

describe.skipIf(!browserAvailable())('the scan result page in a browser (chromium)', () => {
  let world: FlowWorld;
  let browser: Browser;
  let scanUrl = '';
  let domainUrl = '';
  let cookies: { name: string; value: string; url: string }[] = [];

  beforeAll(async () => {
    world = await startFlowWorld();
    browser = await launchBrowser();
    const client = new TestClient(world.app.app);
    await signUpUnverified(client, 'sam@shop.test', 'Sam Shop');
    const link = new URL(await mailedLink(world, 'sam@shop.test', '/verify-email/')).pathname;
    await client.get(link);
    expect((await client.post(link)).headers.location).toBe('/orgs');
    // The page follows the browser's language when the profile names none.
    await world.app.database.handle.db.updateTable('users').set({ lang: null }).where('email', '=', 'sam@shop.test').execute();
    const orgId = await createOrgVia(client, 'Fietsen Sam');
    const added = await client.post(`/orgs/${orgId}/domains`, { name: SHOP_DOMAIN });
    const domainPath = String(added.headers.location).replace(/\?.*$/, '');
    const scan = await client.post(`${domainPath}/scans`);
    const scanPath = String(scan.headers.location);
    await waitForScan(world, scanPath.split('/').at(-1) ?? '');
    scanUrl = `${BASE_URL}${scanPath}`;
    domainUrl = `${BASE_URL}${domainPath}`;
    cookies = [...client.cookies].map(([name, value]) => ({ name, value, url: BASE_URL }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  async function openAt(width: number, locale: string): Promise<Page> {
    const { context, page } = await newContext(browser, { viewport: { width, height: 800 }, locale });
    await context.addCookies(cookies);
    await page.goto(scanUrl);
    return page;
  }

  const pageWidth = (page: Page): Promise<number> => page.evaluate<number>('document.documentElement.scrollWidth');
  const pageHeight = (page: Page): Promise<number> => page.evaluate<number>('document.documentElement.scrollHeight');

  it('measures the page at 1280 px', async () => {
    const page = await openAt(1280, 'en-GB');
    console.log(`scan page at 1280 px: ${await pageHeight(page)} px high`);
    await screenshot(page, 'scan-page-1280');
    await page.context().close();
  });

  it('does not overflow at 360 px, in English and Dutch', async () => {
    for (const locale of ['en-GB', 'nl-NL']) {
      const page = await openAt(360, locale);
      expect(await pageWidth(page), locale).toBeLessThanOrEqual(360);
      await screenshot(page, `scan-page-360-${locale}`);
      // The overview and the domain page, with their tables.
      await page.goto(`${BASE_URL}${new URL(scanUrl).pathname.replace(/\/scans\/.*$/, '')}`);
      expect(await pageWidth(page), `overview ${locale}`).toBeLessThanOrEqual(360);
      await screenshot(page, `overview-360-${locale}`);
      await page.goto(domainUrl);
      expect(await pageWidth(page), `domain page ${locale}`).toBeLessThanOrEqual(360);
      await screenshot(page, `domain-360-${locale}`);
      await page.context().close();
    }
  });

  it('starts the Dutch page with the summary: a score per area and the three most important actions', async () => {
    const page = await openAt(1280, 'nl-NL');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    const summary = page.getByRole('region', { name: nl('scan.summary') });
    expect(await summary.count()).toBe(1);
    // The summary comes before the details.
    const summaryTop = (await page.locator('#summary').boundingBox())?.y ?? -1;
    const resultsTop = (await page.locator('#results').boundingBox())?.y ?? -1;
    expect(summaryTop).toBeGreaterThanOrEqual(0);
    expect(summaryTop).toBeLessThan(resultsTop);
    for (const area of ['web', 'mail', 'privacy']) {
      expect(await summary.locator(`#area-${area} svg`).count(), area).toBe(1);
      expect(await summary.locator(`#area-${area} h3`).textContent(), area).toBe(nl(`scan.area.${area}`));
    }
    const actions = summary.locator('li.action');
    expect(await actions.count()).toBeGreaterThanOrEqual(3);
    expect(await actions.first().textContent()).toContain(nl('scan.fixedBy.label'));
    const text = (await page.locator('main').textContent()) ?? '';
    expect(englishSentencesIn(text)).toEqual([]);
    await screenshot(page, 'scan-page-nl-1280');
    await page.context().close();
  });
});
