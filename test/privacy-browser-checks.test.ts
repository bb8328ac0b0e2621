/**
 * The before-consent checks on recorded browser evidence: tracking cookies and tracker
 * requests fail and are named; a first-party session cookie passes; other third parties are
 * named; a missing Chromium skips with the install command; texts complete in EN/NL/SV.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import type { CheckVerdict } from '../src/scan/check.js';
import { cookiesBeforeConsent } from '../src/scan/checks/privacy/cookies-before-consent.js';
import { privacyBrowserChecks } from '../src/scan/checks/privacy/index-browser.js';
import { thirdPartiesBeforeConsent } from '../src/scan/checks/privacy/third-parties-before-consent.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import type { BrowserCookie, BrowserEvidence, BrowserRequest } from '../src/scan/evidence/privacy-browser.js';
import { trackerForCookieName, trackerForHost } from '../src/scan/privacy/trackers/index.js';

const now = new Date('2026-11-23T12:00:00Z');

function scan(browser: BrowserEvidence | undefined): ScanEvidence {
  const base: ScanEvidence = { target: 'shop.test', collectedAt: now.toISOString() };
  return browser ? ({ ...base, privacy: { crawl: {}, browser } }) : base;
}

const session: BrowserCookie = { name: 'PHPSESSID', domain: 'shop.test', path: '/', party: 'first', session: true, httpOnly: true, secure: true, sameSite: 'Lax' };
const ga: BrowserCookie = { ...session, name: '_ga', session: false, expires: '2028-01-01T00:00:00.000Z', httpOnly: false, tracker: { company: 'Google', category: 'Analytics' } };
const fbp: BrowserCookie = { ...ga, name: '_fbp', tracker: { company: 'Facebook', category: 'Social' } };
const widget: BrowserCookie = { ...session, name: 'wid', domain: '.chatwidget.test', party: 'third', session: false, expires: '2027-01-01T00:00:00.000Z' };

const home: BrowserRequest = { host: 'shop.test', party: 'first', types: ['document'], count: 1 };
const gaHost: BrowserRequest = { host: 'www.google-analytics.com', party: 'third', types: ['script'], count: 2, tracker: { company: 'Google', category: 'Analytics' } };
const fbHost: BrowserRequest = { host: 'connect.facebook.net', party: 'third', types: ['script'], count: 1, tracker: { company: 'Facebook', category: 'Social' } };
const payments: BrowserRequest = { host: 'js.payments.test', party: 'third', types: ['script'], count: 1 };

function loaded(cookies: BrowserCookie[], requests: BrowserRequest[]): BrowserEvidence {
  return { url: 'https://shop.test/', finalUrl: 'https://shop.test/', firstParty: 'shop.test', networkIdle: true, cookies, localStorage: [], sessionStorage: [], requests, blocked: [] };
}

const run = (check: typeof cookiesBeforeConsent, browser: BrowserEvidence | undefined): CheckVerdict => check.run(scan(browser), { now });

describe('privacy.cookies.before-consent', () => {
  it('fails on tracking cookies and names them with their company', () => {
    const result = run(cookiesBeforeConsent, loaded([session, ga, fbp], [home]));
    expect(result.status).toBe('fail');
    expect(result.summary).toEqual({ key: 'fail', params: { cookies: '_ga (Google), _fbp (Facebook)' } });
    expect(result.advice).toEqual([{ key: 'removeTracking', params: { companies: 'Google, Facebook', cookies: '_ga, _fbp' } }]);
  });

  it('passes with only a first-party session cookie', () => {
    const result = run(cookiesBeforeConsent, loaded([session], [home]));
    expect(result.status).toBe('pass');
    expect(result.summary.params).toEqual({ cookies: 'PHPSESSID' });
    expect(result.advice).toEqual([]);
  });

  it('passes with no cookies at all', () => {
    expect(run(cookiesBeforeConsent, loaded([], [home])).summary.key).toBe('passNone');
  });

  it('warns on an unknown third party setting cookies and names it', () => {
    const result = run(cookiesBeforeConsent, loaded([session, widget], [home]));
    expect(result.status).toBe('warn');
    expect(result.summary.params).toEqual({ cookies: 'wid (chatwidget.test)' });
  });
});

describe('privacy.third-parties.before-consent', () => {
  it('fails on tracker requests and names the companies and hosts', () => {
    const result = run(thirdPartiesBeforeConsent, loaded([], [home, gaHost, fbHost, payments]));
    expect(result.status).toBe('fail');
    expect(result.summary.params).toEqual({ companies: 'Google, Facebook', hosts: 'www.google-analytics.com, connect.facebook.net' });
  });

  it('names other third parties as information', () => {
    const result = run(thirdPartiesBeforeConsent, loaded([], [home, payments]));
    expect(result.status).toBe('info');
    expect(result.summary.params).toEqual({ hosts: 'js.payments.test' });
  });

  it('passes when only the shop itself is contacted', () => {
    expect(run(thirdPartiesBeforeConsent, loaded([], [home])).status).toBe('pass');
  });

  it('names hosts the scanner blocked apart, as not contacted, and neither counts nor lists them as companies contacted', () => {
    const intranet: BrowserRequest = { host: 'intranet.shop.test', party: 'third', types: ['fetch'], count: 3, blocked: true };
    const blockedTracker: BrowserRequest = { ...fbHost, blocked: true };
    const blocked = [
      { host: 'intranet.shop.test', port: 443, reason: '10.0.0.5 is a private address, which the scan does not connect to' },
      { host: 'connect.facebook.net', port: 443, reason: 'the name does not resolve' },
    ];
    const onlyBlocked = run(thirdPartiesBeforeConsent, { ...loaded([], [home, intranet, blockedTracker]), blocked });
    expect(onlyBlocked.status).toBe('pass');
    expect(onlyBlocked.summary).toEqual({ key: 'pass', params: {} });
    expect(onlyBlocked.advice).toEqual([{ key: 'notContacted', params: { hosts: 'intranet.shop.test, connect.facebook.net' } }]);
    expect(onlyBlocked.evidence.notContacted).toEqual(['intranet.shop.test', 'connect.facebook.net']);

    const withPayments = run(thirdPartiesBeforeConsent, { ...loaded([], [home, intranet, payments, blockedTracker]), blocked });
    expect(withPayments.status).toBe('info');
    expect(withPayments.summary).toEqual({ key: 'info', params: { hosts: 'js.payments.test' } });
    expect(withPayments.advice.map((ref) => ref.key)).toEqual(['reviewThirdParties', 'notContacted']);

    const withTracker = run(thirdPartiesBeforeConsent, { ...loaded([], [home, gaHost, intranet]), blocked });
    expect(withTracker.status).toBe('fail');
    expect(withTracker.summary.params).toEqual({ companies: 'Google', hosts: 'www.google-analytics.com' });
  });
});

describe('when the browser could not run', () => {
  it.each(privacyBrowserChecks.map((check) => [check.id, check] as const))('%s skips with the install command when Chromium is missing', (_id, check) => {
    const result = check.run(scan({ skipped: 'Chromium is not installed: apt-get install chromium' }), { now });
    expect(result.status).toBe('skip');
    expect(result.advice).toEqual([{ key: 'install', params: { command: 'apt-get install chromium' } }]);
  });

  it.each(privacyBrowserChecks.map((check) => [check.id, check] as const))('%s reports an error when the page did not load', (_id, check) => {
    expect(check.run(scan({ error: 'the home page did not load' }), { now }).status).toBe('error');
  });

  it.each(privacyBrowserChecks.map((check) => [check.id, check] as const))('%s skips when the privacy scan did not run', (_id, check) => {
    expect(check.run(scan(undefined), { now }).status).toBe('skip');
  });
});

describe('texts and tracker list', () => {
  it.each(privacyBrowserChecks.map((check) => [check.id, check] as const))('%s has the same keys and placeholders in every language', (_id, check) => {
    const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
    const keys = Object.keys(check.texts.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(check.texts[lang]).sort()).toEqual(keys);
      for (const key of keys) expect(placeholders(check.texts[lang][key] ?? ''), `${lang}.${key}`).toEqual(placeholders(check.texts.en[key] ?? ''));
    }
  });

  it('names trackers by host suffix and cookie name, and leaves others alone', () => {
    expect(trackerForHost('www.google-analytics.com')).toEqual({ company: 'Google', category: 'Analytics' });
    expect(trackerForHost('stats.g.doubleclick.net')?.company).toBe('Google');
    expect(trackerForHost('static.hotjar.com')?.company).toBe('Hotjar');
    expect(trackerForHost('shop.test')).toBeUndefined();
    expect(trackerForHost('notgoogle-analytics.com')).toBeUndefined();
    expect(trackerForCookieName('_ga_ABC123')?.company).toBe('Google');
    expect(trackerForCookieName('_hjSessionUser_1')?.company).toBe('Hotjar');
    expect(trackerForCookieName('PHPSESSID')).toBeUndefined();
    expect(trackerForCookieName('frontend')).toBeUndefined();
  });
});
