/**
 * CSRF tokens on a page with several forms (issue 13): a signed-in browser without a
 * _csrf cookie (expired, cleared, first visit after sign-in elsewhere) gets one secret per
 * response, so every form on the page carries a token that validates, not only the last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

/** Every form on a page: where it posts and the token it carries. */
const formsOf = (body: string): { action: string; token: string }[] =>
  [...body.matchAll(/<form method="post" action="([^"]+)"[^>]*>[\s\S]*?name="_csrf" value="([^"]+)"/g)].map((m) => ({ action: m[1] ?? '', token: m[2] ?? '' }));

describe.each(DIALECTS)('CSRF without a _csrf cookie (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('gives every form on the account page a token that validates', async () => {
    const browser = new TestClient(t.app);
    await signUp(browser, 'csrf@shop.test', 'Cees');
    browser.cookies.delete('_csrf');
    const page = await browser.get('/account');
    expect(page.statusCode).toBe(200);
    const forms = formsOf(page.body);
    expect(forms.map((form) => form.action)).toEqual(expect.arrayContaining(['/account/profile', '/account/password', '/account/sign-out-everywhere', '/logout']));
    // One secret for the whole response: one Set-Cookie, whatever the number of forms.
    const set = (page.cookies as { name: string }[]).filter((cookie) => cookie.name === '_csrf');
    expect(set).toHaveLength(1);
    expect(browser.cookies.get('_csrf')).toBeTruthy();
    // Each form's token, submitted with the cookie the browser kept, is accepted.
    for (const { action, token } of forms) {
      const saved = await browser.post('/account/profile', { name: 'Cees', lang: '' }, { csrf: token });
      expect(saved.statusCode, `the token of ${action}`).toBe(303);
    }
    // And each form itself works: the last one on the page signs out.
    const logout = forms.find((form) => form.action === '/logout');
    const out = await browser.post('/logout', {}, { csrf: logout?.token ?? '' });
    expect(out.statusCode).toBe(303);
  });
});
