/**
 * Set-Cookie parsing and the cookie rules in detail: every attribute, session names and
 * words, deletions at their boundary, the prefix rules, and the facts web.cookies keeps.
 * test/checks-web-http-content.test.ts has the main cases.
 */
import { describe, expect, it } from 'vitest';
import { isDeletion, parseSetCookie, prefixViolation, sessionLike, withoutPrefix, type ParsedCookie } from '../src/scan/checks/web/http/cookie-parse.js';
import { cookies } from '../src/scan/checks/web/http/cookies.js';
import { APEX, GOOD_HEADERS, judge, withPage } from './evidence/http/builders.js';

const base: ParsedCookie = { name: 'x', secure: true, httpOnly: true };

describe('parseSetCookie', () => {
  it('reads every attribute, trimmed, and ignores unknown ones', () => {
    expect(parseSetCookie(' id = abc ; Path=/shop ; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Max-Age=-5; Priority=High; Partitioned')).toEqual({
      name: 'id', secure: false, httpOnly: false, path: '/shop', expires: 'Wed, 21 Oct 2026 07:28:00 GMT', maxAge: -5,
    });
    expect(parseSetCookie('a=1; Max-Age=5s')).toEqual({ name: 'a', secure: false, httpOnly: false });
    expect(parseSetCookie('a=1; Max-Age=x5')).toEqual({ name: 'a', secure: false, httpOnly: false });
    expect(parseSetCookie('a=1; Domain=..shop.example')).toMatchObject({ domain: '.shop.example' });
    expect(parseSetCookie('a=1; SameSite')).toMatchObject({ sameSite: '' });
    expect(parseSetCookie('a=1; Secure=yes; HttpOnly=1')).toMatchObject({ secure: true, httpOnly: true });
    expect(parseSetCookie('a=b=c; path=/x=y')).toMatchObject({ name: 'a', path: '/x=y' });
  });

  it('a pair without "=" is a cookie with an empty name; an empty header is nothing', () => {
    expect(parseSetCookie('token; Secure')).toEqual({ name: '', secure: true, httpOnly: false });
    expect(parseSetCookie('   ; Secure')).toBeUndefined();
    expect(parseSetCookie('')).toBeUndefined();
    expect(parseSetCookie('=value')).toEqual({ name: '', secure: false, httpOnly: false });
  });
});

describe('session cookies', () => {
  it('recognises the platforms’ session names, whole names only', () => {
    const known = ['PHPSESSID', 'aspsessionidabc', 'ci_session', 'sessionid', 'session', 'sid', 'frontend', 'OCSESSID', 'PrestaShop-abc123', 'wordpress_logged_in_abc', 'wordpress_sec_abc', '_secure_session_id', '_session_id', 'session-42', 'shopware-session', '__Secure-frontend'];
    for (const name of known) expect(sessionLike({ ...base, name, maxAge: 60 }), name).toBe('known');
    for (const name of ['xphpsessid', 'phpsessidx', 'frontendx', 'sessions', 'mysid2', 'sidebar', 'possession']) {
      expect(sessionLike({ ...base, name, maxAge: 60 }), name).toBe(false);
    }
  });

  it('spots session words between separators', () => {
    for (const name of ['my-sess', 'sess.id', 'app_session_v2', 'x.sessid', 'user-sessionid', 'a sid']) expect(sessionLike({ ...base, name, maxAge: 60 }), name).toBe('known');
  });

  it('a cookie without Max-Age or Expires lives as long as the browser session', () => {
    expect(sessionLike({ ...base, name: 'prefs' })).toBe('lifetime');
    expect(sessionLike({ ...base, name: 'prefs', expires: 'Wed, 21 Oct 2099 07:28:00 GMT' })).toBe(false);
    expect(sessionLike({ ...base, name: 'prefs', maxAge: 0 })).toBe(false);
  });

  it('strips the __Host- and __Secure- prefixes in any case, once', () => {
    expect(withoutPrefix('__HOST-sid')).toBe('sid');
    expect(withoutPrefix('__secure-sid')).toBe('sid');
    expect(withoutPrefix('x__Host-sid')).toBe('x__Host-sid');
    expect(withoutPrefix('__Other-sid')).toBe('__Other-sid');
  });
});

describe('deletions and prefixes', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it('Max-Age of zero or less deletes, whatever Expires says; an Expires in the past or now deletes', () => {
    expect(isDeletion({ ...base, maxAge: 0, expires: 'Wed, 21 Oct 2099 07:28:00 GMT' }, now)).toBe(true);
    expect(isDeletion({ ...base, maxAge: -1 }, now)).toBe(true);
    expect(isDeletion({ ...base, maxAge: 1, expires: 'Thu, 01 Jan 1970 00:00:00 GMT' }, now)).toBe(false);
    expect(isDeletion({ ...base, expires: now.toUTCString() }, now)).toBe(true);
    expect(isDeletion({ ...base, expires: new Date(now.getTime() + 1000).toUTCString() }, now)).toBe(false);
    expect(isDeletion({ ...base, expires: 'not a date' }, now)).toBe(false);
    expect(isDeletion(base, now)).toBe(false);
  });

  it('the prefix rules, each with its reason', () => {
    expect(prefixViolation({ ...base, name: '__Secure-a', secure: false })).toBe('__Secure- needs Secure');
    expect(prefixViolation({ ...base, name: '__SECURE-a' })).toBeUndefined();
    expect(prefixViolation({ ...base, name: '__Host-a', secure: false, path: '/' })).toBe('__Host- needs Secure');
    expect(prefixViolation({ ...base, name: '__host-a', domain: 'shop.example', path: '/' })).toBe('__Host- must not have Domain');
    expect(prefixViolation({ ...base, name: '__Host-a', path: '/shop' })).toBe('__Host- needs Path=/');
    expect(prefixViolation({ ...base, name: '__Host-a' })).toBe('__Host- needs Path=/');
    expect(prefixViolation({ ...base, name: '__Host-a', path: '/' })).toBeUndefined();
    expect(prefixViolation({ ...base, name: 'plain', secure: false })).toBeUndefined();
  });
});

describe('web.cookies facts and advice', () => {
  const withCookies = (...values: string[]) => withPage([...GOOD_HEADERS, ...values.map((v): [string, string] => ['set-cookie', v])]);

  it('keeps each cookie with what to add and how bad it is', () => {
    const result = judge(cookies, withCookies('sid=1; SameSite=None', '__Host-x=1; Max-Age=9; Secure; HttpOnly; SameSite=Lax; Path=/', 'old=; Max-Age=0'));
    expect(result.status).toBe('fail');
    expect(result.summary).toEqual({ key: 'fail', params: { count: 1, total: 2 } });
    expect(result.evidence).toEqual({
      hosts: [APEX],
      cookies: [
        { name: 'sid', host: APEX, url: `https://${APEX}/`, secure: false, httpOnly: false, sameSite: 'none', session: 'known', add: ['Secure', 'HttpOnly'], severity: 'fail' },
        { name: '__Host-x', host: APEX, url: `https://${APEX}/`, secure: true, httpOnly: true, sameSite: 'lax', session: false, add: [], severity: 'pass' },
      ],
      deleted: ['old'],
    });
    expect(result.advice).toEqual([{ key: 'sameSiteNone', params: { cookie: 'sid', host: APEX } }, { key: 'whereToFix' }]);
  });

  it('a warning only: counted as such; an empty name is shown as such', () => {
    const result = judge(cookies, withCookies('=1; Max-Age=9; Secure'));
    expect(result.summary).toEqual({ key: 'warnAll', params: { count: 1 } });
    expect(result.advice).toEqual([{ key: 'fixCookie', params: { cookie: '(empty name)', host: APEX, add: 'SameSite=Lax' } }, { key: 'whereToFix' }]);
    const lifetime = judge(cookies, withCookies('prefs=1; Secure; SameSite=Strict'));
    expect(lifetime.advice[0]).toEqual({ key: 'fixCookie', params: { cookie: 'prefs', host: APEX, add: 'HttpOnly' } });
  });

  it('exactly ten problem cookies need no "more" line', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `c${i}=1; Max-Age=9; Secure`);
    expect(judge(cookies, withCookies(...ten)).advice.map((ref) => ref.key)).not.toContain('moreCookies');
  });
});
