/**
 * The organisation overview, domain pages and scan results in the browser. Viewers
 * read; members add and delete domains and start scans. Every record is looked up
 * with the organisation id, so another organisation's ids answer 404.
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../audit/audit.js';
import { domainDisplay } from '../core/domain-name.js';
import { isLang } from '../core/lang.js';
import type { Domain } from '../db/schema.js';
import { renderReport } from '../scan/engine.js';
import { parseSelectorList } from '../scan/mail-policy/selectors.js';
import { areaScores } from '../scan/score.js';
import { actorOf, isId, orgContext, roleAtLeast, type OrgContext } from '../web/context.js';
import {
  activeScan,
  addDomain,
  deleteDomain,
  dkimSelectorsOf,
  findDomain,
  findScan,
  latestFailingScans,
  scanResultsJson,
  listDomainsWithLatest,
  parseResult,
  previousDoneScan,
  scanHistory,
  setDkimSelectors,
} from './data.js';
import { HttpError, notFound } from '../web/errors.js';
import { html, userSentence, userText } from '../web/html.js';
import { orgNav } from '../web/org-nav.js';
import { fixFirstItems, renderOverview } from './overview-view.js';
import { diffScans } from './scan-diff.js';
import { renderSummary } from './scan-summary.js';
import { failureText, renderDiff, renderResults, renderScanMeta, scanStatusBadge, scoreText } from './scan-view.js';
import { timeTag } from '../web/view.js';

const Csrf = { _csrf: Type.Optional(Type.String()) };
const OrgParams = Type.Object({ orgId: Type.String({ maxLength: 100 }) });
const DomainParams = Type.Object({ orgId: Type.String({ maxLength: 100 }), domainId: Type.String({ maxLength: 100 }) });
const ScanParams = Type.Object({ orgId: Type.String({ maxLength: 100 }), scanId: Type.String({ maxLength: 100 }) });
const AddDomainBody = Type.Object({ ...Csrf, name: Type.String({ maxLength: 300 }) });
const CsrfBody = Type.Object(Csrf);
const OverviewQuery = Type.Object({ added: Type.Optional(Type.String({ maxLength: 10 })), deleted: Type.Optional(Type.String({ maxLength: 10 })) });
const HistoryQuery = Type.Object({
  before: Type.Optional(Type.String({ maxLength: 100 })),
  added: Type.Optional(Type.String({ maxLength: 10 })),
  saved: Type.Optional(Type.String({ maxLength: 10 })),
});
const DkimBody = Type.Object({ ...Csrf, selectors: Type.String({ maxLength: 1000 }) });
const ReportQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('nl'), Type.Literal('sv')])) });

const HISTORY_PAGE = 20;
/** How many failing scans the overview reads for "what to fix first" (bounds the page's cost). */
const FIX_FIRST_SCANS = 5;

export const domainRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  async function domainOf(ctx: OrgContext, domainId: string) {
    const domain = isId(domainId) ? await findDomain(db, ctx.org.id, domainId) : undefined;
    if (!domain) throw notFound();
    return domain;
  }

  async function overview(request: FastifyRequest, reply: FastifyReply, ctx: OrgContext, form: { value?: string; problem?: string; notice?: string; status?: number } = {}): Promise<FastifyReply> {
    const [domains, failing] = await Promise.all([listDomainsWithLatest(db, ctx.org.id), latestFailingScans(db, ctx.org.id, FIX_FIRST_SCANS)]);
    // "What to fix first" shows findings from scan results, which are sensitive records.
    if (failing.length > 0) {
      await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'view', recordType: 'scan-summary', detail: { scans: failing.map((scan) => scan.id) } });
    }
    const body = renderOverview(
      { org: ctx.org, role: ctx.role, domains, fixItems: await fixFirstItems(failing, request.lang, (ids) => scanResultsJson(db, ctx.org.id, ids)), csrfField: reply.csrfField(), ...form },
      request.lang,
      request.t,
    );
    return reply.page({ title: ctx.org.name, org: ctx.org, status: form.status ?? 200, body: html`<h1>${userText(ctx.org.name)}</h1>${orgNav(request, ctx.org, ctx.role, 'overview')}${body}` });
  }

  app.get('/orgs/:orgId', { schema: { params: OrgParams, querystring: OverviewQuery } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'viewer');
    const notice = request.query.deleted ? request.t('overview.deleted') : undefined;
    return overview(request, reply, ctx, notice ? { notice } : {});
  });

  app.post('/orgs/:orgId/domains', { schema: { params: OrgParams, body: AddDomainBody } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'member');
    const t = request.t;
    const outcome = await addDomain(db, ctx.org.id, request.body.name, ctx.user.id);
    if (!outcome.ok) {
      const problem = outcome.reason === 'invalid' ? t('domainAdd.invalid', { detail: t(`domainProblem.${outcome.problem.code}`, outcome.problem) }) : t('domainAdd.duplicate', { name: domainDisplay(outcome.name) });
      return overview(request, reply, ctx, { value: request.body.name, problem, status: outcome.reason === 'invalid' ? 400 : 409 });
    }
    await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'create', recordType: 'domain', recordId: outcome.domain.id, detail: { name: outcome.domain.name } });
    return reply.redirect(`/orgs/${ctx.org.id}/domains/${outcome.domain.id}?added=1`, 303);
  });

  app.get('/orgs/:orgId/domains/:domainId', { schema: { params: DomainParams, querystring: HistoryQuery } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'viewer');
    const domain = await domainOf(ctx, request.params.domainId);
    const notice = request.query.added ? request.t('overview.added') : request.query.saved ? request.t('domain.dkimSaved') : undefined;
    return domainPage(request, reply, ctx, domain, { before: request.query.before, notice });
  });

  async function domainPage(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: OrgContext,
    domain: Domain,
    form: { before?: string | undefined; notice?: string | undefined; problem?: string; value?: string; status?: number },
  ): Promise<FastifyReply> {
    const t = request.t;
    const page = await scanHistory(db, ctx.org.id, { domainId: domain.id, limit: HISTORY_PAGE, before: form.before });
    const base = `/orgs/${ctx.org.id}/domains/${domain.id}`;
    const canEdit = roleAtLeast(ctx.role, 'member');
    const actions = canEdit
      ? html`<div class="actions">
          <form method="post" action="${base}/scans">${reply.csrfField()}<button type="submit">${t('domain.scanNow')}</button></form>
          <form method="post" action="${base}/delete" data-confirm="${t('domain.deleteConfirm', { name: domainDisplay(domain.name) })}">${reply.csrfField()}<button type="submit" class="danger">${t('domain.delete')}</button></form>
        </div>
        <p class="hint">${t('domain.scanHint')}</p>`
      : '';
    const table =
      page.items.length === 0
        ? html`<p>${t('domain.noScans')}</p>`
        : html`<div class="table-scroll" role="region" aria-labelledby="history" tabindex="0"><table aria-labelledby="history">
            <thead><tr><th scope="col">${t('domain.colRequested')}</th><th scope="col">${t('domain.colStatus')}</th><th scope="col">${t('overview.colScore')}</th><th scope="col">${t('overview.colMailScore')}</th><th scope="col">${t('domain.colFailWarn')}</th><th scope="col"><span class="visually-hidden">${t('domain.view')}</span></th></tr></thead>
            <tbody>${page.items.map(
              (scan) => html`<tr>
                <td>${timeTag(scan.created_at)}</td>
                <td>${scanStatusBadge(scan.status, t)}</td>
                <td>${scan.status === 'done' ? scoreText(scan.score_web, t) : ''}</td>
                <td>${scan.status === 'done' ? scoreText(scan.score_mail, t) : ''}</td>
                <td>${scan.status === 'done' ? `${scan.count_fail ?? 0} / ${scan.count_warn ?? 0}` : ''}</td>
                <td><a href="/orgs/${ctx.org.id}/scans/${scan.id}">${t('domain.view')}</a></td>
              </tr>`,
            )}</tbody>
          </table></div>`;
    const paging = html`<p class="actions">
      ${form.before ? html`<a href="${base}">${t('domain.newest')}</a>` : ''}
      ${page.nextBefore ? html`<a href="${base}?before=${page.nextBefore}" rel="next">${t('domain.older')}</a>` : ''}
    </p>`;
    const selectors = dkimSelectorsOf(domain);
    const dkim = canEdit
      ? html`<form method="post" action="${base}/dkim" novalidate>${reply.csrfField()}
          <label for="dkim-selectors">${t('domain.dkimLabel')}</label>
          ${form.problem ? html`<p class="problem" id="dkim-problem" role="alert">${form.problem}</p>` : ''}
          <input id="dkim-selectors" name="selectors" value="${form.value ?? selectors.join(' ')}" maxlength="1000" autocomplete="off" aria-describedby="dkim-hint${form.problem ? ' dkim-problem' : ''}">
          <button type="submit">${t('domain.dkimSave')}</button>
        </form>`
      : html`<p>${selectors.length > 0 ? selectors.join(' ') : t('domain.dkimNone')}</p>`;
    return reply.page({
      title: domainDisplay(domain.name),
      org: ctx.org,
      status: form.status ?? 200,
      body: html`${orgNav(request, ctx.org, ctx.role, 'overview')}
        ${form.notice ? html`<p class="notice" role="status">${form.notice}</p>` : ''}
        <p><a href="/orgs/${ctx.org.id}">${t('domain.back')}</a></p>
        <h1>${userText(domainDisplay(domain.name))}</h1>
        ${actions}
        <h2 id="history">${t('domain.history')}</h2>
        ${table}
        ${paging}
        <h2 id="dkim">${t('domain.dkimTitle')}</h2>
        <p class="hint" id="dkim-hint">${t('domain.dkimHint')}</p>
        ${dkim}`,
    });
  }

  app.post('/orgs/:orgId/domains/:domainId/dkim', { schema: { params: DomainParams, body: DkimBody } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'member');
    const domain = await domainOf(ctx, request.params.domainId);
    const parsed = parseSelectorList(request.body.selectors);
    if (!parsed.ok) {
      const problem = request.t('domain.dkimInvalid', { detail: request.t(`domain.dkimProblem.${parsed.problem.code}`, parsed.problem) });
      return domainPage(request, reply, ctx, domain, { problem, value: request.body.selectors, status: 400 });
    }
    if (!(await setDkimSelectors(db, ctx.org.id, domain.id, parsed.selectors))) throw notFound();
    await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'update', recordType: 'domain', recordId: domain.id, detail: { dkimSelectors: parsed.selectors } });
    return reply.redirect(`/orgs/${ctx.org.id}/domains/${domain.id}?saved=1#dkim`, 303);
  });

  app.post(
    '/orgs/:orgId/domains/:domainId/scans',
    { schema: { params: DomainParams, body: CsrfBody }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply) => {
      const ctx = await orgContext(request, request.params.orgId, 'member');
      const domain = await domainOf(ctx, request.params.domainId);
      // A second click while a scan is waiting or running shows that scan instead of queueing another.
      const running = await activeScan(db, ctx.org.id, domain.id);
      if (running) return reply.redirect(`/orgs/${ctx.org.id}/scans/${running.id}`, 303);
      const scan = await app.deps.scans.request({ orgId: ctx.org.id, domainId: domain.id, target: domain.name, requestedBy: ctx.user.id });
      await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'create', recordType: 'scan', recordId: scan.id, detail: { domain: domain.name } });
      return reply.redirect(`/orgs/${ctx.org.id}/scans/${scan.id}`, 303);
    },
  );

  app.post('/orgs/:orgId/domains/:domainId/delete', { schema: { params: DomainParams, body: CsrfBody } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'member');
    const domain = await domainOf(ctx, request.params.domainId);
    if (!(await deleteDomain(db, ctx.org.id, domain.id))) throw notFound();
    await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'delete', recordType: 'domain', recordId: domain.id, detail: { name: domain.name } });
    return reply.redirect(`/orgs/${ctx.org.id}?deleted=1`, 303);
  });

  app.get('/orgs/:orgId/scans/:scanId', { schema: { params: ScanParams } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'viewer');
    const scan = isId(request.params.scanId) ? await findScan(db, ctx.org.id, request.params.scanId) : undefined;
    if (!scan) throw notFound();
    const { lang, t } = request;
    const domainLink = html`<p><a href="/orgs/${ctx.org.id}/domains/${scan.domain_id}">${userSentence(t, 'scan.backTo', { domain: domainDisplay(scan.target) })}</a></p>`;
    let content;
    if (scan.status === 'queued' || scan.status === 'running') {
      content = html`<p class="notice" role="status" data-refresh-seconds="3">${t('scan.pending')} <a href="/orgs/${ctx.org.id}/scans/${scan.id}">${t('scan.refresh')}</a></p>`;
    } else if (scan.status === 'failed') {
      content = html`<p class="alert" role="alert">${failureText(scan.error, t)}</p>`;
    } else {
      const result = parseResult(scan.result_json);
      if (!result) throw new HttpError(500, 'error.internal', 'finished scan without a stored result');
      const report = renderReport(result, lang, { surface: 'web', isolate: true });
      const previous = await previousDoneScan(db, scan);
      const previousResult = parseResult(previous?.result_json ?? null);
      const diff = previousResult ? diffScans(previousResult.results, result.results) : null;
      await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'view', recordType: 'scan', recordId: scan.id });
      content = html`${renderSummary(report, areaScores(result.score), lang, t)}
        <p><a href="/orgs/${ctx.org.id}/scans/${scan.id}/report.json?lang=${lang}" download>${t('scan.download')}</a></p>
        ${renderDiff(diff, previousResult ? (previous?.created_at ?? null) : null, lang, t)}
        ${renderResults(report, lang, t)}`;
    }
    return reply.page({
      title: t('scan.title', { target: domainDisplay(scan.target) }),
      org: ctx.org,
      body: html`${orgNav(request, ctx.org, ctx.role, 'overview')}
        ${domainLink}
        <h1>${userSentence(t, 'scan.title', { target: domainDisplay(scan.target) })}</h1>
        ${renderScanMeta(scan, t)}
        ${content}`,
    });
  });

  app.get('/orgs/:orgId/scans/:scanId/report.json', { schema: { params: ScanParams, querystring: ReportQuery } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'viewer');
    const scan = isId(request.params.scanId) ? await findScan(db, ctx.org.id, request.params.scanId) : undefined;
    if (!scan) throw notFound();
    const result = scan.status === 'done' ? parseResult(scan.result_json) : null;
    if (!result) throw new HttpError(409, 'scan.notFinished', 'the scan has not finished');
    const lang = request.query.lang && isLang(request.query.lang) ? request.query.lang : request.lang;
    await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'export', recordType: 'scan', recordId: scan.id, detail: { format: 'json', lang } });
    const day = (scan.finished_at ?? scan.created_at).slice(0, 10);
    return reply
      .header('content-disposition', `attachment; filename="weerbaar-${scan.target}-${day}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(renderReport(result, lang, { surface: 'web' }), null, 2));
  });
  await Promise.resolve();
};
