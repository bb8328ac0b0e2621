/**
 * Members of an organisation: everyone sees who belongs to it; owners invite by e-mail,
 * revoke open invitations, change roles and remove members; anyone may leave. The last
 * owner can be neither demoted nor removed (src/accounts/orgs.ts checks that under a lock).
 * The invitation link's own pages are in invitations.ts, registered from here.
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createInvitation, invitationsSentSince, invitationState, openInvitations, revokeInvitation, INVITATIONS_PER_DAY, INVITATION_DAYS } from './invitations.js';
import { mailSafeName } from './mail-safe.js';
import { changeRole, membersOf, membershipOf, removeMember, type MembershipChangeResult } from '../orgs/data.js';
import { findUserByEmail, isEmail, normaliseEmail } from './users.js';
import { audit } from '../audit/audit.js';
import { ROLES, type Role } from '../db/schema.js';
import { actorOf, isId, orgContext, type OrgContext } from '../web/context.js';
import { forbidden, notFound } from '../web/errors.js';
import { html, userText, type SafeHtml } from '../web/html.js';
import type { Translate } from '../web/i18n.js';
import { orgNav } from '../web/org-nav.js';
import { invitationRoutes } from './invitation-routes.js';
import { alertBox, noticeBox } from '../web/view.js';

const OrgId = Type.Object({ orgId: Type.String({ maxLength: 100 }) });
const OrgInvitation = Type.Object({ orgId: Type.String({ maxLength: 100 }), invitationId: Type.String({ maxLength: 100 }) });
const OrgMember = Type.Object({ orgId: Type.String({ maxLength: 100 }), userId: Type.String({ maxLength: 100 }) });
const RoleField = Type.Union([Type.Literal('owner'), Type.Literal('member'), Type.Literal('viewer')]);
const InviteBody = Type.Object({ _csrf: Type.Optional(Type.String()), email: Type.String({ maxLength: 254 }), role: RoleField });
const RoleBody = Type.Object({ _csrf: Type.Optional(Type.String()), role: RoleField });
const CsrfOnly = Type.Object({ _csrf: Type.Optional(Type.String()) });
/** Which confirmation to show after a redirect; a fixed set, so nothing user-typed is reflected. */
const DoneQuery = Type.Object({
  done: Type.Optional(Type.Union([Type.Literal('invited'), Type.Literal('revoked'), Type.Literal('roleChanged'), Type.Literal('removed')])),
});

const dateOf = (iso: string): string => iso.slice(0, 10);

function roleSelect(t: Translate, id: string, selected: Role, label?: string): SafeHtml {
  return html`<select id="${id}" name="role"${label ? html` aria-label="${label}"` : ''}>${ROLES.map(
    (role) => html`<option value="${role}"${role === selected ? html` selected` : ''}>${t(`orgs.role.${role}`)}</option>`,
  )}</select>`;
}

interface PageMessages {
  notice?: string | undefined;
  problem?: string | undefined;
  /** Shown to the owner when the e-mail could not be sent, so they can pass the link on themselves. */
  manualLink?: string | undefined;
}

export const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  const membersPage = async (request: FastifyRequest, reply: FastifyReply, ctx: OrgContext, messages: PageMessages, status = 200): Promise<FastifyReply> => {
    const t = request.t;
    const { org, role: myRole, user: me } = ctx;
    const isOwner = myRole === 'owner';
    const members = await membersOf(db, org.id);
    const invitations = await openInvitations(db, org.id);
    const rows = members.map((member) => {
      const self = member.user_id === me.id;
      const actions: SafeHtml[] = [];
      if (isOwner) {
        actions.push(html`<form method="post" action="/orgs/${org.id}/members/${member.user_id}/role" class="inline">
          ${reply.csrfField()}
          ${roleSelect(t, `role-${member.user_id}`, member.role, t('members.roleOf', { name: member.display_name }))}
          <button type="submit" class="secondary">${t('members.changeRole')}</button>
        </form>`);
      }
      if (isOwner || self) {
        const label = self ? t('members.leave') : t('members.remove');
        const confirm = self ? t('members.leaveConfirm', { org: org.name }) : t('members.removeConfirm', { name: member.display_name });
        actions.push(html`<form method="post" action="/orgs/${org.id}/members/${member.user_id}/remove" class="inline" data-confirm="${confirm}">
          ${reply.csrfField()}
          <button type="submit" class="danger">${label}</button>
        </form>`);
      }
      return html`<tr>
        <td>${userText(member.display_name)}${self ? html` <span class="hint">${t('members.you')}</span>` : ''}</td>
        <td>${userText(member.email)}</td>
        <td>${t(`orgs.role.${member.role}`)}</td>
        <td><time datetime="${member.created_at}">${dateOf(member.created_at)}</time></td>
        <td><div class="actions">${actions}</div></td>
      </tr>`;
    });
    const invitationRows = invitations.map((invitation) => {
      const expired = invitationState(invitation) === 'expired';
      return html`<tr>
        <td>${userText(invitation.email)}</td>
        <td>${t(`orgs.role.${invitation.role}`)}</td>
        <td><time datetime="${invitation.expires_at}">${dateOf(invitation.expires_at)}</time>${expired ? html` <span class="hint">${t('members.expired')}</span>` : ''}</td>
        ${isOwner
          ? html`<td><form method="post" action="/orgs/${org.id}/invitations/${invitation.id}/revoke" class="inline">
              ${reply.csrfField()}
              <button type="submit" class="secondary">${t('members.revoke')}</button>
            </form></td>`
          : ''}
      </tr>`;
    });
    const inviteForm = isOwner
      ? html`<h2 id="invite">${t('members.inviteHeading')}</h2>
        <form method="post" action="/orgs/${org.id}/invitations" class="stack">
          ${reply.csrfField()}
          <label for="invite-email">${t('auth.email')}</label>
          <input id="invite-email" name="email" type="email" autocomplete="off" required maxlength="254">
          <label for="invite-role">${t('members.role')}</label>
          ${roleSelect(t, 'invite-role', 'member')}
          <ul class="hint">${ROLES.map((role) => html`<li><strong>${t(`orgs.role.${role}`)}</strong>: ${t(`orgs.role.${role}.hint`)}</li>`)}</ul>
          <button type="submit">${t('members.inviteSubmit')}</button>
        </form>`
      : '';
    return reply.page({
      title: t('members.title', { org: org.name }),
      org,
      status,
      body: html`<h1>${userText(org.name)}</h1>
        ${orgNav(request, org, myRole, 'members')}
        ${noticeBox(messages.notice)}
        ${alertBox(messages.problem)}
        ${messages.manualLink ? html`<p class="notice">${t('members.mailFailed')} <code class="secret">${messages.manualLink}</code></p>` : ''}
        <table>
          <caption>${t('members.heading')}</caption>
          <thead><tr>
            <th scope="col">${t('members.name')}</th><th scope="col">${t('auth.email')}</th>
            <th scope="col">${t('members.role')}</th><th scope="col">${t('members.since')}</th>
            <th scope="col">${t('members.actions')}</th>
          </tr></thead>
          <tbody>${rows}</tbody>
        </table>
        <h2>${t('members.invitationsHeading')}</h2>
        ${invitations.length
          ? html`<table>
              <thead><tr>
                <th scope="col">${t('auth.email')}</th><th scope="col">${t('members.role')}</th><th scope="col">${t('members.expires')}</th>
                ${isOwner ? html`<th scope="col">${t('members.actions')}</th>` : ''}
              </tr></thead>
              <tbody>${invitationRows}</tbody>
            </table>`
          : html`<p>${t('common.none')}</p>`}
        ${inviteForm}`,
    });
  };

  const doneText = (t: Translate, done: string | undefined): string | undefined => (done ? t(`members.done.${done}`) : undefined);

  app.get('/orgs/:orgId/members', { schema: { params: OrgId, querystring: DoneQuery } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'viewer');
    return membersPage(request, reply, ctx, { notice: doneText(request.t, request.query.done) });
  });

  // Each invitation sends an e-mail; the limit keeps a compromised owner account from using us to spam.
  app.post('/orgs/:orgId/invitations', { schema: { params: OrgId, body: InviteBody }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'owner');
    const t = request.t;
    const email = normaliseEmail(request.body.email);
    const { role } = request.body;
    // Our mail goes out in this account's name: only someone who proved their own mailbox may send it.
    if (!ctx.user.email_verified_at) return membersPage(request, reply, ctx, { problem: t('members.inviteUnverified') }, 403);
    const sentToday = await invitationsSentSince(db, ctx.user.id, new Date(Date.now() - 24 * 60 * 60 * 1000));
    if (sentToday >= INVITATIONS_PER_DAY) return membersPage(request, reply, ctx, { problem: t('members.inviteLimit', { count: INVITATIONS_PER_DAY }) }, 429);
    if (!isEmail(email)) return membersPage(request, reply, ctx, { problem: t('signup.badEmail') }, 400);
    const existing = await findUserByEmail(db, email);
    if (existing && (await membershipOf(db, ctx.org.id, existing.id))) {
      return membersPage(request, reply, ctx, { problem: t('members.alreadyMember', { email }) }, 409);
    }
    const { invitation, token, replaced } = await createInvitation(db, { orgId: ctx.org.id, email, role, invitedBy: ctx.user.id });
    await audit(db, actorOf(request), {
      orgId: ctx.org.id,
      action: 'create',
      recordType: 'invitation',
      recordId: invitation.id,
      detail: { email, role, ...(replaced.length ? { replaces: replaced } : {}) },
    });
    const link = `${app.deps.config.baseUrl.replace(/\/+$/, '')}/invitations/${token}`;
    // The mail goes out in the inviter's language: the only language we know at this point.
    const mt = request.t;
    try {
      // No typed text in the subject; in the body, names are quoted, cut short and defused (mail-safe.ts).
      await app.deps.mailer.send({
        to: email,
        subject: mt('invitation.mail.subject'),
        text: mt('invitation.mail.body', { inviter: mailSafeName(ctx.user.display_name), org: mailSafeName(ctx.org.name), role: mt(`orgs.role.${role}`), link, days: INVITATION_DAYS }),
      });
    } catch (error) {
      request.log.warn({ err: error, invitationId: invitation.id }, 'invitation e-mail could not be sent');
      return membersPage(request, reply, ctx, { notice: t('members.done.invited'), manualLink: link });
    }
    return reply.redirect(`/orgs/${ctx.org.id}/members?done=invited`, 303);
  });

  app.post('/orgs/:orgId/invitations/:invitationId/revoke', { schema: { params: OrgInvitation, body: CsrfOnly } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'owner');
    const { invitationId } = request.params;
    if (!isId(invitationId)) throw notFound();
    const revoked = await revokeInvitation(db, ctx.org.id, invitationId);
    if (!revoked) throw notFound();
    await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'update', recordType: 'invitation', recordId: revoked.id, detail: { revoked: true, email: revoked.email } });
    return reply.redirect(`/orgs/${ctx.org.id}/members?done=revoked`, 303);
  });

  /** The answer to a refused change; a member not in this organisation is a 404 like any other. */
  const refusal = async (request: FastifyRequest, reply: FastifyReply, ctx: OrgContext, result: MembershipChangeResult): Promise<FastifyReply> => {
    if (result.outcome === 'notMember') throw notFound();
    return membersPage(request, reply, ctx, { problem: request.t('members.lastOwner') }, 409);
  };

  app.post('/orgs/:orgId/members/:userId/role', { schema: { params: OrgMember, body: RoleBody } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'owner');
    const { userId } = request.params;
    if (!isId(userId)) throw notFound();
    const { role } = request.body;
    const result = await changeRole(db, ctx.org.id, userId, role);
    if (result.outcome === 'unchanged') return reply.redirect(`/orgs/${ctx.org.id}/members`, 303);
    if (result.outcome !== 'done') return refusal(request, reply, ctx, result);
    await audit(db, actorOf(request), { orgId: ctx.org.id, action: 'update', recordType: 'membership', recordId: userId, detail: { role: { from: result.previousRole, to: role } } });
    // An owner who demoted themselves can no longer manage members; their own role now decides what they see.
    return reply.redirect(`/orgs/${ctx.org.id}/members?done=roleChanged`, 303);
  });

  app.post('/orgs/:orgId/members/:userId/remove', { schema: { params: OrgMember, body: CsrfOnly } }, async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId, 'viewer');
    const { userId } = request.params;
    if (!isId(userId)) throw notFound();
    const self = userId === ctx.user.id;
    if (!self && ctx.role !== 'owner') throw forbidden();
    const member = (await membersOf(db, ctx.org.id)).find((row) => row.user_id === userId);
    const result = await removeMember(db, ctx.org.id, userId);
    if (result.outcome !== 'done') return refusal(request, reply, ctx, result);
    const revoked = result.revokedTokens;
    const actor = actorOf(request);
    await audit(db, actor, { orgId: ctx.org.id, action: 'delete', recordType: 'membership', recordId: userId, detail: { role: result.previousRole, left: self, ...(revoked.length ? { tokensRevoked: revoked.length } : {}) } });
    for (const token of revoked) {
      await audit(db, actor, { orgId: ctx.org.id, action: 'update', recordType: 'api_token', recordId: token.id, detail: { revoked: true, name: token.name, reason: self ? 'creatorLeft' : 'creatorRemoved' } });
    }
    if (self) return reply.redirect(revoked.length ? `/orgs?left=${revoked.length}` : '/orgs', 303);
    // Answered directly, not redirected: the message names the person and counts the tokens, and a link must not be able to claim either.
    const name = member?.display_name ?? '';
    const notice = revoked.length ? request.t('members.removedWithTokens', { name, count: revoked.length }) : request.t('members.removedName', { name });
    return membersPage(request, reply, ctx, { notice });
  });

  await app.register(invitationRoutes);
};
