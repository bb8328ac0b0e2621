/**
 * Direction overrides in names (issue 13): a name with U+202E (RIGHT-TO-LEFT OVERRIDE)
 * reverses the sentence around it unless it is isolated. Every page that shows a name an
 * organisation member, a site or a scan chose must show it inside <bdi>: the check below
 * finds every U+202E outside attribute values and requires a <bdi> around it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msg, verdict } from '../src/scan/check.js';
import type { ScanResult } from '../src/scan/engine.js';
import { scoreChecks } from '../src/scan/score.js';
import { jsonWithoutBidi, userSentence, userText } from '../src/web/html.js';
import { createOrgVia } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

const RLO = '\u202e';
const ORG = `Shop${RLO}VB`;
const OWNER = `Eve${RLO}live`;
const INVITEE = 'new.member@shop.test';
const TOKEN = `deploy${RLO}yolped`;
/** What a hostile site put in its generator tag; recorded evidence, so no network. */
const BANNER = `ShopSoft 1.2${RLO} gnikcah`;

/** A finished scan whose verdict quotes the site's text, as the real exposure check does. */
const recorded = (target: string): Promise<ScanResult> => {
  const banners = [{ host: target, header: '<meta name="generator">', value: BANNER }];
  const results = [
    {
      id: 'web.exposure',
      status: 'warn' as const,
      verdict: verdict('warn', 'banner', { banners: `<meta name="generator">: ${BANNER}` }, [msg('hideBanner', { host: target, header: '<meta name="generator">', value: BANNER }), msg('hideBannerHow')], { banners }),
    },
  ];
  const now = new Date().toISOString();
  return Promise.resolve({ target, startedAt: now, durationMs: 5, evidence: { target, collectedAt: now }, results, score: scoreChecks(results.map(({ id, status }) => ({ id, status, notApplicable: false }))) });
};

/**
 * Every U+202E in the page's text (attributes aside) must sit inside a <bdi> element; the
 * <title>, which can hold no element, isolates the page's own title with U+2068...U+2069.
 */
function unisolated(body: string): string[] {
  const problems: string[] = [];
  const title = /<title>([\s\S]*?)<\/title>/.exec(body)?.[1] ?? '';
  if (title.includes(RLO) && !/^\u2068[^\u2069]*\u2069 · /.test(title)) problems.push(`title: ${title}`);
  const text = body.replace(/<title>[\s\S]*?<\/title>/, '').replace(/<(?!\/?bdi\b)[^>]*>/g, (tag) => tag.replace(/\u202e/g, ''));
  let depth = 0;
  for (const match of text.matchAll(/<bdi>|<\/bdi>|\u202e/g)) {
    if (match[0] === '<bdi>') depth++;
    else if (match[0] === '</bdi>') depth--;
    else if (depth <= 0) problems.push(text.slice(Math.max(0, (match.index ?? 0) - 60), (match.index ?? 0) + 20));
  }
  return problems;
}

describe.each(DIALECTS)('names with direction overrides are isolated (%s)', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let orgId: string;
  let domainId: string;
  let scanId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { runner: recorded });
    owner = new TestClient(t.app);
    await signUp(owner, 'eve@shop.test', OWNER);
    orgId = await createOrgVia(owner, ORG);
    const added = await owner.post(`/orgs/${orgId}/domains`, { name: 'shop.test' });
    domainId = /\/domains\/([0-9a-f-]{36})/.exec(String(added.headers.location))?.[1] ?? '';
    const invited = await owner.post(`/orgs/${orgId}/invitations`, { email: INVITEE, role: 'member' });
    expect(invited.statusCode).toBeLessThan(400);
    const token = await owner.post(`/orgs/${orgId}/tokens`, { name: TOKEN });
    expect(token.statusCode).toBe(200);
    const started = await owner.post(`/orgs/${orgId}/domains/${domainId}/scans`);
    scanId = /\/scans\/([0-9a-f-]{36})$/.exec(String(started.headers.location))?.[1] ?? '';
    const db = t.database.handle.db;
    for (let i = 0; i < 100; i++) {
      const row = await db.selectFrom('scans').select('status').where('id', '=', scanId).executeTakeFirstOrThrow();
      if (row.status === 'done' || row.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => t?.close());

  const pages: [string, () => string, string][] = [
    ['organisation list', () => '/orgs', ORG],
    ['organisation page', () => `/orgs/${orgId}`, ORG],
    ['settings', () => `/orgs/${orgId}/settings`, ORG],
    ['members', () => `/orgs/${orgId}/members`, OWNER],
    ['tokens', () => `/orgs/${orgId}/tokens`, TOKEN],
    ['audit log', () => `/orgs/${orgId}/audit`, OWNER],
    ['domain page', () => `/orgs/${orgId}/domains/${domainId}`, ORG],
    ['scan page', () => `/orgs/${orgId}/scans/${scanId}`, BANNER],
    ['account', () => '/account', 'eve@shop.test'],
  ];

  it.each(pages)('%s shows every name inside <bdi>', async (_name, url, expected) => {
    const page = await owner.get(url());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<bdi>${expected.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</bdi>`);
    expect(unisolated(page.body)).toEqual([]);
  });
});

describe('userText and userSentence', () => {
  it('escape, isolate each string value in <bdi>, and leave numbers and our own words alone', () => {
    expect(userText(`<b>${RLO}</b>`).value).toBe(`<bdi>&lt;b&gt;${RLO}&lt;/b&gt;</bdi>`);
    expect(userText('').value).toBe('');
    expect(userText(null).value).toBe('');
    const t = (key: string, params?: Record<string, string | number>): string => `${key}: ${String(params?.name)} & ${String(params?.count)} as ${String(params?.role)}`;
    expect(userSentence(t, 'k', { name: `<i>${RLO}`, count: 3 }, { role: 'Owner' }).value).toBe(`k: <bdi>&lt;i&gt;${RLO}</bdi> &amp; 3 as Owner`);
    expect(jsonWithoutBidi(JSON.stringify({ a: `x${RLO}\u2066y` }))).toBe('{"a":"x\\u202e\\u2066y"}');
  });
});
