/**
 * The account page: name and language, password, the devices signed in, and "sign out
 * everywhere". The second factor lives on /account/security (account-security.ts).
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { activeSessions, revokeOtherSessions } from './account-sessions.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { revokeAllSessions, SESSION_COOKIE } from '../web/sessions.js';
import { audit } from '../audit/audit.js';
import { LANGS } from '../core/lang.js';
import type { User } from '../db/schema.js';
import { requireUser } from '../web/context.js';
import { html, userText } from '../web/html.js';
import { accountSecurityRoutes } from './security-routes.js';
import { alertBox, noticeBox, timeTag } from '../web/view.js';
import { reserveSignIn, throttledMessage } from './auth-routes.js';

/** Each language named in itself, so a reader finds their own whatever the page language. */
const LANG_NAMES: Record<(typeof LANGS)[number], string> = { en: 'English', nl: 'Nederlands', sv: 'Svenska' };
const NOTICES = ['saved', 'passwordChanged'] as const;

const NoticeQuery = Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) });
const ProfileBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  name: Type.String({ maxLength: 200 }),
  lang: Type.Union([Type.Literal(''), ...LANGS.map((lang) => Type.Literal(lang))]),
});
const PasswordBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  current: Type.String({ maxLength: 1024 }),
  password: Type.String({ maxLength: 1024 }),
});

interface AccountProblems {
  profile?: string;
  password?: string;
  notice?: string;
  name?: string;
}

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  const accountPage = async (request: FastifyRequest, reply: FastifyReply, user: User, problems: AccountProblems = {}, status = 200): Promise<FastifyReply> => {
    const t = request.t;
    const sessions = await activeSessions(db, user.id);
    const currentId = request.session?.id;
    const langOptions = [
      html`<option value=""${user.lang === null ? html` selected` : ''}>${t('account.langBrowser')}</option>`,
      ...LANGS.map((lang) => html`<option value="${lang}" lang="${lang}"${user.lang === lang ? html` selected` : ''}>${LANG_NAMES[lang]}</option>`),
    ];
    const rows = sessions.map(
      (session) => html`<tr>
        <td>${session.user_agent || t('account.unknownDevice')}${session.id === currentId ? html` <strong class="tag">${t('account.thisDevice')}</strong>` : ''}${session.stage === 'totp' ? html` <span class="tag">${t('account.sessionPending')}</span>` : ''}</td>
        <td>${session.ip}</td>
        <td>${timeTag(session.created_at)}</td>
        <td>${timeTag(session.last_seen_at)}</td>
      </tr>`,
    );
    return reply.page({
      title: t('account.title'),
      status,
      body: html`<h1>${t('account.title')}</h1>
        ${noticeBox(problems.notice)}
        <section aria-labelledby="profile-heading" class="card">
          <h2 id="profile-heading">${t('account.profile')}</h2>
          <p>${t('account.email')}: <strong>${userText(user.email)}</strong></p>
          ${alertBox(problems.profile, 'profile-error')}
          <form method="post" action="/account/profile" class="stack">
            ${reply.csrfField()}
            <label for="name">${t('account.name')}</label>
            <input id="name" name="name" autocomplete="name" required maxlength="200" value="${problems.name ?? user.display_name}">
            <label for="lang">${t('account.lang')}</label>
            <select id="lang" name="lang" aria-describedby="lang-hint">${langOptions}</select>
            <p id="lang-hint" class="hint">${t('account.langHint')}</p>
            <button type="submit">${t('common.save')}</button>
          </form>
        </section>
        <section aria-labelledby="security-heading" class="card">
          <h2 id="security-heading">${t('security.title')}</h2>
          <p>${user.totp_enabled_at ? t('account.totpOn') : t('account.totpOff')}</p>
          <p><a href="/account/security">${t('account.totpManage')}</a></p>
        </section>
        <section aria-labelledby="password-heading" class="card">
          <h2 id="password-heading">${t('account.passwordTitle')}</h2>
          ${alertBox(problems.password, 'password-error')}
          <form method="post" action="/account/password" class="stack">
            ${reply.csrfField()}
            <label for="current">${t('account.currentPassword')}</label>
            <input id="current" name="current" type="password" autocomplete="current-password" required maxlength="256">
            <label for="password">${t('account.newPassword')}</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256" aria-describedby="new-password-hint">
            <p id="new-password-hint" class="hint">${t('signup.passwordHint')} ${t('account.passwordOthersOut')}</p>
            <button type="submit">${t('account.passwordSubmit')}</button>
          </form>
        </section>
        <section aria-labelledby="sessions-heading" class="card">
          <h2 id="sessions-heading">${t('account.sessions')}</h2>
          <table>
            <caption>${t('account.sessionsCaption')}</caption>
            <thead><tr><th scope="col">${t('account.device')}</th><th scope="col">${t('account.ip')}</th><th scope="col">${t('account.signedInAt')}</th><th scope="col">${t('account.lastSeen')}</th></tr></thead>
            <tbody>${rows}</tbody>
          </table>
          <form method="post" action="/account/sign-out-everywhere" class="stack" data-confirm="${t('account.everywhereConfirm')}">
            ${reply.csrfField()}
            <p id="everywhere-hint" class="hint">${t('account.everywhereHint')}</p>
            <button type="submit" class="danger" aria-describedby="everywhere-hint">${t('account.everywhere')}</button>
          </form>
        </section>`,
    });
  };

  app.get('/account', { schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const user = requireUser(request);
    const { notice } = request.query;
    const known = NOTICES.find((n) => n === notice);
    return accountPage(request, reply, user, known ? { notice: request.t(`account.notice.${known}`) } : {});
  });

  app.post('/account/profile', { schema: { body: ProfileBody } }, async (request, reply) => {
    const user = requireUser(request);
    const name = request.body.name.trim();
    if (!name) return accountPage(request, reply, user, { profile: request.t('signup.badName'), name }, 400);
    const lang = request.body.lang === '' ? null : request.body.lang;
    await db.updateTable('users').set({ display_name: name, lang }).where('id', '=', user.id).execute();
    await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'update', recordType: 'user', recordId: user.id, detail: { fields: ['display_name', 'lang'] } });
    return reply.redirect('/account?notice=saved', 303);
  });

  app.post('/account/password', { schema: { body: PasswordBody }, config: { rateLimit: { max: 10, timeWindow: 60_000 } } }, async (request, reply) => {
    const user = requireUser(request);
    const t = request.t;
    const { current, password } = request.body;
    // A stolen session must not become a way to guess the password without limit.
    const attempt = await reserveSignIn(app, user.email, request.ip);
    if (attempt.wait > 0) return accountPage(request, reply, user, { password: throttledMessage(request, reply, attempt.wait) }, 429);
    if (!(await verifyPassword(user.password_hash, current))) {
      return accountPage(request, reply, user, { password: t('account.currentWrong') }, 400);
    }
    await attempt.release();
    const problem = passwordProblem(password, user.email);
    if (problem) return accountPage(request, reply, user, { password: t(`password.${problem}`) }, 400);
    await db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('id', '=', user.id).execute();
    // Whoever may have known the old password is signed out; this device stays in.
    const ended = request.session ? await revokeOtherSessions(db, user.id, request.session.id) : await revokeAllSessions(db, user.id);
    await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'update', recordType: 'user', recordId: user.id, detail: { password: 'changed', sessionsEnded: ended } });
    return reply.redirect('/account?notice=passwordChanged', 303);
  });

  app.post('/account/sign-out-everywhere', async (request, reply) => {
    const user = requireUser(request);
    const ended = await revokeAllSessions(db, user.id);
    await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'logout', recordType: 'session', recordId: null, detail: { everywhere: true, sessionsEnded: ended } });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });

  await app.register(accountSecurityRoutes);
};
