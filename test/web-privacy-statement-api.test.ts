/**
 * The privacy-statement generator in the REST API: reading and replacing the answers (checked
 * by the generator's own validation, so problems name fields like controller.email), the
 * statement in every language and format, escaping, refused answers that change nothing,
 * answers that no longer validate (409), one organisation's token against another's answers,
 * the audit log and the OpenAPI document. No network: the app is injected in-process.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_ANSWERS, GENERATOR_LANGS, type StatementAnswers } from '../src/privacy-statement/generator/index.js';
import { auditOf, createOrgVia } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

interface Problem {
  field: string;
  message: string;
}
interface AnswersBody {
  answers: unknown;
  updatedAt: string;
  valid: boolean;
  problems: Problem[];
}
interface ApiError {
  error: { status: number; message: string; field?: string; problems?: Problem[] };
}

const ANSWERS = '/api/v1/privacy-statement/answers';
const STATEMENT = '/api/v1/privacy-statement';
const FORMATS = ['markdown', 'html', 'text', 'json'] as const;
const CONTENT_TYPES = { markdown: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', text: 'text/plain; charset=utf-8', json: 'application/json; charset=utf-8' };
const HOSTILE_NAME = 'Shop <script>alert(1)</script> BV';

const clone = (answers: StatementAnswers): Record<string, unknown> => JSON.parse(JSON.stringify(answers)) as Record<string, unknown>;

describe.each(DIALECTS)('privacy statement through the REST API (%s)', (dialect) => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let tokenA: string;
  let tokenB: string;

  const api = (
    method: 'GET' | 'PUT',
    url: string,
    options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> => {
    const bearer = options.token === undefined ? tokenA : options.token;
    return t.app.inject({
      method,
      url,
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...options.headers },
      ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
    });
  };

  async function ownerWithToken(email: string, orgName: string): Promise<{ orgId: string; token: string }> {
    const owner = new TestClient(t.app);
    await signUp(owner, email, 'Olga Owner');
    const orgId = await createOrgVia(owner, orgName);
    await owner.get(`/orgs/${orgId}/tokens`);
    const created = await owner.post(`/orgs/${orgId}/tokens`, { name: 'Privacy script' });
    expect(created.statusCode).toBe(200);
    const token = /value="(wb_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1];
    if (!token) throw new Error('no token on the page');
    return { orgId, token };
  }

  const storedRow = (orgId: string) =>
    t.database.handle.db.selectFrom('privacy_statement_answers').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  const tokenIdOf = async (orgId: string): Promise<string> =>
    (await t.database.handle.db.selectFrom('api_tokens').select('id').where('org_id', '=', orgId).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await startTestApp(dialect, { work: false });
    ({ orgId: orgA, token: tokenA } = await ownerWithToken('owner@privacy-api-a.test', 'Alpha Tea BV'));
    ({ orgId: orgB, token: tokenB } = await ownerWithToken('owner@privacy-api-b.test', 'Bravo Coffee BV'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 without a token on every privacy-statement route', async () => {
    for (const [method, url] of [['GET', ANSWERS], ['PUT', ANSWERS], ['GET', STATEMENT]] as const) {
      const response = await api(method, url, { token: null, ...(method === 'PUT' ? { body: EXAMPLE_ANSWERS } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json<ApiError>().error.message).toMatch(/missing Authorization header/);
    }
    expect(await storedRow(orgA)).toBeUndefined();
  });

  it('answers 404 with a clear message before any answers are saved', async () => {
    for (const url of [ANSWERS, STATEMENT, `${STATEMENT}?format=html`]) {
      const response = await api('GET', url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json<ApiError>().error).toMatchObject({ status: 404 });
      expect(response.json<ApiError>().error.message).toMatch(/no privacy-statement answers yet; PUT them to \/api\/v1\/privacy-statement\/answers/);
    }
  });

  it('refuses bad answers before the first save, naming the fields, and saves nothing', async () => {
    const response = await api('PUT', ANSWERS, { body: { ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, email: 'not an address' } } });
    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>().error).toMatchObject({ status: 400, field: 'body.controller.email' });
    expect(await storedRow(orgA)).toBeUndefined();
    expect((await api('GET', ANSWERS)).statusCode).toBe(404);
    expect((await auditOf(t.database.handle.db, orgA)).filter((entry) => entry.record_type.startsWith('privacy_statement'))).toEqual([]);
  });

  it('saves the example answers and reads them back', async () => {
    const saved = await api('PUT', ANSWERS, { body: EXAMPLE_ANSWERS });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(200);
    const body = saved.json<AnswersBody>();
    expect(body).toMatchObject({ answers: EXAMPLE_ANSWERS, valid: true, problems: [] });
    expect(Date.parse(body.updatedAt)).not.toBeNaN();

    const read = await api('GET', ANSWERS);
    expect(read.statusCode).toBe(200);
    expect(read.json<AnswersBody>()).toEqual({ answers: EXAMPLE_ANSWERS, updatedAt: body.updatedAt, valid: true, problems: [] });

    const row = await storedRow(orgA);
    expect(JSON.parse(row?.answers_json ?? '{}')).toEqual(EXAMPLE_ANSWERS);
    expect(row?.updated_by).toBe(await tokenIdOf(orgA));
  });

  it('refuses bad answers with 400 naming every field, and leaves the saved answers as they were', async () => {
    const before = await storedRow(orgA);
    const badEmail = await api('PUT', ANSWERS, { body: { ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, email: 'privacy at shop' } } });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json<ApiError>().error).toMatchObject({ status: 400, field: 'body.controller.email' });
    expect(badEmail.json<ApiError>().error.message).toContain('body.controller.email: must be an e-mail address');
    expect(badEmail.json<ApiError>().error.problems).toEqual([{ field: 'controller.email', message: expect.stringContaining('e-mail address') as unknown }]);

    const noController = clone(EXAMPLE_ANSWERS);
    delete noController.controller;
    const missing = await api('PUT', ANSWERS, { body: noController });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ApiError>().error).toMatchObject({ field: 'body.controller', problems: [{ field: 'controller', message: 'is required' }] });

    // Two problems at once, one deep in a list: both named, the list index included.
    const twoProblems = clone(EXAMPLE_ANSWERS);
    (twoProblems.controller as Record<string, unknown>).email = 'nope';
    (twoProblems.activities as Record<string, unknown>[])[1] = { ...(twoProblems.activities as Record<string, unknown>[])[1], legalBasis: 'because' };
    const both = await api('PUT', ANSWERS, { body: twoProblems });
    expect(both.statusCode).toBe(400);
    expect(both.json<ApiError>().error.problems?.map((problem) => problem.field)).toEqual(['controller.email', 'activities[1].legalBasis']);
    expect(both.json<ApiError>().error.message).toContain('body.activities[1].legalBasis: must be one of');

    // Fastify's ajv would coerce "name" into ["name"]; the generator's validation refuses it instead.
    const coercible = clone(EXAMPLE_ANSWERS);
    (coercible.activities as Record<string, unknown>[])[0] = { ...(coercible.activities as Record<string, unknown>[])[0], dataCategories: 'name' };
    const notCoerced = await api('PUT', ANSWERS, { body: coercible });
    expect(notCoerced.statusCode).toBe(400);
    expect(notCoerced.json<ApiError>().error.field).toBe('body.activities[0].dataCategories');

    const notAnObject = await t.app.inject({ method: 'PUT', url: ANSWERS, headers: { authorization: `Bearer ${tokenA}`, 'content-type': 'application/json' }, payload: '[1, 2]' });
    expect(notAnObject.statusCode).toBe(400);
    expect(notAnObject.json<ApiError>().error).toMatchObject({ field: 'body', message: 'the answers were not saved: body: must be an object' });

    const notJson = await t.app.inject({ method: 'PUT', url: ANSWERS, headers: { authorization: `Bearer ${tokenA}`, 'content-type': 'application/json' }, payload: '{"controller":' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json<ApiError>().error.message).toMatch(/not valid JSON/);
    const nul = await api('PUT', ANSWERS, { body: { ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, name: 'Shop\u0000BV' } } });
    expect(nul.statusCode).toBe(400);
    expect(nul.json<ApiError>().error.field).toBe('body.controller.name');

    const huge = await api('PUT', ANSWERS, { body: { ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, name: 'x'.repeat(210_000) } } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json<ApiError>().error.status).toBe(413);

    expect(await storedRow(orgA)).toEqual(before);
  });

  it('generates the statement in every language and format from the saved answers', async () => {
    const name = EXAMPLE_ANSWERS.controller.name;
    for (const lang of GENERATOR_LANGS) {
      for (const format of FORMATS) {
        const response = await api('GET', `${STATEMENT}?lang=${lang}&format=${format}`);
        const label = `${lang} ${format}`;
        expect(response.statusCode, label).toBe(200);
        expect(response.headers['content-type'], label).toBe(CONTENT_TYPES[format]);
        expect(response.body, label).toContain(name);
        if (format === 'html') {
          expect(response.body, label).toMatch(/^<!doctype html>/i);
          expect(response.body, label).toContain(`<html lang="${lang}">`);
          expect(response.body.trimEnd(), label).toMatch(/<\/html>$/);
        }
        if (format === 'json') {
          const doc = response.json<{ lang: string; title: string; sections: unknown[]; warnings: unknown[]; lastUpdated: string }>();
          expect(doc, label).toMatchObject({ lang, lastUpdated: EXAMPLE_ANSWERS.lastUpdated });
          expect(doc.sections.length, label).toBeGreaterThan(5);
          expect(Array.isArray(doc.warnings), label).toBe(true);
        }
      }
    }
    // Defaults: markdown, in the request's language (Accept-Language), else English.
    const dutch = await api('GET', STATEMENT, { headers: { 'accept-language': 'nl-NL,nl;q=0.9' } });
    expect(dutch.headers['content-type']).toBe(CONTENT_TYPES.markdown);
    expect(dutch.body).toBe((await api('GET', `${STATEMENT}?lang=nl&format=markdown`)).body);
    const english = await api('GET', `${STATEMENT}?format=json`);
    expect(english.json<{ lang: string }>().lang).toBe('en');
  });

  it('refuses an unknown language or format, naming the field', async () => {
    const lang = await api('GET', `${STATEMENT}?lang=es`);
    expect(lang.statusCode).toBe(400);
    expect(lang.json<ApiError>().error.field).toBe('querystring.lang');
    const format = await api('GET', `${STATEMENT}?format=pdf`);
    expect(format.statusCode).toBe(400);
    expect(format.json<ApiError>().error.field).toBe('querystring.format');
  });

  it('escapes what the answers say: a <script> in the name stays text', async () => {
    const hostile = { ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, name: HOSTILE_NAME } };
    expect((await api('PUT', ANSWERS, { body: hostile })).statusCode).toBe(200);
    const html = await api('GET', `${STATEMENT}?lang=en&format=html`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toMatch(/^<!doctype html>/i);
    expect(html.body).not.toContain('<script>');
    expect(html.body).toContain('Shop &lt;script&gt;alert(1)&lt;/script&gt; BV');
    const markdown = await api('GET', `${STATEMENT}?lang=en&format=markdown`);
    expect(markdown.body).not.toContain('<script>');
    expect((await api('GET', ANSWERS)).json<AnswersBody>().answers).toEqual(hostile);
    expect((await api('PUT', ANSWERS, { body: EXAMPLE_ANSWERS })).statusCode).toBe(200);
  });

  it('shows answers saved under older rules as invalid, and answers 409 for their statement', async () => {
    const db = t.database.handle.db;
    const before = await storedRow(orgA);
    const outdated = { ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, email: 'privacy-at-shop' } };
    await db.updateTable('privacy_statement_answers').set({ answers_json: JSON.stringify(outdated) }).where('org_id', '=', orgA).execute();
    try {
      const read = await api('GET', ANSWERS);
      expect(read.statusCode).toBe(200);
      expect(read.json<AnswersBody>()).toMatchObject({ answers: outdated, valid: false, problems: [{ field: 'controller.email' }] });
      const statement = await api('GET', `${STATEMENT}?format=html`);
      expect(statement.statusCode).toBe(409);
      expect(statement.json<ApiError>().error.message).toMatch(/no longer pass validation.*controller\.email: must be an e-mail address.*PUT \/api\/v1\/privacy-statement\/answers/);
    } finally {
      await db.updateTable('privacy_statement_answers').set({ answers_json: before?.answers_json ?? '' }).where('org_id', '=', orgA).execute();
    }
  });

  it("keeps organisations apart: B's token sees no answers and cannot reach A's", async () => {
    const asB = { token: tokenB };
    expect((await api('GET', ANSWERS, asB)).statusCode).toBe(404);
    const statement = await api('GET', `${STATEMENT}?format=json`, asB);
    expect(statement.statusCode).toBe(404);
    expect(statement.body).not.toContain(EXAMPLE_ANSWERS.controller.name);

    const aBefore = await storedRow(orgA);
    const own = { ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, name: 'Bravo Coffee BV' } };
    expect((await api('PUT', ANSWERS, { ...asB, body: own })).statusCode).toBe(200);
    expect((await api('GET', ANSWERS, asB)).json<AnswersBody>().answers).toEqual(own);
    expect((await api('GET', ANSWERS)).json<AnswersBody>().answers).toEqual(EXAMPLE_ANSWERS);
    expect(await storedRow(orgA)).toEqual(aBefore);
    expect((await api('GET', `${STATEMENT}?format=text`)).body).not.toContain('Bravo Coffee');
    expect((await storedRow(orgB))?.updated_by).toBe(await tokenIdOf(orgB));
  });

  it('writes every read, change and download to the audit log, with the token', async () => {
    const tokenId = await tokenIdOf(orgA);
    const entries = (await auditOf(t.database.handle.db, orgA)).filter((entry) => entry.record_type.startsWith('privacy_statement'));
    expect(entries.every((entry) => entry.api_token_id === tokenId && entry.user_id === null && entry.record_id === orgA)).toBe(true);
    const answerChanges = entries.filter((entry) => entry.record_type === 'privacy_statement_answers' && entry.action !== 'view').map((entry) => entry.action);
    expect(answerChanges).toEqual(['create', 'update', 'update']);
    expect(entries.filter((entry) => entry.record_type === 'privacy_statement_answers' && entry.action === 'view').length).toBeGreaterThanOrEqual(3);
    const exports = entries.filter((entry) => entry.record_type === 'privacy_statement' && entry.action === 'export');
    expect(exports.length).toBeGreaterThanOrEqual(GENERATOR_LANGS.length * FORMATS.length);
    expect(exports.map((entry) => JSON.parse(entry.detail ?? '{}') as unknown)).toContainEqual({ lang: 'sv', format: 'html' });
    const bEntries = (await auditOf(t.database.handle.db, orgB)).filter((entry) => entry.record_type.startsWith('privacy_statement'));
    expect(bEntries.map((entry) => entry.action)).toEqual(['create', 'view']);
  });

  it('lists the three routes in the OpenAPI document, with the answers shape as the PUT body', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    type Operation = { tags?: string[]; requestBody?: { content: Record<string, { schema: { required?: string[] } }> }; responses: Record<string, { content?: Record<string, unknown> }> };
    const doc = response.json<{ paths: Record<string, Record<string, Operation>> }>();
    expect(Object.keys(doc.paths['/api/v1/privacy-statement/answers'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(Object.keys(doc.paths['/api/v1/privacy-statement'] ?? {})).toEqual(['get']);
    const put = doc.paths['/api/v1/privacy-statement/answers']?.put;
    expect(put?.requestBody?.content['application/json']?.schema.required).toEqual(expect.arrayContaining(['controller', 'activities', 'lastUpdated']) as unknown);
    expect(Object.keys(put?.responses['400']?.content ?? {})).toEqual(['application/json']);
    const statement = doc.paths['/api/v1/privacy-statement']?.get;
    expect(Object.keys(statement?.responses['200']?.content ?? {}).sort()).toEqual(['application/json', 'text/html', 'text/markdown', 'text/plain']);
  });
});
