/**
 * The privacy-statement generator in the web app, driven like a browser: the form is read from
 * the page (every input, checked box and selected option, as a browser would post it), filled
 * in and submitted. Covers the starter form, saving, the round trip form -> answers -> form,
 * problems shown on their fields in the interface language, the JSON box, per-language texts,
 * downloads, escaping, roles and the audit log. No network: the app is injected in-process.
 */
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_ANSWERS, GENERATOR_LANGS, type StatementAnswers } from '../src/privacy-statement/generator/index.js';
import { auditOf, createOrgVia, memberClient } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

type Pairs = [string, string][];

/** What a browser posts for the first form on the page whose action ends with `actionSuffix`. */
function formPairs(page: string, actionSuffix: string): Pairs {
  const $ = load(page);
  const form = $('form').filter((_, element) => ($(element).attr('action') ?? '').endsWith(actionSuffix)).first();
  if (form.length === 0) throw new Error(`no form posting to ${actionSuffix}`);
  const pairs: Pairs = [];
  form.find('input, select, textarea').each((_, element) => {
    const field = $(element);
    const name = field.attr('name');
    if (!name) return;
    const type = (field.attr('type') ?? 'text').toLowerCase();
    if (element.tagName === 'select') {
      const selected = field.find('option[selected]').first();
      pairs.push([name, (selected.length ? selected : field.find('option').first()).attr('value') ?? '']);
    } else if (element.tagName === 'textarea') {
      pairs.push([name, field.text()]);
    } else if (type === 'checkbox') {
      if (field.attr('checked') !== undefined) pairs.push([name, field.attr('value') ?? 'on']);
    } else {
      pairs.push([name, field.attr('value') ?? '']);
    }
  });
  return pairs;
}

/** Replace (or add) a single-valued field. */
function setField(pairs: Pairs, name: string, value: string): Pairs {
  return [...pairs.filter(([key]) => key !== name), [name, value]];
}

const base = (orgId: string) => `/orgs/${orgId}/privacy-statement`;

/** Checked boxes come back in the form's order: compare the lists that are sets as sets. */
const SET_KEYS = new Set(['dataCategories', 'categories', 'requiredData', 'languages']);
const asSets = (answers: unknown): unknown =>
  JSON.parse(JSON.stringify(answers), (key, value: unknown) => (SET_KEYS.has(key) && Array.isArray(value) ? [...(value as string[])].sort() : value)) as unknown;

describe.each(DIALECTS)('privacy statement in the web app (%s)', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let orgId: string;

  const stored = async (): Promise<StatementAnswers | undefined> => {
    const row = await t.database.handle.db.selectFrom('privacy_statement_answers').select('answers_json').where('org_id', '=', orgId).executeTakeFirst();
    return row ? (JSON.parse(row.answers_json) as StatementAnswers) : undefined;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { work: false });
    owner = new TestClient(t.app, { 'accept-language': 'en' });
    await signUp(owner, 'owner@privacy-form.test', 'Pia Owner');
    orgId = await createOrgVia(owner, 'Theehuis Test BV');
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts with a form filled with the organisation name and what every webshop does, and saves it once completed', async () => {
    const page = await owner.get(base(orgId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No answers have been saved yet');
    expect(page.body).toContain(`href="/orgs/${orgId}/privacy-statement" aria-current="page"`);
    let pairs = formPairs(page.body, '/privacy-statement');
    expect(pairs).toContainEqual(['c.name', 'Theehuis Test BV']);
    expect(pairs.filter(([name]) => name.endsWith('.on')).map(([name]) => name).sort()).toEqual(['breach.on', 'p.bookkeeping.on', 'p.delivery.on', 'p.orders.on', 'p.payment.on']);

    // Submitted as it stands, the required identity is missing: nothing is saved.
    const incomplete = await owner.post(base(orgId), pairs);
    expect(incomplete.statusCode).toBe(400);
    expect(await stored()).toBeUndefined();

    pairs = setField(pairs, 'c.address', 'Lindengracht 12, 1015 KK Amsterdam');
    pairs = setField(pairs, 'c.country', 'NL');
    pairs = setField(pairs, 'c.email', 'privacy@theehuis.example');
    const saved = await owner.post(base(orgId), pairs);
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303);
    expect(saved.headers.location).toBe(`${base(orgId)}?lang=en&saved=1#statement`);
    const answers = await stored();
    expect(answers?.controller).toEqual({ name: 'Theehuis Test BV', address: 'Lindengracht 12, 1015 KK Amsterdam', country: 'NL', email: 'privacy@theehuis.example' });
    expect(answers?.activities.map((activity) => activity.purpose)).toEqual(['orders', 'payment', 'delivery', 'bookkeeping']);
    expect(answers?.breachPolicy.include).toBe(true);

    const shown = await owner.get(`${base(orgId)}?lang=en&saved=1`);
    expect(shown.body).toContain('Your answers have been saved.');
    expect(shown.body).toContain('<article lang="en" class="privacy-statement">');
    expect(shown.body).toMatch(/Our own check:<\/strong> this statement contains all \d+ elements the law asks for\./);
    for (const format of ['markdown', 'html', 'text']) expect(shown.body).toContain(`/privacy-statement/download?lang=en&amp;format=${format}`);

    const log = await auditOf(t.database.handle.db, orgId);
    expect(log.filter((entry) => entry.record_type === 'privacy_statement_answers').map((entry) => entry.action)).toEqual(['create', 'view']);
  });

  it('gives back exactly what was saved when the form is submitted again unchanged', async () => {
    const before = await stored();
    const again = await owner.post(base(orgId), formPairs((await owner.get(base(orgId))).body, '/privacy-statement'));
    expect(again.statusCode).toBe(303);
    expect(await stored()).toEqual(before);
  });

  it('puts each problem on its field, keeps what was typed, explains in the interface language, and saves nothing', async () => {
    const before = await stored();
    const dutch = new TestClient(t.app, { 'accept-language': 'nl' });
    await signUp(dutch, 'lid@privacy-form.test', 'Lies Lid');
    await t.database.handle.db.insertInto('memberships').values({ org_id: orgId, user_id: (await t.database.handle.db.selectFrom('users').select('id').where('email', '=', 'lid@privacy-form.test').executeTakeFirstOrThrow()).id, role: 'member', created_at: new Date().toISOString() }).execute();
    let pairs = formPairs((await dutch.get(base(orgId))).body, '/privacy-statement');
    pairs = setField(pairs, 'c.email', 'geen-adres');
    pairs = setField(pairs, 'p.orders.months', 'twee jaar');
    pairs = setField(pairs, 't.0.country', 'DE');
    pairs = setField(pairs, 't.0.safeguard', 'adequacy');
    pairs = setField(pairs, 'x.0.title', 'Cadeaubonnen');
    pairs = setField(pairs, 'x.0.data', 'name');
    pairs = setField(pairs, 'x.0.basis', 'contract');
    const response = await dutch.post(base(orgId), pairs);
    expect(response.statusCode).toBe(400);
    let $ = load(response.body);
    expect($('#f-c-email').attr('value')).toBe('geen-adres');
    expect($('#f-c-email').attr('aria-invalid')).toBe('true');
    expect($('#f-c-email-problem').text()).toContain('Vul een e-mailadres in');
    expect($('#f-p-orders-months').attr('value')).toBe('twee jaar');
    expect($('#f-p-orders-months-problem').text()).toContain('heel aantal maanden');
    const summary = $('#problems').text();
    expect(summary).toMatch(/2 antwoorden vragen aandacht/);
    expect(summary).toContain('E-mailadres voor privacyvragen');
    expect(summary).toContain('Uw bestelling afhandelen · Maanden');

    // With the form shape right, the rules between fields speak: the transfer and the own purpose.
    pairs = setField(setField(pairs, 'c.email', 'privacy@theehuis.example'), 'p.orders.months', '24');
    const second = await dutch.post(base(orgId), pairs);
    expect(second.statusCode).toBe(400);
    $ = load(second.body);
    expect($('#f-t-0-country-problem').text()).toContain('ligt in de EU/EER');
    expect($('#f-x-0-description').attr('aria-invalid')).toBe('true');
    expect($('#f-x-0-description-problem').text()).toContain('kop en een beschrijving');
    expect($('#f-x-0-months-problem').text()).toContain('hoe lang u deze gegevens bewaart');
    expect($('#f-x-0-title').text()).toBe('Cadeaubonnen');
    expect(await stored()).toEqual(before);
  });

  it('keeps a text per language, and the preview in each language uses its own text and passes our check', async () => {
    let pairs = formPairs((await owner.get(base(orgId))).body, '/privacy-statement');
    pairs = [
      ...pairs,
      ['x.0.title@en', 'Gift cards'],
      ['x.0.title@nl', 'Cadeaubonnen'],
      ['x.0.description', 'to sell and redeem gift cards'],
      ['x.0.data', 'name'],
      ['x.0.data', 'email'],
      ['x.0.basis', 'contract'],
      ['x.0.months', '24'],
      ['langs', 'nl'],
      ['langs', 'en'],
    ];
    pairs = pairs.filter(([name, value]) => !(name === 'x.0.basis' && value === '') && !(name === 'x.0.months' && value === ''));
    const saved = await owner.post(base(orgId), pairs);
    expect(saved.statusCode, saved.body.slice(0, 3000)).toBe(303);
    const custom = (await stored())?.activities.find((activity) => activity.purpose === 'custom');
    expect(custom?.title).toEqual({ en: 'Gift cards', nl: 'Cadeaubonnen' });
    expect(custom?.dataCategories).toEqual(['name', 'email']);

    const nl = await owner.get(`${base(orgId)}?lang=nl`);
    expect(nl.body).toContain('<article lang="nl" class="privacy-statement">');
    expect(nl.body).toContain('Cadeaubonnen');
    // The form shows the per-language boxes open and filled.
    expect(load(nl.body)('#f-x-0-title-nl').text()).toBe('Cadeaubonnen');
    for (const lang of GENERATOR_LANGS) {
      const preview = await owner.get(`${base(orgId)}?lang=${lang}`);
      expect(preview.body, lang).toMatch(/Our own check:<\/strong> this statement contains all \d+ elements/);
    }
  });

  it('takes the same answers file as the CLI and the API in the JSON box, and says when the form cannot show it all', async () => {
    const good = await owner.post(`${base(orgId)}/json`, { json: JSON.stringify(EXAMPLE_ANSWERS) });
    expect(good.statusCode).toBe(303);
    expect(await stored()).toEqual(EXAMPLE_ANSWERS);
    // The example (with a per-language retention criterion) fits the form.
    expect((await owner.get(base(orgId))).body).not.toContain('more than this form can show');
    const formAgain = await owner.post(base(orgId), formPairs((await owner.get(base(orgId))).body, '/privacy-statement'));
    expect(formAgain.statusCode).toBe(303);
    expect(asSets(await stored())).toEqual(asSets(EXAMPLE_ANSWERS));

    const twice = structuredClone(EXAMPLE_ANSWERS);
    const orders = twice.activities[0];
    if (!orders) throw new Error('example changed');
    twice.activities.push({ ...orders, retention: { months: 6 } });
    expect((await owner.post(`${base(orgId)}/json`, { json: JSON.stringify(twice) })).statusCode).toBe(303);
    expect((await owner.get(base(orgId))).body).toContain('more than this form can show');

    const broken = await owner.post(`${base(orgId)}/json`, { json: '{"controller": ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain('This is not valid JSON');
    expect(broken.body).toContain('{&quot;controller&quot;: </textarea>');
    const wrong = await owner.post(`${base(orgId)}/json`, { json: JSON.stringify({ ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, email: 'nope' } }) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<code>controller.email</code>');
    expect(await stored()).toEqual(twice);
  });

  it('escapes what the answers say, in the preview and the downloads', async () => {
    const hostile = { ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, name: 'Shop <script>alert(1)</script> BV' } };
    expect((await owner.post(`${base(orgId)}/json`, { json: JSON.stringify(hostile) })).statusCode).toBe(303);
    const page = await owner.get(`${base(orgId)}?lang=en`);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('Shop &lt;script&gt;alert(1)&lt;/script&gt; BV');
    const download = await owner.get(`${base(orgId)}/download?lang=sv&format=html`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(download.headers['content-disposition']).toBe('attachment; filename="privacy-statement-sv.html"');
    expect(download.body.toLowerCase()).toContain('<!doctype html>');
    expect(download.body).toContain('<html lang="sv">');
    expect(download.body).not.toContain('<script>alert(1)');
  });

  it('downloads every language in every format, each download audited', async () => {
    expect((await owner.post(`${base(orgId)}/json`, { json: JSON.stringify(EXAMPLE_ANSWERS) })).statusCode).toBe(303);
    for (const lang of GENERATOR_LANGS) {
      for (const [format, type] of [['markdown', 'text/markdown'], ['text', 'text/plain']] as const) {
        const response = await owner.get(`${base(orgId)}/download?lang=${lang}&format=${format}`);
        expect(response.statusCode, `${lang} ${format}`).toBe(200);
        expect(response.headers['content-type']).toBe(`${type}; charset=utf-8`);
        expect(response.body).toContain('Theehuis De Linde B.V.');
      }
    }
    expect((await owner.get(`${base(orgId)}/download?lang=es&format=text`)).statusCode).toBe(400);
    expect((await owner.get(`${base(orgId)}/download?lang=en&format=pdf`)).statusCode).toBe(400);
    const exports = (await auditOf(t.database.handle.db, orgId)).filter((entry) => entry.action === 'export' && entry.record_type === 'privacy_statement');
    expect(exports.length).toBeGreaterThanOrEqual(GENERATOR_LANGS.length * 2);
  });

  it('loses nothing half-filled: shared and per-language texts, a transfer row with only a safeguard, an own purpose without title, "from" without months', async () => {
    expect((await owner.post(`${base(orgId)}/json`, { json: JSON.stringify(EXAMPLE_ANSWERS) })).statusCode).toBe(303);
    const pairs = formPairs((await owner.get(base(orgId))).body, '/privacy-statement');
    // A Dutch text next to the shared one keeps the shared one for the other languages.
    const both = await owner.post(base(orgId), [...setField(pairs, 'p.orders.description', 'Shared'), ['p.orders.description@nl', 'Alleen NL']]);
    expect(both.statusCode).toBe(303);
    expect((await stored())?.activities[0]?.description).toEqual({ en: 'Shared', nl: 'Alleen NL', sv: 'Shared', de: 'Shared', fr: 'Shared' });
    // The published languages keep their order (the first is the default), through the form too.
    expect((await stored())?.languages).toEqual(['nl', 'en']);
    expect(both.headers.location).toContain('?lang=nl&');

    const before = await stored();
    for (const [half, field] of [
      [[['t.0.safeguard', 'standardContractualClauses']], '#f-t-0-country'],
      [[['x.0.data', 'name'], ['x.0.basis', 'contract'], ['x.0.months', '12']], '#f-x-0-title'],
      [[['p.orders.months', ''], ['p.orders.until', ''], ['p.orders.from', 'lastOrder']], '#f-p-orders-from'],
    ] as [[string, string][], string][]) {
      let changed = formPairs((await owner.get(base(orgId))).body, '/privacy-statement');
      for (const [name, value] of half) changed = setField(changed, name, value);
      const response = await owner.post(base(orgId), changed);
      expect(response.statusCode, field).toBe(400);
      expect(load(response.body)(field).attr('aria-invalid'), field).toBe('true');
    }
    expect(await stored()).toEqual(before);
  });

  it('takes the form back unchanged with many recipient and transfer rows', async () => {
    const many = structuredClone(EXAMPLE_ANSWERS);
    many.recipients.named = Array.from({ length: 12 }, (_, index) => ({ name: `Partner ${index + 1}`, purpose: 'processes orders for us' }));
    many.transfers = Array.from({ length: 8 }, () => ({ country: 'US', safeguard: 'standardContractualClauses' as const }));
    many.transfers.forEach((transfer, index) => (transfer.recipient = `Cloud ${index + 1}`));
    expect((await owner.post(`${base(orgId)}/json`, { json: JSON.stringify(many) })).statusCode).toBe(303);
    const again = await owner.post(base(orgId), formPairs((await owner.get(base(orgId))).body, '/privacy-statement'));
    expect(again.statusCode, again.body.slice(0, 500)).toBe(303);
    expect(asSets(await stored())).toEqual(asSets(many));
  });

  it('refuses a deeply nested or oversized JSON box with a message, not a crash', async () => {
    const deep = await owner.post(`${base(orgId)}/json`, { json: '['.repeat(5000) + ']'.repeat(5000) });
    expect(deep.statusCode).toBe(400);
    expect(deep.body).toContain('This is nested deeper than any answers file.');
    // Any route: the NUL guard that walks every body once recursed and answered 500 here.
    const nested = await t.app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/json' }, payload: '['.repeat(5000) + ']'.repeat(5000) });
    expect(nested.statusCode).toBe(400);
    expect(nested.body).toContain('is nested too deep.');
  });

  it('publishes no /privacy page and no footer link when the operator gave no answers of its own', async () => {
    expect((await owner.get('/privacy')).statusCode).toBe(404);
    expect((await owner.get('/orgs')).body).not.toContain('href="/privacy"');
  });

  it('lets a viewer read and download but not change, and answers 404 before anything is saved', async () => {
    const { client: viewer } = await memberClient(t, orgId, 'viewer@privacy-form.test', 'viewer');
    const page = await viewer.get(base(orgId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<article lang=');
    expect(page.body).not.toContain('name="c.name"');
    expect(page.body).not.toContain('name="json"');
    expect((await viewer.get(`${base(orgId)}/download?lang=nl&format=markdown`)).statusCode).toBe(200);
    const attempt = await viewer.post(base(orgId), formPairs((await owner.get(base(orgId))).body, '/privacy-statement'));
    expect(attempt.statusCode).toBe(403);
    expect((await viewer.post(`${base(orgId)}/json`, { json: '{}' })).statusCode).toBe(403);

    const other = new TestClient(t.app);
    await signUp(other, 'other@privacy-form.test');
    const otherOrg = await createOrgVia(other, 'Other Shop');
    expect((await other.get(`${base(otherOrg)}/download?lang=en&format=text`)).statusCode).toBe(404);
    expect((await other.get(base(orgId))).statusCode).toBe(404);
  });
});
