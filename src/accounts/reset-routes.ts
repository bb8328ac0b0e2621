/**
 * "Forgot password": a single-use link, valid for an hour, to the account's address.
 * The answer to the request is the same page, status and time whether an account has
 * the address or not: the request only checks the form and hands the rest (the lookup,
 * the token, the mail) to work that runs after the answer (account-mail.ts).
 * Setting the new password proves the mailbox (the account counts as verified), ends
 * every session of the account, and leaves the second factor in place: the next sign-in
 * still asks for it. Why this also settles a squatted address: docs/decisions.md.
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../audit/audit.js';
import type { User } from '../db/schema.js';
import { HttpError } from '../web/errors.js';
import { html } from '../web/html.js';
import { revokeAllSessions, SESSION_COOKIE } from '../web/sessions.js';
import { alertBox, noticeBox } from '../web/view.js';
import { backgroundRunner, sendAccountLink } from './account-mail.js';
import { consumeToken, findUsableToken } from './email-tokens.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { findUserByEmail, isEmail } from './users.js';
import { recordMailboxProof } from './verify-routes.js';

const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });
const ForgotBody = Type.Object({ _csrf: Type.Optional(Type.String()), email: Type.String({ maxLength: 254 }) });
const ResetBody = Type.Object({ _csrf: Type.Optional(Type.String()), password: Type.String({ maxLength: 1024 }) });

export const resetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const later = backgroundRunner(app);

  const forgotPage = (request: FastifyRequest, reply: FastifyReply, email: string, messages: { notice?: string; problem?: string }, status = 200): FastifyReply => {
    const t = request.t;
    return reply.page({
      title: t('forgot.title'),
      status,
      body: html`<h1>${t('forgot.title')}</h1>
        ${noticeBox(messages.notice)}
        ${alertBox(messages.problem)}
        <p>${t('forgot.intro')}</p>
        <form method="post" action="/password/forgot" class="stack">
          ${reply.csrfField()}
          <label for="email">${t('auth.email')}</label>
          <input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${email}">
          <button type="submit">${t('forgot.submit')}</button>
        </form>
        <p><a href="/login">${t('forgot.back')}</a></p>`,
    });
  };

  app.get('/password/forgot', async (request, reply) => forgotPage(request, reply, '', {}));

  app.post('/password/forgot', { schema: { body: ForgotBody }, config: { rateLimit: { max: 5, timeWindow: 60_000 } } }, async (request, reply) => {
    const email = request.body.email.trim();
    if (!isEmail(email)) return forgotPage(request, reply, email, { problem: request.t('signup.badEmail') }, 400);
    const lang = request.lang;
    later(async () => {
      const user = await findUserByEmail(db, email);
      if (user) await sendAccountLink(app, user, 'reset', lang);
    });
    // Word for word the same whether or not the address has an account (not even the address is repeated).
    return forgotPage(request, reply, '', { notice: request.t('forgot.sent') });
  });

  /** The link's token if usable, else the 410 page that says what to do. */
  const usable = async (token: string): Promise<{ id: string; user: User }> => {
    const found = await findUsableToken(db, token, 'reset');
    const user = found && (await db.selectFrom('users').selectAll().where('id', '=', found.user_id).executeTakeFirst());
    if (!found || !user) throw new HttpError(410, 'reset.gone', 'reset link unknown, used or expired');
    return { id: found.id, user };
  };

  const resetPage = (request: FastifyRequest, reply: FastifyReply, token: string, user: User, problem?: string, status = 200): FastifyReply => {
    const t = request.t;
    return reply.page({
      title: t('reset.title'),
      status,
      body: html`<h1>${t('reset.title')}</h1>
        <p>${t('reset.intro', { email: user.email })}</p>
        ${alertBox(problem)}
        <form method="post" action="/password/reset/${token}" class="stack">
          ${reply.csrfField()}
          <input type="email" name="username" autocomplete="username" value="${user.email}" readonly hidden>
          <label for="password">${t('reset.password')}</label>
          <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256" aria-describedby="password-hint">
          <p id="password-hint" class="hint">${t('signup.passwordHint')}</p>
          <button type="submit">${t('reset.submit')}</button>
        </form>`,
    });
  };

  app.get('/password/reset/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    const { user } = await usable(token);
    return resetPage(request, reply, token, user);
  });

  app.post('/password/reset/:token', { schema: { params: TokenParams, body: ResetBody }, config: { rateLimit: { max: 10, timeWindow: 60_000 } } }, async (request, reply) => {
    const { token } = request.params;
    const { password } = request.body;
    const { id, user } = await usable(token);
    const problem = passwordProblem(password, user.email);
    if (problem) return resetPage(request, reply, token, user, request.t(`password.${problem}`), 400);
    if (!(await consumeToken(db, id))) throw new HttpError(410, 'reset.gone', 'reset link used meanwhile');
    await db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('id', '=', user.id).execute();
    await recordMailboxProof(db, request, user, 'passwordReset');
    // Whoever was signed in (a thief, or a squatter of the address) is out; the owner signs in anew, with the second factor if set.
    const ended = await revokeAllSessions(db, user.id);
    await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'update', recordType: 'user', recordId: user.id, detail: { passwordReset: true, sessionsEnded: ended } });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login?done=reset', 303);
  });
  await Promise.resolve();
};
