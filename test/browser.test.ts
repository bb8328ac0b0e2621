/**
 * The newcomer's path through Weerbaar in a real browser (playwright-core driving Debian
 * chromium): sign up and confirm the address from the e-mail, create an organisation, turn on the second factor, sign in again
 * with it, add a domain, scan a loopback webshop, read the result in Dutch, invite a
 * colleague by e-mail (real SMTP), accept as that colleague, sign out, reset the
 * colleague's forgotten password by the e-mailed link. Screenshots of
 * the main pages land in test-artifacts/screenshots/. Every page must load without a
 * single Content-Security-Policy violation, and the pages work with JavaScript off.
 *
 * Labels and buttons are found by their accessible names, taken from the UI texts, so a
 * form whose label is not tied to its field fails here.
 */
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiTranslators } from '../src/server/features.js';
import { BASE_URL, mailedLink as mailedLinkIn, SHOP_DOMAIN, startFlowWorld, type FlowWorld } from './browser/flow-fixtures.js';
import { browserAvailable, launchBrowser, newContext, screenshot, submit, type ConsoleWatch } from './browser/harness.js';
import { STRONG_PASSWORD } from './web/harness.js';

const translator = uiTranslators();
const en = translator('en');
const nl = translator('nl');

const OWNER = { email: 'olga@shop.test', name: 'Olga Owner', password: STRONG_PASSWORD };
const COLLEAGUE = { email: 'cas@shop.test', name: 'Cas Colleague', password: 'another long passphrase 7' };
const ORG_NAME = 'Fietsenwinkel De Spaak';
const COLLEAGUE_NEW_PASSWORD = 'a fresh passphrase for Cas 9';

/** The code an authenticator app would show `offsetSeconds` from now. */
function totpCode(base32: string, offsetSeconds = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(base32.replace(/\s/g, '')), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offsetSeconds * 1000 });
}

describe.skipIf(!browserAvailable())('Weerbaar in a browser (chromium)', () => {
  let world: FlowWorld;
  let browser: Browser;
  let page: Page;
  let orgPath = '';
  let scanPath = '';
  let totpSecret = '';
  const watches: ConsoleWatch[] = [];

  const open = async (options: Parameters<typeof newContext>[1] = {}): Promise<{ context: BrowserContext; page: Page }> => {
    const opened = await newContext(browser, options);
    watches.push(opened.console);
    return opened;
  };

  beforeAll(async () => {
    world = await startFlowWorld();
    browser = await launchBrowser();
    ({ page } = await open());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const mailedLink = (to: string, path: string, after = 0): Promise<string> => mailedLinkIn(world, to, path, after);

  it('signs up a new account and confirms the address by the link in the e-mail', async () => {
    await page.goto(`${BASE_URL}/login`);
    await screenshot(page, 'login');
    await page.getByRole('link', { name: en('nav.signUp') }).first().click();
    await page.getByLabel(en('signup.name')).fill(OWNER.name);
    await page.getByLabel(en('auth.email')).fill(OWNER.email);
    await page.getByLabel(en('auth.password')).fill(OWNER.password);
    await submit(page, en('signup.submit'), /\/verify-email$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('verifyEmail.title'));
    await screenshot(page, 'verify-email');
    await page.goto(await mailedLink(OWNER.email, '/verify-email/'));
    await submit(page, en('verifyEmail.confirm'), /\/orgs$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('orgs.title'));
  });

  it('creates an organisation', async () => {
    await page.getByLabel(en('orgs.name'), { exact: true }).fill(ORG_NAME);
    await page.getByLabel(en('orgs.kind.webshop'), { exact: true }).check();
    await submit(page, en('orgs.createSubmit'), /\/orgs\/[0-9a-f-]{36}$/);
    orgPath = new URL(page.url()).pathname;
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(ORG_NAME);
  });

  it('turns on two-step sign-in with the secret shown on the page', async () => {
    await page.goto(`${BASE_URL}/account/security`);
    await submit(page, en('security.setUp'), /\/account\/security$/);
    totpSecret = (await page.locator('#totp-secret').textContent())?.trim() ?? '';
    expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    // The QR code is a same-origin SVG the CSP allows; it must really load.
    const qrWidth = await page.getByRole('img', { name: en('security.qrAlt') }).evaluate((img: unknown) => {
      const image = img as { complete: boolean; naturalWidth: number };
      return image.complete ? image.naturalWidth : 0;
    });
    expect(qrWidth).toBeGreaterThan(0);
    await screenshot(page, 'account-security');
    await page.getByLabel(en('security.code'), { exact: true }).fill(totpCode(totpSecret));
    await submit(page, en('security.confirm'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('security.enabledTitle'));
    expect(await page.locator('.recovery-code').count()).toBeGreaterThan(5);
  });

  it('signs out and signs in again with password and code', async () => {
    await submit(page, en('nav.signOut'), /\/login$/);
    await page.getByLabel(en('auth.email')).fill(OWNER.email);
    await page.getByLabel(en('auth.password')).fill(OWNER.password);
    await submit(page, en('login.submit'), /\/login\/totp/);
    // The code of the next 30-second step: the one used to switch it on may not be replayed.
    await page.getByLabel(en('loginTotp.code'), { exact: true }).fill(totpCode(totpSecret, 30));
    await submit(page, en('loginTotp.submit'), /\/orgs$/);
    await page.getByRole('link', { name: ORG_NAME }).click();
    await page.waitForURL((url) => url.pathname === orgPath);
  });

  it('adds a domain and scans it; the result page refreshes itself until the scan is done', async () => {
    await page.getByLabel(en('domainAdd.label'), { exact: true }).fill(SHOP_DOMAIN);
    await submit(page, en('domainAdd.submit'), /\/domains\/[0-9a-f-]{36}\?added=1$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(SHOP_DOMAIN);
    await submit(page, en('domain.scanNow'), /\/scans\/[0-9a-f-]{36}$/);
    scanPath = new URL(page.url()).pathname;
    // app.js reloads a pending scan page every few seconds; no manual refresh here.
    await page.getByRole('heading', { name: en('scan.results'), level: 2 }).waitFor({ timeout: 60_000 });
    expect(await page.locator('#check-web\\.cookies').getAttribute('class')).toContain('check-fail');
    await page.goto(`${BASE_URL}${orgPath}`);
    expect(await page.getByRole('link', { name: SHOP_DOMAIN }).count()).toBeGreaterThan(0);
    await screenshot(page, 'org-overview');
  }, 90_000);

  it('switches the profile to Dutch and reads the result in Dutch', async () => {
    await page.goto(`${BASE_URL}/account`);
    await page.getByLabel(en('account.lang'), { exact: true }).selectOption('nl');
    await submit(page, en('common.save'), /\/account\?notice=saved$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await page.goto(`${BASE_URL}${scanPath}`);
    expect(await page.getByRole('heading', { name: nl('scan.results'), level: 2 }).count()).toBe(1);
    const cookies = page.locator('#check-web\\.cookies');
    // The details are folded per area; open the website's.
    await page.locator('#details-web > summary').click();
    // The check's own Dutch title and advice, the same texts as `weerbaar scan --lang nl`.
    expect(await cookies.getByRole('heading').textContent()).toContain('Veiligheid van cookies');
    expect(await cookies.textContent()).toContain('toe aan de cookie PHPSESSID die shop.test, www.shop.test zet');
    await screenshot(page, 'scan-result-nl');
  });

  it('writes the privacy statement through the form, in Dutch, and our own check passes it', async () => {
    await page.goto(`${BASE_URL}${orgPath}/privacy-statement`);
    await screenshot(page, 'privacy-form-nl');
    // The form starts with the organisation's name; the owner adds what only they know.
    // (Required fields' labels end in a "*" hidden from screen readers, so these match by prefix.)
    expect(await page.getByLabel(nl('privacyForm.c.name')).inputValue()).toBe(ORG_NAME);
    await page.getByLabel(nl('privacyForm.c.address')).fill('Spaakstraat 1, 3511 AB Utrecht');
    await page.getByLabel(nl('privacyForm.c.country')).selectOption('NL');
    await page.getByLabel(nl('privacyForm.c.email')).fill('privacy@shop.test');
    await submit(page, nl('privacyForm.save'), /\/privacy-statement\?lang=nl&saved=1/);
    expect(await page.getByRole('status').first().textContent()).toBe(nl('privacyStatement.saved'));
    expect(await page.locator('article.privacy-statement').getAttribute('lang')).toBe('nl');
    expect(await page.locator('article.privacy-statement h1').textContent()).toContain(ORG_NAME);
    expect(await page.locator('#statement').textContent()).toMatch(/Onze eigen controle:\s*deze verklaring bevat alle \d+ onderdelen/);
    await screenshot(page, 'privacy-statement-nl');
  });

  let invitationLink = '';
  it('invites a colleague, who gets the link by e-mail', async () => {
    await page.goto(`${BASE_URL}${orgPath}/members`);
    await page.getByLabel(nl('auth.email'), { exact: true }).fill(COLLEAGUE.email);
    await page.getByLabel(nl('members.role'), { exact: true }).selectOption('member');
    await submit(page, nl('members.inviteSubmit'), /\/members\?done=invited$/);
    expect(await page.getByRole('cell', { name: COLLEAGUE.email }).count()).toBe(1);
    await screenshot(page, 'members');
    // The app sends before it answers, so the message is already in the mailbox.
    const mail = world.mailbox.received.find((message) => message.to.includes(COLLEAGUE.email));
    expect(mail, `mailbox: ${JSON.stringify(world.mailbox.received.map((m) => m.to))}`).toBeDefined();
    if (!mail) return;
    // The mail goes out in the inviter's language.
    expect(mail.headers.get('subject')).toBe(nl('invitation.mail.subject'));
    expect(mail.text).toContain('nodigt u uit');
    invitationLink = new RegExp(`${BASE_URL.replace(/\./g, '\\.')}/invitations/[A-Za-z0-9_-]+`).exec(mail.text)?.[0] ?? '';
    expect(invitationLink, mail.text).not.toBe('');
  });

  it('the colleague opens the link in another browser, creates an account and joins', async () => {
    const { context, page: other } = await open();
    await other.goto(invitationLink);
    expect(await other.getByRole('heading', { level: 1 }).textContent()).toBe(en('invitation.title', { org: ORG_NAME }));
    expect(await other.getByLabel(en('auth.email'), { exact: true }).inputValue()).toBe(COLLEAGUE.email);
    await screenshot(other, 'invitation');
    await other.getByLabel(en('signup.name'), { exact: true }).fill(COLLEAGUE.name);
    await other.getByLabel(en('auth.password'), { exact: true }).fill(COLLEAGUE.password);
    await submit(other, en('invitation.createAndAccept'), (url) => url.pathname === orgPath);
    expect(await other.getByRole('heading', { level: 1 }).textContent()).toBe(ORG_NAME);
    // A member sees the domain the owner added.
    expect(await other.getByRole('link', { name: SHOP_DOMAIN }).count()).toBeGreaterThan(0);
    await submit(other, en('nav.signOut'), /\/login$/);
    await context.close();
    // The owner sees the new member.
    await page.goto(`${BASE_URL}${orgPath}/members`);
    expect(await page.getByRole('cell', { name: COLLEAGUE.email }).count()).toBe(1);
  });

  it('the owner signs out; the organisation page then asks to sign in', async () => {
    await submit(page, nl('nav.signOut'), /\/login$/);
    await page.goto(`${BASE_URL}${orgPath}`);
    const landed = new URL(page.url());
    expect(landed.pathname).toBe('/login');
    expect(landed.searchParams.get('next')).toBe(orgPath);
  });

  it('the colleague forgot the password and sets a new one through the e-mailed link', async () => {
    const { context, page: forgetful } = await open();
    await forgetful.goto(`${BASE_URL}/login`);
    await forgetful.getByRole('link', { name: en('login.forgot') }).click();
    await forgetful.waitForURL(/\/password\/forgot$/);
    const before = world.mailbox.received.length;
    await forgetful.getByLabel(en('auth.email')).fill(COLLEAGUE.email);
    await submit(forgetful, en('forgot.submit'));
    expect(await forgetful.getByRole('status').textContent()).toBe(en('forgot.sent'));
    await screenshot(forgetful, 'forgot-password');
    await forgetful.goto(await mailedLink(COLLEAGUE.email, '/password/reset/', before));
    await forgetful.getByLabel(en('reset.password'), { exact: true }).fill(COLLEAGUE_NEW_PASSWORD);
    await submit(forgetful, en('reset.submit'), /\/login\?done=reset$/);
    expect(await forgetful.getByRole('status').textContent()).toBe(en('login.done.reset'));
    await context.close();
  });

  it('works with JavaScript switched off: sign in and see the organisation', async () => {
    const { context, page: plain } = await open({ javaScriptEnabled: false });
    await plain.goto(`${BASE_URL}/login`);
    await plain.getByLabel(en('auth.email')).fill(COLLEAGUE.email);
    await plain.getByLabel(en('auth.password')).fill(COLLEAGUE_NEW_PASSWORD);
    await submit(plain, en('login.submit'), /\/orgs$/);
    await plain.getByRole('link', { name: ORG_NAME }).click();
    await plain.waitForURL((url) => url.pathname === orgPath);
    expect(await plain.getByRole('heading', { level: 1 }).textContent()).toBe(ORG_NAME);
    // A finished scan reads the same without scripts.
    await plain.goto(`${BASE_URL}${scanPath}`);
    expect(await plain.locator('#check-web\\.cookies').count()).toBe(1);
    await submit(plain, en('nav.signOut'), /\/login$/);
    await context.close();
  });

  it('loads every page without a Content-Security-Policy violation or script error', () => {
    const errors = watches.flatMap((w) => w.errors);
    expect(watches.flatMap((w) => w.cspViolations)).toEqual([]);
    expect(errors, watches.flatMap((w) => w.failedLoads).join('\n')).toEqual([]);
  });
});
