/**
 * Every main page, in English and in Dutch, in a real browser (playwright-core driving
 * Debian chromium): axe-core finds no WCAG 2.1 A/AA violation, and at 360 px wide nothing
 * makes the page scroll sideways. The app's strict CSP stays on: axe is injected through
 * the DevTools protocol (page.evaluate), which a page's CSP does not govern.
 *
 * The data behind the pages is made the way a person makes it: sign up, create an
 * organisation, add and scan a loopback webshop, create a token, invite a colleague.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiTranslators } from '../src/server/features.js';
import { BASE_URL, mailedLink, SHOP_DOMAIN, startFlowWorld, type FlowWorld } from './browser/flow-fixtures.js';
import { browserAvailable, launchBrowser, newContext, submit, type ConsoleWatch } from './browser/harness.js';
import { STRONG_PASSWORD } from './web/harness.js';

const en = uiTranslators()('en');

const OWNER = { email: 'pia@pages.test', name: 'Pia Pages', password: STRONG_PASSWORD };
const ORG_NAME = 'Bloemenwinkel Pagina';
const NARROW = 360;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The main pages; `{org}`, `{domain}`, `{scan}` and `{invitation}` are filled in once the data exists. */
const PAGES = [
  { name: 'login', path: '/login', signedIn: false },
  { name: 'sign-up', path: '/signup', signedIn: false },
  { name: 'forgotten password', path: '/password/forgot', signedIn: false },
  { name: 'invitation', path: '{invitation}', signedIn: false },
  { name: 'organisation list', path: '/orgs', signedIn: true },
  { name: 'organisation overview', path: '{org}', signedIn: true },
  { name: 'organisation settings', path: '{org}/settings', signedIn: true },
  { name: 'domain page', path: '{org}/domains/{domain}', signedIn: true },
  { name: 'scan result', path: '{org}/scans/{scan}', signedIn: true },
  { name: 'members and invitations', path: '{org}/members', signedIn: true },
  { name: 'API tokens', path: '{org}/tokens', signedIn: true },
  { name: 'audit log', path: '{org}/audit', signedIn: true },
  { name: 'privacy statement form', path: '{org}/privacy-statement', signedIn: true },
  { name: 'account', path: '/account', signedIn: true },
  { name: 'account security', path: '/account/security', signedIn: true },
] as const;

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's WCAG 2.1 A/AA violations on the page with every <details> opened (what is
 * folded away must be just as usable once a person opens it).
 */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  const { passes, violations } = await page.evaluate<{ passes: number; violations: AxeViolation[] }>(`(async () => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const found = await axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } });
    return {
      passes: found.passes.length,
      violations: found.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) })),
    };
  })()`);
  expect(passes, 'axe ran its rules').toBeGreaterThan(5);
  return violations;
}

/** The innermost elements whose right edge lies beyond `limit` pixels, to say what makes a page too wide. */
function stickingOut(page: Page, limit: number): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const out = [];
    for (const element of document.body.querySelectorAll('*')) {
      const childSticksOut = [...element.children].some((child) => child.getBoundingClientRect().right > ${limit});
      if (element.getBoundingClientRect().right > ${limit} && !childSticksOut) out.push(element.tagName + '.' + element.className + ': ' + (element.textContent || '').slice(0, 40));
    }
    return out.slice(0, 8);
  })()`);
}

function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

describe.skipIf(!browserAvailable())('the main pages in a browser: accessible and no sideways scrolling at 360 px', () => {
  let world: FlowWorld;
  let browser: Browser;
  let signedIn: Page;
  const anonymous: Partial<Record<'en' | 'nl', Page>> = {};
  const watches: ConsoleWatch[] = [];
  const places = { org: '', domain: '', scan: '', invitation: '' };
  const counts: string[] = [];

  beforeAll(async () => {
    world = await startFlowWorld();
    browser = await launchBrowser();
    for (const [lang, locale] of [['en', 'en-GB'], ['nl', 'nl-NL']] as const) {
      const opened = await newContext(browser, { locale });
      watches.push(opened.console);
      anonymous[lang] = opened.page;
    }
    const opened = await newContext(browser, { locale: 'en-GB' });
    watches.push(opened.console);
    const page = (signedIn = opened.page);
    await page.goto(`${BASE_URL}/signup`);
    await page.getByLabel(en('signup.name')).fill(OWNER.name);
    await page.getByLabel(en('auth.email')).fill(OWNER.email);
    await page.getByLabel(en('auth.password')).fill(OWNER.password);
    await submit(page, en('signup.submit'), /\/verify-email$/);
    await page.goto(await mailedLink(world, OWNER.email, '/verify-email/'));
    await submit(page, en('verifyEmail.confirm'), /\/orgs$/);
    await page.getByLabel(en('orgs.name'), { exact: true }).fill(ORG_NAME);
    await page.getByLabel(en('orgs.kind.webshop'), { exact: true }).check();
    await submit(page, en('orgs.createSubmit'), /\/orgs\/[0-9a-f-]{36}$/);
    places.org = new URL(page.url()).pathname;
    await page.getByLabel(en('domainAdd.label'), { exact: true }).fill(SHOP_DOMAIN);
    await submit(page, en('domainAdd.submit'), /\/domains\/[0-9a-f-]{36}\?added=1$/);
    places.domain = /\/domains\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    await submit(page, en('domain.scanNow'), /\/scans\/[0-9a-f-]{36}$/);
    places.scan = /\/scans\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    await page.getByRole('heading', { name: en('scan.results'), level: 2 }).waitFor({ timeout: 60_000 });
    await page.goto(`${BASE_URL}${places.org}/tokens`);
    await page.getByLabel(en('tokens.name'), { exact: true }).fill('Nightly scan from the build server');
    await submit(page, en('tokens.create'), /\/tokens/);
    await page.goto(`${BASE_URL}${places.org}/members`);
    await page.getByLabel(en('auth.email'), { exact: true }).fill('cas@pages.test');
    await submit(page, en('members.inviteSubmit'), /\/members\?done=invited$/);
    const mail = world.mailbox.received.find((message) => message.to.includes('cas@pages.test'));
    places.invitation = new URL(/http:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? `${BASE_URL}/none`).pathname;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
    console.log(`axe violations per page:\n${counts.join('\n')}`);
  });

  const fill = (path: string): string =>
    path
      .replace('{org}', places.org)
      .replace('{domain}', places.domain)
      .replace('{scan}', places.scan)
      .replace('{invitation}', places.invitation);

  for (const lang of ['en', 'nl'] as const) {
    describe(lang === 'en' ? 'in English' : 'in Dutch', () => {
      if (lang === 'nl') {
        it('switches the profile to Dutch', async () => {
          await signedIn.goto(`${BASE_URL}/account`);
          await signedIn.getByLabel(en('account.lang'), { exact: true }).selectOption('nl');
          await submit(signedIn, en('common.save'), /\/account\?notice=saved$/);
          expect(await signedIn.locator('html').getAttribute('lang')).toBe('nl');
        });
      }

      for (const target of PAGES) {
        it(`${target.name}: no axe violation, and nothing wider than ${NARROW} px`, async () => {
          const page = target.signedIn ? signedIn : anonymous[lang];
          if (!page) throw new Error('no page');
          await page.setViewportSize({ width: 1280, height: 800 });
          const response = await page.goto(`${BASE_URL}${fill(target.path)}`);
          expect(response?.status()).toBe(200);
          expect(await page.locator('html').getAttribute('lang')).toBe(lang);
          const wide = await axeViolations(page);
          await page.setViewportSize({ width: NARROW, height: 740 });
          const narrow = await axeViolations(page);
          const width = await page.evaluate<number>('document.documentElement.scrollWidth');
          const sticking = width > NARROW ? await stickingOut(page, NARROW) : [];
          const all = [...wide, ...narrow.filter((v) => !wide.some((w) => w.id === v.id))];
          counts.push(`${lang} ${target.name}: ${all.length} (${all.map((v) => `${v.id}x${v.nodes.length}`).join(', ')}), width at ${NARROW}: ${width}`);
          expect(describeViolations(all)).toBe('');
          expect(width, sticking.join('\n')).toBeLessThanOrEqual(NARROW);
        });
      }
    });
  }

  it('loads every page without a Content-Security-Policy violation or script error', () => {
    expect(watches.flatMap((w) => w.cspViolations)).toEqual([]);
    expect(watches.flatMap((w) => w.errors)).toEqual([]);
  });
});
