/**
 * Organisations: the list of the user's organisations with a form to create one, and
 * the owner's settings page (name, kind, second factor required for all members).
 * The organisation's overview page (GET /orgs/:orgId) lives in domains.ts.
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createOrg, membersOf, orgsOfUser, updateOrgSettings } from './data.js';
import { audit } from '../audit/audit.js';
import { ORG_KINDS, type OrgKind } from '../db/schema.js';
import { actorOf, orgContext, requireUser, type OrgContext } from '../web/context.js';
import { html, userText, type SafeHtml } from '../web/html.js';
import { alertBox, noticeBox } from '../web/view.js';
import type { Translate } from '../web/i18n.js';
import { orgNav } from '../web/org-nav.js';

const OrgId = Type.Object({ orgId: Type.String({ maxLength: 100 }) });
const Kind = Type.Union([Type.Literal('webshop'), Type.Literal('partner'), Type.Literal('hub')]);
const CreateOrgBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  name: Type.String({ maxLength: 200 }),
  kind: Kind,
});
const SettingsBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  name: Type.String({ maxLength: 200 }),
  kind: Kind,
  // A checkbox sends its value only when ticked.
  require_totp: Type.Optional(Type.Literal('1')),
});
const SavedQuery = Type.Object({ saved: Type.Optional(Type.Literal('1')) });
/** After leaving an organisation: how many of one's API tokens for it were revoked (a number, nothing else is reflected). */
const LeftQuery = Type.Object({ left: Type.Optional(Type.String({ pattern: '^[1-9]\\d{0,3}$' })) });

/** Radio buttons for the organisation kind, each with its one-line explanation. */
function kindChoice(t: Translate, selected: OrgKind | undefined): SafeHtml {
  const options = ORG_KINDS.map(
    (kind) => html`<div class="choice">
      <input type="radio" id="kind-${kind}" name="kind" value="${kind}" required${kind === selected ? html` checked` : ''} aria-describedby="kind-${kind}-hint">
      <label for="kind-${kind}">${t(`orgs.kind.${kind}`)}</label>
      <p id="kind-${kind}-hint" class="hint">${t(`orgs.kind.${kind}.hint`)}</p>
    </div>`,
  );
  return html`<fieldset><legend>${t('orgs.kind')}</legend>${options}</fieldset>`;
}

export const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  const listPage = async (request: FastifyRequest, reply: FastifyReply, values: { name?: string; kind?: OrgKind }, problem?: string, status = 200, notice?: string): Promise<FastifyReply> => {
    const user = requireUser(request);
    const t = request.t;
    const orgs = await orgsOfUser(db, user.id);
    const list = orgs.length
      ? html`<table>
          <caption>${t('orgs.yours')}</caption>
          <thead><tr><th scope="col">${t('orgs.name')}</th><th scope="col">${t('orgs.kind')}</th><th scope="col">${t('orgs.yourRole')}</th></tr></thead>
          <tbody>${orgs.map(
            (org) => html`<tr><td><a href="/orgs/${org.id}">${userText(org.name)}</a></td><td>${t(`orgs.kind.${org.kind}`)}</td><td>${t(`orgs.role.${org.role}`)}</td></tr>`,
          )}</tbody>
        </table>`
      : html`<p>${t('orgs.noneYet')}</p>`;
    return reply.page({
      title: t('orgs.title'),
      status,
      body: html`<h1>${t('orgs.title')}</h1>
        ${noticeBox(notice)}
        ${list}
        <h2 id="create">${t('orgs.create')}</h2>
        <p>${t('orgs.createIntro')}</p>
        ${alertBox(problem)}
        <form method="post" action="/orgs" class="stack">
          ${reply.csrfField()}
          <label for="name">${t('orgs.name')}</label>
          <input id="name" name="name" required maxlength="200" value="${values.name ?? ''}">
          ${kindChoice(t, values.kind)}
          <button type="submit">${t('orgs.createSubmit')}</button>
        </form>`,
    });
  };

  app.get('/orgs', { schema: { querystring: LeftQuery } }, async (request, reply) => {
    const { left } = request.query;
    const notice = left === undefined ? undefined : request.t('orgs.leftWithTokens', { count: Number(left) });
    return listPage(request, reply, {}, undefined, 200, notice);
  });

  app.post('/orgs', { schema: { body: CreateOrgBody } }, async (request, reply) => {
    const user = requireUser(request);
    const { name, kind } = request.body;
    if (!name.trim()) return listPage(request, reply, { name, kind }, request.t('orgs.badName'), 400);
    const org = await createOrg(db, { name, kind, ownerId: user.id });
    await audit(db, actorOf(request), { orgId: org.id, action: 'create', recordType: 'org', recordId: org.id, detail: { name: org.name, kind } });
    return reply.redirect(`/orgs/${org.id}`, 303);
  });

  const settingsPage = async (request: FastifyRequest, reply: FastifyReply, ctx: OrgContext, messages: { notice?: string; problem?: string }, status = 200): Promise<FastifyReply> => {
    const t = request.t;
    const { org } = ctx;
    const withoutTotp = (await membersOf(db, org.id)).filter((member) => !member.totp_enabled_at).length;
    return reply.page({
      title: t('orgSettings.title', { org: org.name }),
      org,
      status,
      body: html`<h1>${userText(org.name)}</h1>
        ${orgNav(request, org, ctx.role, 'settings')}
        <h2>${t('orgSettings.heading')}</h2>
        ${noticeBox(messages.notice)}
        ${alertBox(messages.problem)}
        <form method="post" action="/orgs/${org.id}/settings" class="stack">
          ${reply.csrfField()}
          <label for="name">${t('orgs.name')}</label>
          <input id="name" name="name" required maxlength="200" value="${org.name}">
          ${kindChoice(t, org.kind)}
          <div class="choice">
            <input type="checkbox" id="require_totp" name="require_totp" value="1"${org.require_totp ? html` checked` : ''} aria-describedby="require-totp-hint">
            <label for="require_totp">${t('orgSettings.requireTotp')}</label>
            <p id="require-totp-hint" class="hint">${t('orgSettings.requireTotpHint')}
              ${withoutTotp > 0 ? t('orgSettings.membersWithoutTotp', { count: withoutTotp }) : ''}</p>
          </div>
          <button type="submit">${t('common.save')}</button>
        </form>`,
    });
  };

  app.get('/orgs/:orgId/settings', { schema: { params: OrgId, querystring: SavedQuery } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'owner');
    return settingsPage(request, reply, ctx, { notice: request.query.saved ? request.t('orgSettings.saved') : undefined });
  });

  app.post('/orgs/:orgId/settings', { schema: { params: OrgId, body: SettingsBody } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'owner');
    const t = request.t;
    const { name, kind } = request.body;
    const requireTotp = request.body.require_totp === '1';
    if (!name.trim()) return settingsPage(request, reply, ctx, { problem: t('orgs.badName') }, 400);
    // Requiring a second factor the owner lacks would send them straight to set one up;
    // ask for it first, so the setting never surprises the person who changes it.
    if (requireTotp && !ctx.org.require_totp && !ctx.user.totp_enabled_at) {
      return settingsPage(request, reply, ctx, { problem: t('orgSettings.ownTotpFirst') }, 409);
    }
    const change = await updateOrgSettings(db, ctx.org, { name, kind, requireTotp });
    if (Object.keys(change).length > 0) {
      await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'update', recordType: 'org', recordId: ctx.org.id, detail: change });
    }
    return reply.redirect(`/orgs/${ctx.org.id}/settings?saved=1`, 303);
  });
  await Promise.resolve();
};
