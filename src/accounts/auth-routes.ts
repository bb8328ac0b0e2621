/**
 * Sign up, sign in (password, then the second factor when the user has one), sign out.
 * Failed sign-ins are limited per account and address, per address, and by a ceiling per
 * account (login-throttle.ts); a burst
 * guard per address sits in front (@fastify/rate-limit).
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clearPairFailures, isKnownAddress, releaseAttempt, reserveAttempt } from './login-throttle.js';
import { passwordProblem, verifyAgainstDummy, verifyPassword } from './passwords.js';
import { clientOf, createSession, revokeSession, SESSION_COOKIE, setSessionCookie } from '../web/sessions.js';
import { PENDING_SIGN_IN_MS, verifySecondFactor } from './totp.js';
import type { Session, User } from '../db/schema.js';
import { createUser, findUserByEmail, isEmail, normaliseEmail } from './users.js';
import { audit } from '../audit/audit.js';
import { isUniqueViolation } from '../db/errors.js';
import { HttpError } from '../web/errors.js';
import { html } from '../web/html.js';
import { alertBox, noticeBox } from '../web/view.js';
import { sendAccountLink } from './account-mail.js';

const SignupBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  email: Type.String({ maxLength: 254 }),
  name: Type.String({ maxLength: 200 }),
  password: Type.String({ maxLength: 1024 }),
});
const LoginBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  email: Type.String({ maxLength: 254 }),
  password: Type.String({ maxLength: 1024 }),
  next: Type.Optional(Type.String({ maxLength: 500 })),
});
const NextQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) });
/** Which confirmation the sign-in page shows after a redirect; a fixed set, so nothing typed is reflected. */
const LoginQuery = Type.Object({
  next: Type.Optional(Type.String({ maxLength: 500 })),
  done: Type.Optional(Type.Union([Type.Literal('verified'), Type.Literal('reset')])),
});
const SecondFactorBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  code: Type.String({ maxLength: 64 }),
  next: Type.Optional(Type.String({ maxLength: 500 })),
});

/**
 * Only same-site paths; never "//evil.example" or an absolute URL. Control characters
 * are refused too: browsers drop tabs and newlines from URLs, so "/\t/evil.example"
 * would become "//evil.example".
 */
export function safeNext(next: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return next && /^\/(?![/\\])[^\x00-\x1f\x7f]*$/.test(next) ? next : '/orgs';
}

/**
 * Reserve one sign-in attempt for this account and address before a secret is checked
 * (login-throttle.ts explains why first). Wrong passwords and wrong second-factor codes
 * count alike, wherever they are typed. `wait > 0`: refused. On success call release();
 * on failure do nothing: the reserved attempt is the failure record.
 */
export async function reserveSignIn(app: FastifyInstance, email: string, ip: string): Promise<{ wait: number; release: () => Promise<void> }> {
  const db = app.deps.database.db;
  const reservation = await reserveAttempt(db, app.deps.config.loginLimit, { email, ip, knownAddress: () => isKnownAddress(db, email, ip) });
  return { wait: reservation.wait, release: () => releaseAttempt(db, reservation.ids) };
}

/** A signed-in account whose address is not yet proven gets a session that only reaches /verify-email. */
export const stageAfterSignIn = (user: Pick<User, 'email_verified_at'>): 'full' | 'verify' => (user.email_verified_at ? 'full' : 'verify');

/** Where an unverified account goes after signing in: an invitation link proves the address too, so it may go there. */
export function afterUnverifiedSignIn(next: string | undefined): string {
  const target = safeNext(next);
  return /^\/invitations\/[A-Za-z0-9_-]+$/.test(target) ? target : '/verify-email';
}

/** The answer to an attempt over the limit: sets Retry-After and says how long to wait. */
export function throttledMessage(request: FastifyRequest, reply: FastifyReply, waitSeconds: number): string {
  reply.header('retry-after', String(waitSeconds));
  return request.t('login.throttled', { count: Math.ceil(waitSeconds / 60) });
}

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  app.get('/', async (request, reply) => reply.redirect(request.user ? '/orgs' : '/login', 303));

  const signupPage = (request: FastifyRequest, reply: FastifyReply, values: { email?: string; name?: string }, problem?: string, status = 200): FastifyReply => {
    const t = request.t;
    return reply.page({
      title: t('signup.title'),
      status,
      body: html`<h1>${t('signup.title')}</h1>
        <p>${t('signup.intro')}</p>
        ${alertBox(problem)}
        <form method="post" action="/signup" class="stack">
          ${reply.csrfField()}
          <label for="name">${t('signup.name')}</label>
          <input id="name" name="name" autocomplete="name" required maxlength="200" value="${values.name ?? ''}">
          <label for="email">${t('auth.email')}</label>
          <input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${values.email ?? ''}">
          <label for="password">${t('auth.password')}</label>
          <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256" aria-describedby="password-hint">
          <p id="password-hint" class="hint">${t('signup.passwordHint')}</p>
          <button type="submit">${t('signup.submit')}</button>
        </form>
        <p>${t('signup.haveAccount')} <a href="/login">${t('nav.signIn')}</a></p>`,
    });
  };

  app.get('/signup', async (request, reply) => {
    if (!app.deps.config.signupOpen) throw new HttpError(404, 'signup.closed', 'sign-up is closed on this instance');
    return signupPage(request, reply, {});
  });

  app.post('/signup', { schema: { body: SignupBody }, config: { rateLimit: { max: 10, timeWindow: 60_000 } } }, async (request, reply) => {
    if (!app.deps.config.signupOpen) throw new HttpError(404, 'signup.closed', 'sign-up is closed on this instance');
    const { email, name, password } = request.body;
    const t = request.t;
    if (!isEmail(email.trim())) return signupPage(request, reply, { email, name }, t('signup.badEmail'), 400);
    if (!name.trim()) return signupPage(request, reply, { email, name }, t('signup.badName'), 400);
    const problem = passwordProblem(password, email);
    if (problem) return signupPage(request, reply, { email, name }, t(`password.${problem}`), 400);
    if (await findUserByEmail(db, email)) return signupPage(request, reply, { email, name }, t('signup.taken'), 409);
    let user;
    try {
      user = await createUser(db, { email, displayName: name, password, lang: request.lang });
    } catch (error) {
      // Two sign-ups with one address at the same moment: the database's unique index decides.
      if (isUniqueViolation(error)) return signupPage(request, reply, { email, name }, t('signup.taken'), 409);
      throw error;
    }
    await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'create', recordType: 'user', recordId: user.id });
    if (request.session) await revokeSession(db, request.session.id);
    // Signed in, but only to the "check your mailbox" page until the link proves the address.
    const { token } = await createSession(db, user.id, 'verify', clientOf(request));
    setSessionCookie(reply, token);
    await sendAccountLink(app, user, 'verify', request.lang);
    return reply.redirect('/verify-email', 303);
  });

  const loginPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { email?: string; next?: string | undefined },
    problem?: string,
    status = 200,
    notice?: string,
  ): FastifyReply => {
    const t = request.t;
    return reply.page({
      title: t('login.title'),
      status,
      body: html`<h1>${t('login.title')}</h1>
        ${noticeBox(notice)}
        ${alertBox(problem)}
        <form method="post" action="/login" class="stack">
          ${reply.csrfField()}
          <input type="hidden" name="next" value="${safeNext(values.next)}">
          <label for="email">${t('auth.email')}</label>
          <input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${values.email ?? ''}">
          <label for="password">${t('auth.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
          <button type="submit">${t('login.submit')}</button>
        </form>
        <p><a href="/password/forgot">${t('login.forgot')}</a></p>
        ${app.deps.config.signupOpen ? html`<p>${t('login.noAccount')} <a href="/signup">${t('nav.signUp')}</a></p>` : ''}`,
    });
  };

  app.get('/login', { schema: { querystring: LoginQuery } }, async (request, reply) => {
    const { next, done } = request.query;
    if (request.user) return reply.redirect(safeNext(next), 303);
    // An account still to be verified can only go to its "check your mailbox" page.
    if (request.session?.stage === 'verify') return reply.redirect(afterUnverifiedSignIn(next), 303);
    return loginPage(request, reply, { next }, undefined, 200, done ? request.t(`login.done.${done}`) : undefined);
  });

  app.post('/login', { schema: { body: LoginBody }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } }, async (request, reply) => {
    const { email, password, next } = request.body;
    const t = request.t;
    const attempt = await reserveSignIn(app, email, request.ip);
    if (attempt.wait > 0) return loginPage(request, reply, { email, next }, throttledMessage(request, reply, attempt.wait), 429);
    const user = await findUserByEmail(db, normaliseEmail(email));
    const ok = user ? await verifyPassword(user.password_hash, password) : await verifyAgainstDummy(password);
    if (!user || !ok) {
      await audit(db, { userId: user?.id ?? null, ip: request.ip }, { orgId: null, action: 'login', recordType: 'user', recordId: user?.id ?? null, detail: { ok: false } });
      return loginPage(request, reply, { email, next }, t('login.failed'), 401);
    }
    await attempt.release();
    const stage = user.totp_enabled_at ? 'totp' : stageAfterSignIn(user);
    // With a second factor still to come, the count stays: a known password must not
    // reset the guesses left for the TOTP code. It is cleared when sign-in completes.
    if (stage !== 'totp') await clearPairFailures(db, email, request.ip);
    if (request.session) await revokeSession(db, request.session.id);
    const { token } = await createSession(db, user.id, stage, clientOf(request));
    setSessionCookie(reply, token);
    if (stage === 'totp') return reply.redirect(`/login/totp?next=${encodeURIComponent(safeNext(next))}`, 303);
    await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'login', recordType: 'user', recordId: user.id, detail: { ok: true } });
    return reply.redirect(stage === 'verify' ? afterUnverifiedSignIn(next) : safeNext(next), 303);
  });

  /** The session waiting for its second factor, while it may still wait. */
  const pendingSignIn = async (request: FastifyRequest): Promise<{ session: Session; user: User } | undefined> => {
    const session = request.session;
    if (!session || session.stage !== 'totp') return undefined;
    if (Date.now() - Date.parse(session.created_at) > PENDING_SIGN_IN_MS) {
      await revokeSession(db, session.id);
      return undefined;
    }
    const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
    return user?.totp_enabled_at ? { session, user } : undefined;
  };

  const secondFactorPage = (request: FastifyRequest, reply: FastifyReply, next: string | undefined, problem?: string, status = 200): FastifyReply => {
    const t = request.t;
    return reply.page({
      title: t('loginTotp.title'),
      status,
      body: html`<h1>${t('loginTotp.title')}</h1>
        <p>${t('loginTotp.intro')}</p>
        ${alertBox(problem)}
        <form method="post" action="/login/totp" class="stack">
          ${reply.csrfField()}
          <input type="hidden" name="next" value="${safeNext(next)}">
          <label for="code">${t('loginTotp.code')}</label>
          <input id="code" name="code" autocomplete="one-time-code" required maxlength="64" autocapitalize="none" spellcheck="false" aria-describedby="code-hint"${problem ? html` aria-invalid="true"` : ''}>
          <p id="code-hint" class="hint">${t('loginTotp.codeHint')}</p>
          <button type="submit">${t('loginTotp.submit')}</button>
        </form>
        <p><a href="/login">${t('loginTotp.startOver')}</a></p>`,
    });
  };

  app.get('/login/totp', { schema: { querystring: NextQuery } }, async (request, reply) => {
    const { next } = request.query;
    if (request.user) return reply.redirect(safeNext(next), 303);
    if (!(await pendingSignIn(request))) return reply.redirect(`/login?next=${encodeURIComponent(safeNext(next))}`, 303);
    return secondFactorPage(request, reply, next);
  });

  app.post('/login/totp', { schema: { body: SecondFactorBody }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } }, async (request, reply) => {
    const { code, next } = request.body;
    const t = request.t;
    const pending = await pendingSignIn(request);
    if (!pending) return reply.redirect(`/login?next=${encodeURIComponent(safeNext(next))}`, 303);
    const { session, user } = pending;
    const attempt = await reserveSignIn(app, user.email, request.ip);
    if (attempt.wait > 0) return secondFactorPage(request, reply, next, throttledMessage(request, reply, attempt.wait), 429);
    const factor = await verifySecondFactor(db, app.deps.secretBox, user, code);
    if (!factor) {
      await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'login', recordType: 'user', recordId: user.id, detail: { ok: false, step: 'second-factor' } });
      return secondFactorPage(request, reply, next, t('loginTotp.failed'), 401);
    }
    await attempt.release();
    await clearPairFailures(db, user.email, request.ip);
    // A fresh session (new cookie) rather than promoting the pending one: a token that
    // existed before the second factor never becomes a signed-in one.
    await revokeSession(db, session.id);
    const stage = stageAfterSignIn(user);
    const { token } = await createSession(db, user.id, stage, clientOf(request));
    setSessionCookie(reply, token);
    await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'login', recordType: 'user', recordId: user.id, detail: { ok: true, factor } });
    return reply.redirect(stage === 'verify' ? afterUnverifiedSignIn(next) : safeNext(next), 303);
  });

  app.post('/logout', async (request, reply) => {
    if (request.session) {
      await revokeSession(db, request.session.id);
      await audit(db, { userId: request.session.user_id, ip: request.ip }, { orgId: null, action: 'logout', recordType: 'session', recordId: null });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });
  await Promise.resolve();
};
