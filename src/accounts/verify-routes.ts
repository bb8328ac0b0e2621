/**
 * Proving the e-mail address. A new account is signed in with a session of stage
 * 'verify': the shell does not count it as signed in (request.user stays null), so every
 * page that needs an account sends it to /login, which sends it here. Here it can ask for
 * the link again (limited, email-tokens.ts) or sign out; nothing else.
 * The link's GET only shows a button: mail scanners open links by themselves, and a GET
 * that used the link would spend it before its owner clicks.
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.js';
import type { Database, User } from '../db/schema.js';
import { HttpError } from '../web/errors.js';
import { html } from '../web/html.js';
import { clientOf, createSession, revokeSession, setSessionCookie } from '../web/sessions.js';
import { noticeBox } from '../web/view.js';
import { sendAccountLink } from './account-mail.js';
import { consumeToken, findUsableToken, markVerified } from './email-tokens.js';

const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });
const CsrfOnly = Type.Object({ _csrf: Type.Optional(Type.String()) });
const SentQuery = Type.Object({ sent: Type.Optional(Type.Union([Type.Literal('sent'), Type.Literal('limited'), Type.Literal('failed')])) });

/** The account behind a session that waits for its address to be proven, if this is one. */
export async function verifyingUser(request: FastifyRequest): Promise<User | undefined> {
  const session = request.session;
  if (!session || session.stage !== 'verify') return undefined;
  return request.server.deps.database.db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
}

/** The mailbox is proven (a verification link, an invitation link or a password reset sent to it): mark the account verified. */
export async function recordMailboxProof(db: Kysely<Database>, request: FastifyRequest, user: User, via: string): Promise<void> {
  if (user.email_verified_at) return;
  await markVerified(db, user.id);
  await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'update', recordType: 'user', recordId: user.id, detail: { emailVerified: true, via } });
}

/**
 * After the proof: when this browser waited in a 'verify' session of the same account,
 * give it a full session in its place (a new cookie). True when it did.
 */
export async function mailboxProven(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply, user: User, via: string): Promise<boolean> {
  await recordMailboxProof(db, request, user, via);
  const session = request.session;
  if (!session || session.stage !== 'verify' || session.user_id !== user.id) return false;
  await revokeSession(db, session.id);
  const { token } = await createSession(db, user.id, 'full', clientOf(request));
  setSessionCookie(reply, token);
  return true;
}

export const verifyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  app.get('/verify-email', { schema: { querystring: SentQuery } }, async (request, reply) => {
    if (request.user) return reply.redirect('/orgs', 303);
    const user = await verifyingUser(request);
    if (!user) return reply.redirect('/login', 303);
    // Verified meanwhile (the link opened in another browser): this session has done its job.
    if (user.email_verified_at) {
      await revokeSession(db, request.session?.id ?? '');
      return reply.redirect('/login?done=verified', 303);
    }
    const t = request.t;
    const { sent } = request.query;
    return reply.page({
      title: t('verifyEmail.title'),
      body: html`<h1>${t('verifyEmail.title')}</h1>
        ${noticeBox(sent ? t(`verifyEmail.sent.${sent}`) : undefined)}
        <p>${t('verifyEmail.intro', { email: user.email })}</p>
        <p class="hint">${t('verifyEmail.hint')}</p>
        <div class="actions">
          <form method="post" action="/verify-email/resend" class="inline">
            ${reply.csrfField()}
            <button type="submit">${t('verifyEmail.resend')}</button>
          </form>
          <form method="post" action="/logout" class="inline">
            ${reply.csrfField()}
            <button type="submit" class="secondary">${t('nav.signOut')}</button>
          </form>
        </div>`,
    });
  });

  app.post('/verify-email/resend', { schema: { body: CsrfOnly }, config: { rateLimit: { max: 5, timeWindow: 60_000 } } }, async (request, reply) => {
    const user = await verifyingUser(request);
    if (!user || user.email_verified_at) return reply.redirect('/verify-email', 303);
    const outcome = await sendAccountLink(app, user, 'verify', request.lang);
    return reply.redirect(`/verify-email?sent=${outcome}`, 303);
  });

  /** The link's token if usable, else the 410 page that says what to do. */
  const usable = async (token: string): Promise<{ id: string; user: User }> => {
    const found = await findUsableToken(db, token, 'verify');
    const user = found && (await db.selectFrom('users').selectAll().where('id', '=', found.user_id).executeTakeFirst());
    if (!found || !user) throw new HttpError(410, 'verifyEmail.gone', 'verification link unknown, used or expired');
    return { id: found.id, user };
  };

  app.get('/verify-email/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    const { user } = await usable(token);
    const t = request.t;
    return reply.page({
      title: t('verifyEmail.confirmTitle'),
      body: html`<h1>${t('verifyEmail.confirmTitle')}</h1>
        <p>${t('verifyEmail.confirmIntro', { email: user.email })}</p>
        <form method="post" action="/verify-email/${token}">
          ${reply.csrfField()}
          <button type="submit">${t('verifyEmail.confirm')}</button>
        </form>`,
    });
  });

  app.post('/verify-email/:token', { schema: { params: TokenParams, body: CsrfOnly }, config: { rateLimit: { max: 10, timeWindow: 60_000 } } }, async (request, reply) => {
    const { id, user } = await usable(request.params.token);
    if (!(await consumeToken(db, id))) throw new HttpError(410, 'verifyEmail.gone', 'verification link used meanwhile');
    const signedIn = await mailboxProven(db, request, reply, user, 'link');
    return reply.redirect(signedIn ? '/orgs' : '/login?done=verified', 303);
  });
  await Promise.resolve();
};
