/**
 * The privacy-statement generator in the web app: a form for the answers (or a JSON box for
 * the same answers file the CLI and the API take), a preview in EN/NL/SV/DE/FR with the result
 * of our own `privacy.statement.contents` check on it, and downloads. Members and owners edit;
 * viewers read and download. Every view, change and download is in the audit log.
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../audit/audit.js';
import { nowIso } from '../db/ids.js';
import { roleAtLeast, actorOf, orgContext, type OrgContext } from '../web/context.js';
import { HttpError } from '../web/errors.js';
import { html, raw, type SafeHtml } from '../web/html.js';
import { orgNav } from '../web/org-nav.js';
import {
  EXAMPLE_ANSWERS,
  GENERATOR_LANGS,
  generateStatement,
  renderHtml,
  renderStatement,
  STATEMENT_FORMATS,
  STATEMENT_MEDIA_TYPES,
  validateAnswers,
  type FieldError,
  type GeneratorLang,
  type StatementAnswers,
} from './generator/index.js';
import { answersFromForm, formCanHold, formFromAnswers, formFromBody, type FormBody, type FormValues } from './form.js';
import { privacyForm, type FormProblem } from './form-view.js';
import { formProblems, problemText } from './form-problems.js';
import { loadStatementAnswers, saveStatementAnswers, type StoredAnswers } from './data.js';
import { selfCheck } from './self-check.js';

const OrgParams = Type.Object({ orgId: Type.String({ maxLength: 100 }) });
/**
 * The form posts many fields with fixed-but-numerous names (about 550 with no rows filled, 830
 * with every row); answersFromForm reads what it knows.
 */
const FormBodySchema = Type.Record(Type.String({ maxLength: 100 }), Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 40 })]), {
  maxProperties: 2000,
});
/** A real answers file is a few KB; 64,000 characters stay under the form body limit even URL-encoded. */
const JsonBody = Type.Object({ _csrf: Type.Optional(Type.String()), json: Type.String({ maxLength: 64_000 }) });
const PreviewQuery = Type.Object({
  lang: Type.Optional(Type.Enum([...GENERATOR_LANGS])),
  saved: Type.Optional(Type.Literal('1')),
});
const DownloadQuery = Type.Object({
  lang: Type.Enum([...GENERATOR_LANGS]),
  format: Type.Enum([...STATEMENT_FORMATS]),
});

const today = (): string => nowIso().slice(0, 10);

/** A first-time form: the organisation's name and what nearly every webshop does, to check and change. */
function starterForm(orgName: string, lang: GeneratorLang): FormValues {
  const common = new Set(['orders', 'payment', 'delivery', 'bookkeeping']);
  const answers: StatementAnswers = {
    ...EXAMPLE_ANSWERS,
    controller: { name: orgName, address: '', country: EXAMPLE_ANSWERS.controller.country, email: '' },
    activities: EXAMPLE_ANSWERS.activities.filter((activity) => common.has(activity.purpose)).map((activity) => ({ ...activity, retention: { ...activity.retention, criterion: undefined } })),
    recipients: { categories: ['paymentProvider', 'logistics', 'hosting', 'accountant'] },
    transfers: [],
    breachPolicy: { include: true },
    lastUpdated: today(),
    languages: [lang],
  };
  const form = formFromAnswers(answers);
  form.delete('c.country');
  return form;
}

export const privacyStatementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const base = (orgId: string) => `/orgs/${orgId}/privacy-statement`;

  interface PageState {
    form: FormValues;
    problems?: FormProblem[];
    json?: { text: string; problems: readonly FieldError[]; parseError?: string };
    status?: number;
    previewLang?: GeneratorLang | undefined;
    saved?: boolean;
  }

  async function page(request: FastifyRequest, reply: FastifyReply, ctx: OrgContext, stored: StoredAnswers | undefined, state: PageState): Promise<FastifyReply> {
    const t = request.t;
    if (stored) await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'view', recordType: 'privacy_statement_answers', recordId: ctx.org.id });
    const canEdit = roleAtLeast(ctx.role, 'member');
    const answers = stored?.validation.ok ? stored.validation.answers : undefined;
    const previewLang = state.previewLang ?? answers?.languages?.[0] ?? request.lang;

    const preview = answers ? previewSection(request, ctx, answers, previewLang) : html`<p>${t('privacyStatement.noneYet')}</p>`;
    const staleProblems = stored && !stored.validation.ok ? stored.validation.errors : [];
    const json = state.json ?? { text: JSON.stringify(stored?.raw ?? EXAMPLE_ANSWERS, null, 2), problems: [] };
    return reply.page({
      title: t('privacyStatement.title'),
      org: ctx.org,
      status: state.status ?? 200,
      body: html`${orgNav(request, ctx.org, ctx.role, 'privacy')}
        ${state.saved ? html`<p class="notice" role="status">${t('privacyStatement.saved')}</p>` : ''}
        <h1>${t('privacyStatement.title')}</h1>
        <p>${t('privacyStatement.intro')}</p>
        ${stored ? html`<p class="hint">${t('privacyStatement.lastSaved', { at: stored.updatedAt.slice(0, 16).replace('T', ' ') + ' UTC' })}</p>` : ''}
        ${staleProblems.length ? html`<div class="alert" role="alert"><p>${t('privacyStatement.storedInvalid')}</p><ul>${staleProblems.map((problem) => html`<li>${problem.field}: ${problemText(t, problem.message)}</li>`)}</ul></div>` : ''}
        ${answers && canEdit && !state.problems && !formCanHold(answers, answers.lastUpdated) ? html`<p class="notice">${t('privacyStatement.formCannotHold')}</p>` : ''}
        <section aria-labelledby="statement-heading" id="statement">
          <h2 id="statement-heading">${t('privacyStatement.previewHeading')}</h2>
          ${preview}
        </section>
        ${
          canEdit
            ? html`<section aria-labelledby="answers-heading">
                <h2 id="answers-heading">${t('privacyStatement.formHeading')}</h2>
                <p class="hint">${t('privacyStatement.formIntro')}</p>
                ${privacyForm({ t, lang: request.lang, form: state.form, problems: state.problems ?? [] }, base(ctx.org.id), reply.csrfField())}
              </section>
              <section aria-labelledby="json-heading">
                <details${state.json ? html` open` : ''}>
                  <summary id="json-heading">${t('privacyStatement.jsonHeading')}</summary>
                  <p class="hint">${t('privacyStatement.jsonIntro')}</p>
                  ${json.parseError ? html`<p class="alert" role="alert">${json.parseError}</p>` : ''}
                  ${json.problems.length ? html`<div class="alert" role="alert"><ul>${json.problems.map((problem) => html`<li><code>${problem.field}</code>: ${problemText(t, problem.message)}</li>`)}</ul></div>` : ''}
                  <form method="post" action="${base(ctx.org.id)}/json" class="stack json-form">
                    ${reply.csrfField()}
                    <label for="answers-json">${t('privacyStatement.jsonLabel')}</label>
                    <textarea id="answers-json" name="json" rows="18" class="code" spellcheck="false">${json.text}</textarea>
                    <button type="submit">${t('privacyStatement.jsonSave')}</button>
                  </form>
                </details>
              </section>`
            : ''
        }`,
    });
  }

  function previewSection(request: FastifyRequest, ctx: OrgContext, answers: StatementAnswers, lang: GeneratorLang): SafeHtml {
    const t = request.t;
    const doc = generateStatement(answers, lang);
    const check = selfCheck(doc, t, request.lang);
    const tabs = GENERATOR_LANGS.map(
      (code) => html`<li><a href="${base(ctx.org.id)}?lang=${code}#statement"${code === lang ? html` aria-current="page"` : ''}>${t(`privacyForm.lang.${code}`)}</a></li>`,
    );
    const downloads = STATEMENT_FORMATS.map(
      (format) => html`<li><a href="${base(ctx.org.id)}/download?lang=${lang}&amp;format=${format}" download>${t(`privacyStatement.download.${format}`)}</a></li>`,
    );
    return html`<nav class="tabs" aria-label="${t('privacyStatement.languages')}"><ul>${tabs}</ul></nav>
      <p class="${check.status === 'pass' ? 'notice' : 'alert'}" role="status"><strong>${t('privacyStatement.selfCheck')}</strong> ${check.summary}</p>
      ${check.advice.length ? html`<ul>${check.advice.map((line) => html`<li>${line}</li>`)}</ul>` : ''}
      ${doc.warnings.length ? html`<div class="notice"><p>${t('privacyStatement.warnings')}</p><ul>${doc.warnings.map((warning) => html`<li><code>${warning.field}</code>: ${warning.message}</li>`)}</ul></div>` : ''}
      <ul class="downloads">${downloads}</ul>
      <div class="statement-preview">${raw(renderHtml(doc))}</div>`;
  }

  function initialForm(stored: StoredAnswers | undefined, orgName: string, lang: GeneratorLang): FormValues {
    if (stored?.validation.ok) return formFromAnswers(stored.validation.answers);
    if (stored) {
      // Saved before the rules tightened: show what can be shown; the problems are listed above the form.
      try {
        return formFromAnswers(stored.raw as StatementAnswers);
      } catch {
        return starterForm(orgName, lang);
      }
    }
    return starterForm(orgName, lang);
  }

  async function save(request: FastifyRequest, reply: FastifyReply, ctx: OrgContext, answers: StatementAnswers, via: 'form' | 'json'): Promise<FastifyReply> {
    const { created } = await saveStatementAnswers(db, ctx.org.id, answers, ctx.user.id);
    await audit(db, actorOf(request), {
      orgId: ctx.org.id,
      action: created ? 'create' : 'update',
      recordType: 'privacy_statement_answers',
      recordId: ctx.org.id,
      detail: { via, activities: answers.activities.length, languages: answers.languages ?? [] },
    });
    const lang = answers.languages?.[0] ?? request.lang;
    return reply.redirect(`${base(ctx.org.id)}?lang=${lang}&saved=1#statement`, 303);
  }

  app.get('/orgs/:orgId/privacy-statement', { schema: { params: OrgParams, querystring: PreviewQuery } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'viewer');
    const stored = await loadStatementAnswers(db, ctx.org.id);
    return page(request, reply, ctx, stored, { form: initialForm(stored, ctx.org.name, request.lang), previewLang: request.query.lang, saved: request.query.saved === '1' });
  });

  app.post('/orgs/:orgId/privacy-statement', { schema: { params: OrgParams, body: FormBodySchema } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'member');
    const body = request.body as FormBody;
    const built = answersFromForm(body, today());
    const result = validateAnswers(built.answers);
    if (!result.ok) {
      const stored = await loadStatementAnswers(db, ctx.org.id);
      return page(request, reply, ctx, stored, { form: formFromBody(body), problems: formProblems(request.t, request.lang, result.errors, built.fieldOf), status: 400 });
    }
    return save(request, reply, ctx, result.answers, 'form');
  });

  app.post('/orgs/:orgId/privacy-statement/json', { schema: { params: OrgParams, body: JsonBody } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'member');
    const text = request.body.json;
    // The page again, with the JSON box open, its text and its problems.
    const refuse = async (json: PageState['json']): Promise<FastifyReply> => {
      const stored = await loadStatementAnswers(db, ctx.org.id);
      return page(request, reply, ctx, stored, { form: initialForm(stored, ctx.org.name, request.lang), json, status: 400 });
    };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return refuse({ text, problems: [], parseError: request.t('privacyStatement.jsonUnreadable') });
    }
    const result = validateAnswers(parsed);
    if (!result.ok) return refuse({ text, problems: result.errors });
    return save(request, reply, ctx, result.answers, 'json');
  });

  app.get('/orgs/:orgId/privacy-statement/download', { schema: { params: OrgParams, querystring: DownloadQuery } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'viewer');
    const stored = await loadStatementAnswers(db, ctx.org.id);
    if (!stored) throw new HttpError(404, 'privacyStatement.noneYet');
    if (!stored.validation.ok) throw new HttpError(409, 'privacyStatement.storedInvalid');
    const { lang, format } = request.query;
    const doc = generateStatement(stored.validation.answers, lang);
    const body = renderStatement(doc, format, { standalone: true });
    await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'export', recordType: 'privacy_statement', recordId: ctx.org.id, detail: { lang, format } });
    return reply
      .header('content-type', STATEMENT_MEDIA_TYPES[format].type)
      .header('content-disposition', `attachment; filename="privacy-statement-${lang}.${STATEMENT_MEDIA_TYPES[format].extension}"`)
      .send(body);
  });
  await Promise.resolve();
};
