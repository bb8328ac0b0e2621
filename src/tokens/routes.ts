/**
 * API tokens, managed by owners. A token is 'wb_' + 32 random bytes; only its SHA-256
 * is stored, so it is shown exactly once, on the page that answers the creating form.
 * Listing tokens is audited like any view of a sensitive record.
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit, operatorOfRef } from '../audit/audit.js';
import { nowIso } from '../db/ids.js';
import { createApiToken, tokensOf, type TokenListRow } from './data.js';
import { actorOf, isId, orgContext, type OrgContext } from '../web/context.js';
import { notFound } from '../web/errors.js';
import { html, userSentence, userText, type SafeHtml } from '../web/html.js';
import type { Translate } from '../web/i18n.js';
import { orgNav } from '../web/org-nav.js';
import { timeTag } from '../web/view.js';

const Csrf = { _csrf: Type.Optional(Type.String()) };
const OrgParams = Type.Object({ orgId: Type.String({ maxLength: 100 }) });
const TokenParams = Type.Object({ orgId: Type.String({ maxLength: 100 }), tokenId: Type.String({ maxLength: 100 }) });
const CreateBody = Type.Object({ ...Csrf, name: Type.String({ maxLength: 100 }) });
const CsrfBody = Type.Object(Csrf);
/** After a revoke, the list names the token it revoked. */
const ListQuery = Type.Object({ revoked: Type.Optional(Type.String({ maxLength: 100 })) });

/** Who made the token: a person (name and e-mail), an operator on the command line, or an account since deleted. */
function creator(t: Translate, token: TokenListRow): SafeHtml | string {
  if (token.creator_email !== null) return html`${userText(token.creator_name ?? '')}<br><span class="hint">${userText(token.creator_email)}</span>`;
  const operator = operatorOfRef(token.created_by);
  return operator === undefined ? t('tokens.creatorGone') : userSentence(t, 'tokens.creatorOperator', { name: operator });
}

export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  async function listPage(request: FastifyRequest, reply: FastifyReply, ctx: OrgContext, extra: { problem?: string; revokedId?: string | undefined; status?: number } = {}): Promise<FastifyReply> {
    const t = request.t;
    const tokens = await tokensOf(db, ctx.org.id);
    await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'view', recordType: 'api_token_list' });
    const revoked = extra.revokedId ? tokens.find((token) => token.id === extra.revokedId && token.revoked_at) : undefined;
    const base = `/orgs/${ctx.org.id}/tokens`;
    const rows = tokens.map(
      (token) => html`<tr>
        <th scope="row">${userText(token.name)}</th>
        <td><code>${token.prefix}…</code></td>
        <td>${creator(t, token)}</td>
        <td>${timeTag(token.created_at)}</td>
        <td>${token.last_used_at ? timeTag(token.last_used_at) : t('tokens.never')}</td>
        <td>${
          token.revoked_at
            ? t('tokens.revokedAt', { at: token.revoked_at.slice(0, 16).replace('T', ' ') + ' UTC' })
            : html`${t('tokens.active')}
              <form method="post" action="${base}/${token.id}/revoke" class="inline" data-confirm="${t('tokens.revokeConfirm', { name: token.name })}">
                ${reply.csrfField()}<button type="submit" class="secondary">${t('tokens.revoke')}</button>
              </form>`
        }</td>
      </tr>`,
    );
    const table: SafeHtml =
      tokens.length === 0
        ? html`<p>${t('tokens.none')}</p>`
        : html`<table aria-labelledby="tokens-heading">
            <thead><tr><th scope="col">${t('tokens.colName')}</th><th scope="col">${t('tokens.colPrefix')}</th><th scope="col">${t('tokens.colCreatedBy')}</th><th scope="col">${t('tokens.colCreated')}</th><th scope="col">${t('tokens.colLastUsed')}</th><th scope="col">${t('tokens.colStatus')}</th></tr></thead>
            <tbody>${rows}</tbody>
          </table>`;
    return reply.page({
      title: t('tokens.title'),
      org: ctx.org,
      status: extra.status ?? 200,
      body: html`${orgNav(request, ctx.org, ctx.role, 'tokens')}
        ${revoked ? html`<p class="notice" role="status">${userSentence(t, 'tokens.revoked', { name: revoked.name })}</p>` : ''}
        <h1 id="tokens-heading">${t('tokens.title')}</h1>
        <p>${t('tokens.intro')} <a href="/api/docs">${t('tokens.docs')}</a></p>
        ${table}
        <h2 id="create-token">${t('tokens.createTitle')}</h2>
        <form method="post" action="${base}" class="stack" aria-labelledby="create-token">
          ${reply.csrfField()}
          <label for="token-name">${t('tokens.name')}</label>
          <input id="token-name" name="name" required maxlength="100" aria-describedby="token-name-hint"${extra.problem ? html` aria-invalid="true"` : ''}>
          <p id="token-name-hint" class="hint">${t('tokens.nameHint')}</p>
          ${extra.problem ? html`<p class="alert" role="alert">${extra.problem}</p>` : ''}
          <button type="submit">${t('tokens.create')}</button>
        </form>`,
    });
  }

  app.get('/orgs/:orgId/tokens', { schema: { params: OrgParams, querystring: ListQuery } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'owner');
    return listPage(request, reply, ctx, { revokedId: request.query.revoked });
  });

  app.post('/orgs/:orgId/tokens', { schema: { params: OrgParams, body: CreateBody } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'owner');
    const t = request.t;
    const name = request.body.name.trim();
    if (!name) return listPage(request, reply, ctx, { problem: t('tokens.badName'), status: 400 });
    const { token, row } = await createApiToken(db, { orgId: ctx.org.id, name, createdBy: ctx.user.id });
    await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'create', recordType: 'api_token', recordId: row.id, detail: { name, prefix: row.prefix } });
    // Answered directly (no redirect), so the token exists only in this one response.
    return reply.page({
      title: t('tokens.createdTitle'),
      org: ctx.org,
      body: html`${orgNav(request, ctx.org, ctx.role, 'tokens')}
        <h1>${t('tokens.createdTitle')}</h1>
        <p class="notice" role="status">${t('tokens.createdOnce')}</p>
        <p><label for="new-token">${userText(row.name)}</label></p>
        <p><input id="new-token" class="secret token-field" readonly value="${token}" aria-describedby="token-usage"></p>
        <p id="token-usage" class="hint">${t('tokens.createdUsage')}</p>
        <p><a href="/orgs/${ctx.org.id}/tokens">${t('tokens.back')}</a></p>`,
    });
  });

  app.post('/orgs/:orgId/tokens/:tokenId/revoke', { schema: { params: TokenParams, body: CsrfBody } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'owner');
    const tokenId = request.params.tokenId;
    const token = isId(tokenId)
      ? await db.selectFrom('api_tokens').select(['id', 'name', 'revoked_at']).where('org_id', '=', ctx.org.id).where('id', '=', tokenId).executeTakeFirst()
      : undefined;
    if (!token) throw notFound();
    if (!token.revoked_at) {
      await db.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('org_id', '=', ctx.org.id).where('id', '=', token.id).where('revoked_at', 'is', null).execute();
      await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'update', recordType: 'api_token', recordId: token.id, detail: { revoked: true, name: token.name } });
    }
    return reply.redirect(`/orgs/${ctx.org.id}/tokens?revoked=${token.id}`, 303);
  });
  await Promise.resolve();
};
