/**
 * The audit log for owners: a paged table (newest first) and an export of every entry
 * as CSV or JSON. Reading and exporting are themselves logged. There is deliberately no
 * route that changes or removes an entry, and the database refuses it too (migration 001).
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { allAuditRows, auditCsv, auditJson, auditRows, type AuditRow } from './export.js';
import { audit } from './audit.js';
import { describeEntry, recordNames } from './describe.js';
import { nowIso } from '../db/ids.js';
import { actorOf, orgContext } from '../web/context.js';
import { html, jsonWithoutBidi, userText, type SafeHtml } from '../web/html.js';
import type { Translate } from '../web/i18n.js';
import { orgNav } from '../web/org-nav.js';

export const AUDIT_PAGE_SIZE = 50;

const OrgId = Type.Object({ orgId: Type.String({ maxLength: 100 }) });
const PageQuery = Type.Object({
  before: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z$', maxLength: 40 })),
  beforeId: Type.Optional(Type.String({ pattern: '^[0-9a-f-]{36}$' })),
});
const ExportQuery = Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('json')]) });

/** The raw entry, folded away: what the export holds, for whoever needs the ids. */
function rawEntry(t: Translate, row: AuditRow): SafeHtml {
  return html`<details><summary>${t('auditLog.raw')}</summary><dl class="meta">
    ${row.user_email ? html`<dt>${t('auditLog.who')}</dt><dd>${userText(row.user_email)}</dd>` : ''}
    ${row.user_id && !row.user_email ? html`<dt>${t('auditLog.who')}</dt><dd><code>${row.user_id}</code></dd>` : ''}
    ${row.api_token_id ? html`<dt>${t('auditLog.who')}</dt><dd><code>${row.api_token_id}</code></dd>` : ''}
    <dt>${t('auditLog.action')}</dt><dd><code>${row.action}</code></dd>
    <dt>${t('auditLog.rawType')}</dt><dd><code>${row.record_type}</code></dd>
    ${row.record_id ? html`<dt>${t('auditLog.rawId')}</dt><dd><code>${row.record_id}</code></dd>` : ''}
    ${row.detail ? html`<dt>${t('auditLog.detail')}</dt><dd><code>${jsonWithoutBidi(row.detail)}</code></dd>` : ''}
  </dl></details>`;
}

/** "2026-11-22 14:03:05 UTC": readable, and the same for everyone whatever their time zone. */
const readableTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  app.get('/orgs/:orgId/audit', { schema: { params: OrgId, querystring: PageQuery } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'owner');
    const t = request.t;
    const { before, beforeId } = request.query;
    await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'view', recordType: 'audit_log', recordId: null, ...(before ? { detail: { before } } : {}) });
    const rows = await auditRows(db, ctx.org.id, AUDIT_PAGE_SIZE + 1, before ? { at: before, id: beforeId } : undefined);
    const shown = rows.slice(0, AUDIT_PAGE_SIZE);
    const names = await recordNames(db, ctx.org.id, shown);
    const last = shown[shown.length - 1];
    const older = rows.length > AUDIT_PAGE_SIZE && last ? `/orgs/${ctx.org.id}/audit?before=${encodeURIComponent(last.at)}&beforeId=${last.id}` : undefined;
    const base = `/orgs/${ctx.org.id}/audit`;
    const table = shown.length
      ? html`<table class="audit">
          <caption>${t('auditLog.caption')}</caption>
          <thead><tr>
            <th scope="col">${t('auditLog.time')}</th><th scope="col">${t('auditLog.what')}</th><th scope="col">${t('auditLog.ip')}</th>
          </tr></thead>
          <tbody>${shown.map(
            (row) => html`<tr>
              <td><time datetime="${row.at}">${readableTime(row.at)}</time></td>
              <td>${describeEntry(t, row, names)}${rawEntry(t, row)}</td>
              <td>${row.ip ?? ''}</td>
            </tr>`,
          )}</tbody>
        </table>`
      : html`<p>${t('common.none')}</p>`;
    return reply.page({
      title: t('auditLog.title', { org: ctx.org.name }),
      org: ctx.org,
      body: html`<h1>${userText(ctx.org.name)}</h1>
        ${orgNav(request, ctx.org, ctx.role, 'audit')}
        <p>${t('auditLog.intro')}</p>
        <p class="actions">
          <a href="${base}/export?format=csv" download>${t('auditLog.exportCsv')}</a>
          <a href="${base}/export?format=json" download>${t('auditLog.exportJson')}</a>
        </p>
        ${table}
        <nav class="actions" aria-label="${t('auditLog.pages')}">
          ${before ? html`<a href="${base}">${t('auditLog.newest')}</a>` : ''}
          ${older ? html`<a href="${older}" rel="next">${t('auditLog.older')}</a>` : ''}
        </nav>`,
    });
  });

  app.get('/orgs/:orgId/audit/export', { schema: { params: OrgId, querystring: ExportQuery } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'owner');
    const { format } = request.query;
    // Logged first, so the export contains its own entry.
    await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'export', recordType: 'audit_log', recordId: null, detail: { format } });
    const rows = await allAuditRows(db, ctx.org.id);
    const exportedAt = nowIso();
    const filename = `weerbaar-audit-${exportedAt.slice(0, 10)}.${format}`;
    reply.header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store');
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(auditCsv(rows));
    return reply.type('application/json; charset=utf-8').send(auditJson(ctx.org, rows, exportedAt));
  });
  await Promise.resolve();
};
