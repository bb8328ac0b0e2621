/**
 * The invitation link's pages: /invitations/:token shows which organisation invites
 * whom, in which role. A signed-in user with the invited address accepts with one
 * button; someone without an account creates one right there (the invited address
 * fixed, the same password rules as /signup) and is a member in the same step.
 * Unknown links answer 404; used, revoked and expired ones 410, each with a reason.
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptInvitation, findInvitationByToken, invitationState, type InvitationWithOrg } from './invitations.js';
import { passwordProblem } from './passwords.js';
import { clientOf, createSession, revokeSession, setSessionCookie } from '../web/sessions.js';
import { createUser, findUserByEmail } from './users.js';
import { isUniqueViolation } from '../db/errors.js';
import { audit, operatorOfRef } from '../audit/audit.js';
import type { User } from '../db/schema.js';
import { HttpError } from '../web/errors.js';
import { html, userSentence } from '../web/html.js';
import { alertBox } from '../web/view.js';
import { mailboxProven, verifyingUser } from './verify-routes.js';

const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });
const CsrfOnly = Type.Object({ _csrf: Type.Optional(Type.String()) });
const SignupBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  name: Type.String({ maxLength: 200 }),
  password: Type.String({ maxLength: 1024 }),
});

/** The invitation behind the link if it can still be used; otherwise the 404/410 error to show. */
async function usableInvitation(request: FastifyRequest, token: string): Promise<InvitationWithOrg> {
  const invitation = await findInvitationByToken(request.server.deps.database.db, token);
  if (!invitation) throw new HttpError(404, 'invitation.unknown', 'unknown invitation link');
  const state = invitationState(invitation);
  if (state !== 'pending') throw new HttpError(410, `invitation.gone.${state}`, `invitation ${state}`);
  return invitation;
}

export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  const invitationPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    invitation: InvitationWithOrg,
    form: { name?: string; problem?: string } = {},
    status = 200,
  ): Promise<FastifyReply> => {
    const t = request.t;
    // An account still waiting for its address to be proven may accept too: the link proves it.
    const user = request.user ?? (await verifyingUser(request));
    const here = `/invitations/${token}`;
    const signInLink = `/login?next=${encodeURIComponent(here)}`;
    let action;
    if (user && user.email === invitation.email) {
      action = html`<form method="post" action="${here}/accept">
        ${reply.csrfField()}
        <button type="submit">${userSentence(t, 'invitation.accept', { org: invitation.org_name })}</button>
      </form>`;
    } else if (user) {
      action = html`<p class="alert" role="alert">${userSentence(t, 'invitation.otherAccount', { invited: invitation.email, current: user.email })}</p>`;
    } else if (await findUserByEmail(db, invitation.email)) {
      action = html`<p>${userSentence(t, 'invitation.haveAccount', { email: invitation.email })}</p>
        <p><a href="${signInLink}">${t('invitation.signIn')}</a></p>`;
    } else {
      action = html`<h2>${t('invitation.createAccount')}</h2>
        <p>${t('invitation.haveAccountQuestion')} <a href="${signInLink}">${t('invitation.signIn')}</a></p>
        ${alertBox(form.problem)}
        <form method="post" action="${here}/signup" class="stack">
          ${reply.csrfField()}
          <label for="email">${t('auth.email')}</label>
          <input id="email" type="email" autocomplete="username" readonly value="${invitation.email}" aria-describedby="email-hint">
          <p id="email-hint" class="hint">${t('invitation.emailFixed')}</p>
          <label for="name">${t('signup.name')}</label>
          <input id="name" name="name" autocomplete="name" required maxlength="200" value="${form.name ?? ''}">
          <label for="password">${t('auth.password')}</label>
          <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256" aria-describedby="password-hint">
          <p id="password-hint" class="hint">${t('signup.passwordHint')}</p>
          <button type="submit">${t('invitation.createAndAccept')}</button>
        </form>`;
    }
    return reply.page({
      title: t('invitation.title', { org: invitation.org_name }),
      status,
      body: html`<h1>${userSentence(t, 'invitation.title', { org: invitation.org_name })}</h1>
        <p>${userSentence(t, 'invitation.intro', { inviter: invitation.inviter_name ?? (operatorOfRef(invitation.invited_by) === undefined ? '—' : t('invitation.byOperator')), email: invitation.email, org: invitation.org_name }, { role: t(`orgs.role.${invitation.role}`) })}</p>
        <p class="hint">${t(`orgs.role.${invitation.role}.hint`)}</p>
        ${action}`,
    });
  };

  /** Use the invitation for this (signed-in or just created) user, audit it, and go to the organisation. */
  const accept = async (request: FastifyRequest, reply: FastifyReply, invitation: InvitationWithOrg, user: User): Promise<FastifyReply> => {
    const result = await acceptInvitation(db, invitation.id, user.id);
    if (result.outcome === 'gone') throw new HttpError(410, 'invitation.gone.accepted', 'invitation no longer usable');
    // The link reached this address's mailbox: that proves it (callers check the addresses match).
    await mailboxProven(db, request, reply, user, 'invitation');
    const actor = { userId: user.id, ip: request.ip };
    await audit(db, actor, { orgId: invitation.org_id, action: 'update', recordType: 'invitation', recordId: invitation.id, detail: { accepted: true, email: invitation.email } });
    if (result.outcome === 'added') {
      await audit(db, actor, { orgId: invitation.org_id, action: 'create', recordType: 'membership', recordId: user.id, detail: { role: invitation.role, invitationId: invitation.id } });
    }
    return reply.redirect(`/orgs/${invitation.org_id}`, 303);
  };

  app.get('/invitations/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    return invitationPage(request, reply, token, await usableInvitation(request, token));
  });

  app.post('/invitations/:token/accept', { schema: { params: TokenParams, body: CsrfOnly } }, async (request, reply) => {
    const { token } = request.params;
    const invitation = await usableInvitation(request, token);
    const user = request.user ?? (await verifyingUser(request));
    if (!user) return reply.redirect(`/invitations/${token}`, 303);
    // Only the invited address may accept: the link could have been forwarded or mistyped.
    if (user.email !== invitation.email) return invitationPage(request, reply, token, invitation, {}, 403);
    return accept(request, reply, invitation, user);
  });

  app.post(
    '/invitations/:token/signup',
    { schema: { params: TokenParams, body: SignupBody }, config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
    async (request, reply) => {
      const { token } = request.params;
      const invitation = await usableInvitation(request, token);
      if (request.user || request.session?.stage === 'verify') return reply.redirect(`/invitations/${token}`, 303);
      const { name, password } = request.body;
      const t = request.t;
      if (await findUserByEmail(db, invitation.email)) return invitationPage(request, reply, token, invitation, {}, 409);
      if (!name.trim()) return invitationPage(request, reply, token, invitation, { name, problem: t('signup.badName') }, 400);
      const problem = passwordProblem(password, invitation.email);
      if (problem) return invitationPage(request, reply, token, invitation, { name, problem: t(`password.${problem}`) }, 400);
      // Sign-up through an invitation works even when open sign-up is off: the link proves the address.
      let user;
      try {
        user = await createUser(db, { email: invitation.email, displayName: name, password, lang: request.lang, emailVerified: true });
      } catch (error) {
        if (isUniqueViolation(error)) return invitationPage(request, reply, token, invitation, {}, 409);
        throw error;
      }
      await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'create', recordType: 'user', recordId: user.id, detail: { invitationId: invitation.id } });
      // A half-finished sign-in of someone else on this browser must not linger beside the new session.
      if (request.session) await revokeSession(db, request.session.id);
      const { token: sessionToken } = await createSession(db, user.id, 'full', clientOf(request));
      setSessionCookie(reply, sessionToken);
      return accept(request, reply, invitation, user);
    },
  );
  await Promise.resolve();
};
