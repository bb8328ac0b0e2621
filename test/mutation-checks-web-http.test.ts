/**
 * Boundaries and parsing details of the web HTTP checks that the mutation run found
 * untested (test/checks-web-http.test.ts has the main cases). HSTS's one-year minimum
 * is pinned at the second: a year less one second warns, a year passes.
 */
import { describe, expect, it } from 'vitest';
import { hsts, parseHsts } from '../src/scan/checks/web/http/hsts.js';
import { APEX, WWW, chain, hop, host, judge, replaceHeader, scan, withPage } from './evidence/http/builders.js';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

const withHsts = (...values: string[]) =>
  withPage([...replaceHeader('strict-transport-security', undefined), ...values.map((v): [string, string] => ['strict-transport-security', v])]);

const firstHost = (result: ReturnType<typeof judge>) => (result.evidence.hosts as Record<string, unknown>[])[0];

describe('web.hsts: the one-year minimum', () => {
  it('passes exactly one year (31536000 s = 365 days)', () => {
    const result = judge(hsts, withHsts(`max-age=${ONE_YEAR_SECONDS}`));
    expect(ONE_YEAR_SECONDS).toBe(31_536_000);
    expect(result.status).toBe('pass');
    expect(result.summary).toMatchObject({ key: 'pass', params: { count: 365 } });
    expect(result.advice).toEqual([]);
  });

  it('warns one second short of a year (364 days), and asks to raise it', () => {
    const result = judge(hsts, withHsts(`max-age=${ONE_YEAR_SECONDS - 1}`));
    expect(result.status).toBe('warn');
    expect(result.summary).toMatchObject({ key: 'short', params: { count: 364 } });
    expect(result.advice).toEqual([{ key: 'raiseMaxAge', params: { host: APEX, count: 364 } }]);
  });

  it('warns at 180 days and at 364 days: half a year is not enough', () => {
    for (const days of [180, 364]) {
      const result = judge(hsts, withHsts(`max-age=${days * 86_400}`));
      expect(result.status, `${days} days`).toBe('warn');
      expect(result.summary.params?.count, `${days} days`).toBe(days);
    }
  });

  it('counts whole days, rounding down', () => {
    expect(judge(hsts, withHsts(`max-age=${400 * 86_400 + 86_399}`)).summary.params?.count).toBe(400);
    expect(judge(hsts, withHsts('max-age=86399')).summary).toMatchObject({ key: 'short', params: { count: 0 } });
  });

  it('fails max-age=0 (it switches HSTS off), with the advice to add the header', () => {
    const result = judge(hsts, withHsts('max-age=0'));
    expect([result.status, result.summary.key]).toEqual(['fail', 'zero']);
    expect(result.advice).toEqual([{ key: 'addHsts', params: { host: APEX } }]);
  });
});

describe('web.hsts: reading the header', () => {
  it('takes directives in any order and case, with spaces, quotes and empty parts', () => {
    expect(parseHsts(' includeSubDomains ;; max-age = "600" ; preload ;')).toEqual({ maxAge: 600, includeSubDomains: true, preload: true });
    expect(parseHsts('max-age=600')).toEqual({ maxAge: 600, includeSubDomains: false, preload: false });
    expect(parseHsts('max-age=600; unknown-directive=1')).toEqual({ maxAge: 600, includeSubDomains: false, preload: false });
  });

  it('keeps the flags read before a problem, and names the problem', () => {
    expect(parseHsts('preload; includeSubDomains; max-age=12x')).toEqual({ includeSubDomains: true, preload: true, invalid: 'max-age has no valid number' });
    expect(parseHsts('max-age=x12')).toEqual({ includeSubDomains: false, preload: false, invalid: 'max-age has no valid number' });
    expect(parseHsts('max-age')).toEqual({ includeSubDomains: false, preload: false, invalid: 'max-age has no valid number' });
    expect(parseHsts('max-age=')).toEqual({ includeSubDomains: false, preload: false, invalid: 'max-age has no valid number' });
    expect(parseHsts('max-age=10; preload; Preload')).toEqual({ maxAge: 10, includeSubDomains: false, preload: true, invalid: 'the directive preload appears twice' });
    expect(parseHsts('includesubdomains')).toEqual({ includeSubDomains: true, preload: false, invalid: 'max-age is missing' });
    expect(parseHsts('')).toEqual({ includeSubDomains: false, preload: false, invalid: 'max-age is missing' });
  });

  it('reads only what a directive name says: a value on a flag does not count as max-age', () => {
    expect(parseHsts('preload=1; max-age=5')).toEqual({ maxAge: 5, includeSubDomains: false, preload: true });
    expect(parseHsts('max-age="5"')).toEqual({ maxAge: 5, includeSubDomains: false, preload: false });
    expect(parseHsts('max-age="5')).toMatchObject({ invalid: 'max-age has no valid number' });
    expect(parseHsts('max-age=5"')).toMatchObject({ invalid: 'max-age has no valid number' });
  });

  it('reports an invalid header with its reason and the header as seen', () => {
    const result = judge(hsts, withHsts('max-age=1; max-age=2'));
    expect([result.status, result.summary.key, result.summary.params]).toEqual(['fail', 'invalid', { host: APEX, reason: 'the directive max-age appears twice' }]);
    expect(result.advice).toEqual([{ key: 'addHsts', params: { host: APEX } }]);
    expect(firstHost(result)).toMatchObject({ headers: ['max-age=1; max-age=2'], invalid: 'the directive max-age appears twice' });
    const missing = judge(hsts, withHsts('preload'));
    expect(missing.summary.params).toEqual({ host: APEX, reason: 'max-age is missing' });
  });

  it('records the first answer and which later answers have HSTS', () => {
    const later = chain([
      hop(`https://${APEX}/`, 301, [['location', `https://${WWW}/`]]),
      hop(`https://${WWW}/`, 301, [['location', `https://${WWW}/shop`]]),
      hop(`https://${WWW}/shop`, 200, [['strict-transport-security', 'max-age=31536000']]),
    ]);
    const result = judge(hsts, scan(host(APEX, 'apex', { https: later })));
    expect([result.status, result.summary.key]).toEqual(['fail', 'missingOnFirst']);
    expect(result.advice).toEqual([{ key: 'addHsts', params: { host: APEX } }]);
    expect(firstHost(result)).toMatchObject({ url: `https://${APEX}/`, status: 'fail', httpStatus: 301, headers: [], laterHopsWithHsts: [`https://${WWW}/shop`] });
    const none = chain([hop(`https://${APEX}/`, 301, [['location', `https://${WWW}/`]]), hop(`https://${WWW}/`, 200, [])]);
    const missing = judge(hsts, scan(host(APEX, 'apex', { https: none })));
    expect(missing.summary.key).toBe('missing');
    expect(firstHost(missing)).toMatchObject({ laterHopsWithHsts: [] });
  });
});
