/**
 * Browser-test harness: playwright-core driving Debian's chromium (never a downloaded
 * browser), a fresh profile per launch, console watching for CSP violations, and
 * full-page screenshots saved as test artefacts under test-artifacts/screenshots/.
 *
 * A missing chromium fails the browser suites; they skip only when asked by name
 * (WEERBAAR_TEST_SKIP=browser).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_BASE_ARGS } from '../../src/scan/collect/privacy/browser.js';
import { suiteRuns } from '../fixtures/required-tools.js';

export const CHROMIUM_PATH = process.env.WEERBAAR_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for Debian's chromium in a container: no sandbox, no GPU, no traffic of its own. */
export const CHROMIUM_ARGS = [...CHROMIUM_BASE_ARGS];

export const SCREENSHOT_DIR = join(process.cwd(), 'test-artifacts', 'screenshots');

/**
 * Whether the browser suites run here: they fail when chromium is missing, and skip only
 * when asked (WEERBAAR_TEST_SKIP=browser, see required-tools.ts).
 */
export function browserAvailable(): boolean {
  return suiteRuns('browser', { [`chromium (${CHROMIUM_PATH})`]: existsSync(CHROMIUM_PATH) });
}

/** A fresh headless chromium; Playwright gives every launch its own empty temporary profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
}

/** Collects console errors and, separately, Content-Security-Policy violations of every page in a context. */
export class ConsoleWatch {
  readonly errors: string[] = [];
  /** Responses of 400 and above (pages, styles, scripts, icons). */
  readonly failedLoads: string[] = [];

  constructor(context: BrowserContext) {
    const watch = (page: Page): void => {
      page.on('console', (message) => {
        if (message.type() === 'error') this.errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => this.errors.push(`${page.url()}: uncaught ${error.message}`));
      // The console names no address for a failed load; record which one it was.
      page.on('response', (response) => {
        if (response.status() >= 400) this.failedLoads.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      });
    };
    for (const page of context.pages()) watch(page);
    context.on('page', watch);
  }

  get cspViolations(): string[] {
    return this.errors.filter((text) => text.includes('Content Security Policy'));
  }
}

/** A context with sensible defaults for our pages: English UI, a laptop-sized window. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; console: ConsoleWatch }> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(15_000);
  const watch = new ConsoleWatch(context);
  const page = await context.newPage();
  return { context, page, console: watch };
}

/** Save a full-page screenshot as test-artifacts/screenshots/<name>.png and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Click a form's button by its accessible name and wait for the page it leads to. */
export async function submit(page: Page, buttonName: string, urlAfter?: RegExp | ((url: URL) => boolean)): Promise<void> {
  const navigation = urlAfter ? page.waitForURL(urlAfter) : page.waitForLoadState('load');
  await page.getByRole('button', { name: buttonName }).click();
  await navigation;
}
