/**
 * One language at a time: every bad input on the app's forms, sent by a Dutch user, is
 * answered in Dutch. The answer may contain no sentence of the English catalogue and none
 * of the English messages the CLI and the API use for the same mistakes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_ANSWERS } from '../src/privacy-statement/generator/index.js';
import { uiTexts } from '../src/server/features.js';
import { createOrgVia } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

const UI = uiTexts();

/** Stretches of English catalogue text (between placeholders) long enough to be a sentence, where Dutch differs. */
const ENGLISH_SENTENCES = Object.entries(UI.en)
  .filter(([key, text]) => UI.nl[key] !== text)
  .flatMap(([, text]) => text.split(/\{\{\s*\w+\s*\}\}/))
  .map((part) => part.trim())
  .filter((part) => part.length >= 24);

/** What the CLI, the API and the form parsers say in English for the same mistakes. */
const ENGLISH_FRAGMENTS = [
  'is not a valid domain name',
  'give a domain name',
  'no domain given',
  'is not a selector',
  'give at most',
  'contains a NUL character',
  'nested more than',
  'must NOT have',
  'must have required property',
  'must be equal to',
  'is invalid',
  'only letters, digits',
  'Unexpected token',
  'must be an e-mail address',
  'is not a known field',
  'nested deeper than',
  'control characters',
  'shape of an answers file',
];

function englishIn(body: string): string[] {
  const text = body.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
  return [...ENGLISH_SENTENCES, ...ENGLISH_FRAGMENTS].filter((sentence) => text.includes(sentence));
}

describe.each(DIALECTS)('bad input answered in Dutch only (%s)', (dialect) => {
  let t: TestApp;
  let client: TestClient;
  let orgId: string;
  let domainPath: string;
  beforeAll(async () => {
    t = await startTestApp(dialect, { work: false });
    client = new TestClient(t.app, { 'accept-language': 'nl-NL,nl;q=0.9' });
    await signUp(client, 'nl@taal.example', 'Noor');
    orgId = await createOrgVia(client, 'Taalwinkel');
    const added = await client.post(`/orgs/${orgId}/domains`, { name: 'taal.example' });
    domainPath = String(added.headers.location).replace(/\?.*$/, '');
  });
  afterAll(async () => {
    await t.close();
  });

  const badDomains = [
    ['empty', ' '],
    ['an IP address', '192.0.2.1'],
    ['a URL pointing at an IP address', 'https://192.0.2.1/shop'],
    ['not a web address', 'http://exa mple.com:99999/'],
    ['two dots in a row', 'shop..example'],
    ['a too long label', `${'a'.repeat(64)}.example`],
    ['a too long name', `${'abcdefghi.'.repeat(26)}example`],
    ['a bad character', 'shop_online.example'],
    ['a hyphen at the end', 'shop-.example'],
    ['a single label', 'localhost'],
    ['a name without an ASCII form', 'xn--a.example\u00e9'],
    ['a NUL character', 'shop\u0000.example'],
    ['a name over the form limit', 'a'.repeat(301)],
  ] as const;

  for (const [what, name] of badDomains) {
    it(`the domain form with ${what}`, async () => {
      await client.get(`/orgs/${orgId}`);
      const response = await client.post(`/orgs/${orgId}/domains`, { name });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.body).toContain('<html lang="nl">');
      expect(englishIn(response.body)).toEqual([]);
    });
  }

  for (const [what, selectors] of [
    ['a bad selector', 'selector1 bad!selector'],
    ['too many selectors', Array.from({ length: 21 }, (_, i) => `s${i}`).join(' ')],
  ] as const) {
    it(`the DKIM form with ${what}`, async () => {
      await client.get(domainPath);
      const response = await client.post(`${domainPath}/dkim`, { selectors });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('De selectors zijn niet opgeslagen');
      expect(englishIn(response.body)).toEqual([]);
    });
  }

  const otherForms: [string, string, Record<string, string>][] = [
    ['an organisation name with a NUL character', '/orgs', { name: 'Winkel\u0000', kind: 'webshop' }],
    ['an organisation name that is too long', '/orgs', { name: 'x'.repeat(201), kind: 'webshop' }],
    ['an organisation without a kind', '/orgs', { name: 'Winkel' }],
    ['an organisation of an unknown kind', '/orgs', { name: 'Winkel', kind: 'castle' }],
    ['a token name that is too long', '/orgs/{org}/tokens', { name: 'x'.repeat(101) }],
    ['an invitation to a bad address', '/orgs/{org}/invitations', { email: 'not-an-address', role: 'member' }],
    ['an invitation with an unknown role', '/orgs/{org}/invitations', { email: 'a@taal.example', role: 'king' }],
    ['a profile in an unknown language', '/account/profile', { name: 'Noor', lang: 'xx' }],
  ];
  for (const [what, path, fields] of otherForms) {
    it(`another form with ${what}`, async () => {
      await client.get('/orgs');
      const response = await client.post(path.replace('{org}', orgId), fields);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.body).toContain('<html lang="nl">');
      expect(englishIn(response.body)).toEqual([]);
    });
  }

  for (const [what, json] of [
    ['text that is not JSON', '{"controller": '],
    ['an answer that is not an e-mail address', JSON.stringify({ ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, email: 'nope' } })],
    ['a field no answers file has', JSON.stringify({ ...EXAMPLE_ANSWERS, colour: 'blue' })],
    ['nesting deeper than any answers file', '['.repeat(100) + ']'.repeat(100)],
    ['a control character', JSON.stringify({ ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, name: 'Winkel\u0007' } })],
  ] as const) {
    it(`the privacy statement's answers box with ${what}`, async () => {
      await client.get(`/orgs/${orgId}/privacy-statement`);
      const response = await client.post(`/orgs/${orgId}/privacy-statement/json`, { json });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('<html lang="nl">');
      expect(englishIn(response.body.replace(/<textarea[\s\S]*?<\/textarea>/g, ''))).toEqual([]);
    });
  }
});
