/**
 * The before-consent checks' facts and lists in detail: which URL is kept, storage, the
 * truncation flag, unique names, and the early verdicts with their facts.
 * test/privacy-browser-checks.test.ts has the main cases.
 */
import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../src/scan/check.js';
import { cookiesBeforeConsent } from '../src/scan/checks/privacy/cookies-before-consent.js';
import { thirdPartiesBeforeConsent } from '../src/scan/checks/privacy/third-parties-before-consent.js';
import type { BrowserCookie, BrowserEvidence, BrowserRequest } from '../src/scan/evidence/privacy-browser.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';

const now = new Date('2026-11-23T12:00:00Z');
const scan = (browser: BrowserEvidence): ScanEvidence => ({ target: 'shop.test', collectedAt: now.toISOString(), privacy: { crawl: {}, browser } });
const run = (check: typeof cookiesBeforeConsent, browser: BrowserEvidence): CheckVerdict => check.run(scan(browser), { now });

const session: BrowserCookie = { name: 'PHPSESSID', domain: 'shop.test', path: '/', party: 'first', session: true, httpOnly: true, secure: true, sameSite: 'Lax' };
const ga: BrowserCookie = { ...session, name: '_ga', tracker: { company: 'Google', category: 'Analytics' } };
const gid: BrowserCookie = { ...session, name: '_gid', tracker: { company: 'Google', category: 'Analytics' } };
const widget: BrowserCookie = { ...session, name: 'wid', domain: '.chat.test', party: 'third' };
const home: BrowserRequest = { host: 'shop.test', party: 'first', types: ['document'], count: 1 };
const gaHost: BrowserRequest = { host: 'www.google-analytics.com', party: 'third', types: ['script'], count: 2, tracker: { company: 'Google', category: 'Analytics' } };
const gtm: BrowserRequest = { host: 'www.googletagmanager.com', party: 'third', types: ['script'], count: 1, tracker: { company: 'Google', category: 'Analytics' } };
const pay: BrowserRequest = { host: 'js.pay.test', party: 'third', types: ['script'], count: 1 };

describe('privacy.cookies.before-consent', () => {
  it('keeps the final URL, the cookies and the storage as facts; truncation only when it happened', () => {
    const browser: BrowserEvidence = { url: 'https://shop.test/', finalUrl: 'https://shop.test/nl/', cookies: [session], localStorage: [{ key: 'a', bytes: 1 }] as never, sessionStorage: [{ key: 'b', bytes: 2 }] as never, requests: [home], truncated: true };
    expect(run(cookiesBeforeConsent, browser)).toEqual({
      status: 'pass', summary: { key: 'pass', params: { cookies: 'PHPSESSID' } }, advice: [],
      evidence: { url: 'https://shop.test/nl/', cookies: [session], localStorage: browser.localStorage, sessionStorage: browser.sessionStorage, truncated: true },
    });
    expect(run(cookiesBeforeConsent, { url: 'https://shop.test/' }).evidence).toEqual({ url: 'https://shop.test/', cookies: [], localStorage: [], sessionStorage: [] });
    expect(run(cookiesBeforeConsent, {}).evidence).toMatchObject({ url: null });
  });

  it('names each company once; a tracking cookie outranks a third-party one', () => {
    const result = run(cookiesBeforeConsent, { cookies: [ga, gid, widget] });
    expect(result.summary).toEqual({ key: 'fail', params: { cookies: '_ga (Google), _gid (Google)' } });
    expect(result.advice).toEqual([{ key: 'removeTracking', params: { companies: 'Google', cookies: '_ga, _gid' } }]);
    expect(run(cookiesBeforeConsent, { cookies: [widget, session] })).toMatchObject({ status: 'warn', summary: { key: 'warn', params: { cookies: 'wid (chat.test)' } }, advice: [{ key: 'checkThirdParty', params: { cookies: 'wid' } }] });
  });

  it('lists at most ten names, then how many more', () => {
    const many = Array.from({ length: 12 }, (_, index) => ({ ...session, name: `c${index}` }));
    expect(run(cookiesBeforeConsent, { cookies: many }).summary.params?.cookies).toBe(`${many.slice(0, 10).map((c) => c.name).join(', ')} (+2)`);
    expect(run(cookiesBeforeConsent, { cookies: many.slice(0, 10) }).summary.params?.cookies).toBe(many.slice(0, 10).map((c) => c.name).join(', '));
  });

  it('early verdicts keep what is known', () => {
    expect(run(cookiesBeforeConsent, { skipped: 'no Chromium' })).toMatchObject({ status: 'skip', summary: { key: 'skipped', params: { reason: 'no Chromium' } }, evidence: { skipped: 'no Chromium' } });
    expect(run(cookiesBeforeConsent, { error: 'crashed', url: 'https://shop.test/' })).toEqual({ status: 'error', summary: { key: 'error', params: { error: 'crashed' } }, advice: [], evidence: { error: 'crashed', url: 'https://shop.test/' } });
    expect(run(cookiesBeforeConsent, { error: 'crashed' }).evidence).toEqual({ error: 'crashed', url: null });
    expect(cookiesBeforeConsent.run({ target: 'shop.test', collectedAt: '' }, { now })).toEqual({ status: 'skip', summary: { key: 'notRun', params: {} }, advice: [], evidence: {} });
  });
});

describe('privacy.third-parties.before-consent', () => {
  it('keeps the requests, the first party, what was blocked and whether the network went idle', () => {
    const browser: BrowserEvidence = { url: 'https://shop.test/', firstParty: 'shop.test', requests: [home], blocked: ['x.test'] as never, networkIdle: false, truncated: true };
    expect(run(thirdPartiesBeforeConsent, browser)).toEqual({
      status: 'pass', summary: { key: 'pass', params: {} }, advice: [],
      evidence: { url: 'https://shop.test/', firstParty: 'shop.test', requests: [home], blocked: ['x.test'], networkIdle: false, truncated: true },
    });
    expect(run(thirdPartiesBeforeConsent, {}).evidence).toEqual({ url: null, firstParty: null, requests: [], blocked: [], networkIdle: null });
  });

  it('trackers fail naming each company once and every host; other third parties are information', () => {
    const result = run(thirdPartiesBeforeConsent, { requests: [home, gaHost, gtm, pay] });
    expect(result.summary).toEqual({ key: 'fail', params: { companies: 'Google', hosts: 'www.google-analytics.com, www.googletagmanager.com' } });
    expect(result.advice).toEqual([{ key: 'blockTrackers', params: { companies: 'Google', hosts: 'www.google-analytics.com, www.googletagmanager.com' } }]);
    expect(run(thirdPartiesBeforeConsent, { requests: [home, pay] })).toMatchObject({ status: 'info', summary: { key: 'info', params: { hosts: 'js.pay.test' } }, advice: [{ key: 'reviewThirdParties', params: { hosts: 'js.pay.test' } }] });
  });
});
