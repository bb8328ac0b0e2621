/**
 * Two-step sign-in (TOTP) on /account/security: set up with a QR code (rendered here as
 * SVG, no third party sees the seed), confirm with a first code, recovery codes shown
 * once, new codes, switching it off (password + code). Organisations that require it
 * send their members here with ?requiredBy=<orgId> (see orgContext()).
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { verifyPassword } from './passwords.js';
import { replaceRecoveryCodes, unusedRecoveryCodes, RECOVERY_CODE_COUNT } from './recovery-codes.js';
import { beginTotpSetup, confirmTotpSetup, disableTotp, hasTotp, totpPending, totpSecretOf, totpUri, verifySecondFactor } from './totp.js';
import { audit } from '../audit/audit.js';
import type { Org, User } from '../db/schema.js';
import { isId, requireUser } from '../web/context.js';
import { notFound } from '../web/errors.js';
import { html, userSentence, type SafeHtml } from '../web/html.js';
import { orgsRequiringTotp } from './account-view.js';
import { alertBox, noticeBox, timeTag } from '../web/view.js';
import { reserveSignIn, throttledMessage } from './auth-routes.js';
import { revokeOtherSessions } from './account-sessions.js';

const RequiredBy = Type.Optional(Type.String({ maxLength: 100 }));
const SecurityQuery = Type.Object({ requiredBy: RequiredBy, notice: Type.Optional(Type.String({ maxLength: 40 })) });
const Csrf = Type.Optional(Type.String());
const SetupBody = Type.Object({ _csrf: Csrf, requiredBy: RequiredBy });
const CodeBody = Type.Object({ _csrf: Csrf, requiredBy: RequiredBy, code: Type.String({ maxLength: 64 }) });
const DisableBody = Type.Object({ _csrf: Csrf, password: Type.String({ maxLength: 1024 }), code: Type.String({ maxLength: 64 }) });

interface SecurityView {
  problem?: string | undefined;
  /** Which form the problem belongs to, so the message sits above it. */
  problemAt?: 'confirm' | 'regenerate' | 'disable';
  notice?: string | undefined;
  requiredBy?: string | undefined;
}

const CODE_FIELD_ATTRS = html`inputmode="numeric" autocomplete="one-time-code" required maxlength="64" autocapitalize="none" spellcheck="false"`;

export const accountSecurityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const box = app.deps.secretBox;

  /** A fresh copy: the request's user was read before this request changed anything. */
  const reload = async (userId: string): Promise<User> => db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();

  /** The organisation named in ?requiredBy=, only if the user is a member and it requires TOTP. */
  const requiringOrg = async (user: User, requiredBy: string | undefined): Promise<{ required: Pick<Org, 'id' | 'name'>[]; asking: Pick<Org, 'id' | 'name'> | undefined }> => {
    const required = await orgsRequiringTotp(db, user.id);
    return { required, asking: requiredBy && isId(requiredBy) ? required.find((org) => org.id === requiredBy) : undefined };
  };

  const hiddenRequiredBy = (org: Pick<Org, 'id'> | undefined): SafeHtml | string => (org ? html`<input type="hidden" name="requiredBy" value="${org.id}">` : '');

  const securityPage = async (request: FastifyRequest, reply: FastifyReply, user: User, view: SecurityView = {}, status = 200): Promise<FastifyReply> => {
    const t = request.t;
    const { required, asking } = await requiringOrg(user, view.requiredBy);
    const problemFor = (form: SecurityView['problemAt']): SafeHtml | string => (view.problemAt === form ? alertBox(view.problem, `${form}-error`) : '');
    let content: SafeHtml;
    if (hasTotp(user)) {
      const left = await unusedRecoveryCodes(db, user.id);
      content = html`<p><strong class="tag tag-on">${t('security.statusOn')}</strong> ${t('security.onSince')} ${timeTag(user.totp_enabled_at ?? '')}</p>
        <p>${t('security.codesLeft', { left, total: RECOVERY_CODE_COUNT })}</p>
        ${asking ? html`<p><a href="/orgs/${asking.id}">${userSentence(t, 'security.continueTo', { org: asking.name })}</a></p>` : ''}
        <section aria-labelledby="regenerate-heading" class="card">
          <h2 id="regenerate-heading">${t('security.regenerateTitle')}</h2>
          <p id="regenerate-hint" class="hint">${t('security.regenerateHint')}</p>
          ${problemFor('regenerate')}
          <form method="post" action="/account/security/recovery-codes" class="stack">
            ${reply.csrfField()}
            <label for="regenerate-code">${t('security.code')}</label>
            <input id="regenerate-code" name="code" ${CODE_FIELD_ATTRS} aria-describedby="regenerate-hint">
            <button type="submit" class="secondary">${t('security.regenerate')}</button>
          </form>
        </section>
        <section aria-labelledby="disable-heading" class="card">
          <h2 id="disable-heading">${t('security.disableTitle')}</h2>
          <p id="disable-hint" class="hint">${t('security.disableHint')}${required.length ? ` ${t('security.disableRequired', { orgs: required.map((org) => org.name).join(', ') })}` : ''}</p>
          ${problemFor('disable')}
          <form method="post" action="/account/security/totp/disable" class="stack">
            ${reply.csrfField()}
            <label for="disable-password">${t('account.currentPassword')}</label>
            <input id="disable-password" name="password" type="password" autocomplete="current-password" required maxlength="256" aria-describedby="disable-hint">
            <label for="disable-code">${t('security.codeOrRecovery')}</label>
            <input id="disable-code" name="code" autocomplete="one-time-code" required maxlength="64" autocapitalize="none" spellcheck="false">
            <button type="submit" class="danger">${t('security.disable')}</button>
          </form>
        </section>`;
    } else if (totpPending(user)) {
      const secret = totpSecretOf(box, user) ?? '';
      content = html`<p><strong class="tag">${t('security.statusPending')}</strong></p>
        <ol class="steps">
          <li>${t('security.stepApp')}</li>
          <li>
            <p>${t('security.stepScan')}</p>
            <img class="qr" src="/account/security/totp.svg" width="220" height="220" alt="${t('security.qrAlt')}">
            <p id="secret-hint" class="hint">${t('security.stepManual')}</p>
            <p><code id="totp-secret" class="secret" aria-describedby="secret-hint">${secret}</code></p>
            <details><summary>${t('security.uriSummary')}</summary><p><code id="totp-uri" class="secret">${totpUri(secret, user.email)}</code></p></details>
          </li>
          <li>
            <p id="confirm-hint">${t('security.stepConfirm')}</p>
            ${problemFor('confirm')}
            <form method="post" action="/account/security/totp/confirm" class="stack">
              ${reply.csrfField()}
              ${hiddenRequiredBy(asking)}
              <label for="confirm-code">${t('security.code')}</label>
              <input id="confirm-code" name="code" ${CODE_FIELD_ATTRS} aria-describedby="confirm-hint">
              <button type="submit">${t('security.confirm')}</button>
            </form>
          </li>
        </ol>
        <form method="post" action="/account/security/totp/cancel" class="stack">
          ${reply.csrfField()}
          <button type="submit" class="secondary">${t('common.cancel')}</button>
        </form>`;
    } else {
      content = html`<p><strong class="tag">${t('security.statusOff')}</strong></p>
        <form method="post" action="/account/security/totp/setup" class="stack">
          ${reply.csrfField()}
          ${hiddenRequiredBy(asking)}
          <button type="submit">${t('security.setUp')}</button>
        </form>`;
    }
    return reply.page({
      title: t('security.title'),
      status,
      body: html`<h1>${t('security.title')}</h1>
        ${asking && !hasTotp(user) ? html`<p class="notice" role="status">${userSentence(t, 'security.requiredBy', { org: asking.name })}</p>` : ''}
        ${noticeBox(view.notice)}
        <p>${t('security.intro')}</p>
        ${content}
        <p><a href="/account">${t('security.backToAccount')}</a></p>`,
    });
  };

  /** The new recovery codes, on this one response only (HTML pages are sent no-store). */
  const codesPage = async (request: FastifyRequest, reply: FastifyReply, user: User, codes: string[], heading: string, requiredBy: string | undefined): Promise<FastifyReply> => {
    const t = request.t;
    const { asking } = await requiringOrg(user, requiredBy);
    return reply.page({
      title: heading,
      body: html`<h1>${heading}</h1>
        <p class="notice" role="status">${t('security.codesIntro')}</p>
        <ol class="codes" aria-label="${t('security.codesLabel')}">${codes.map((code) => html`<li><code class="recovery-code">${code}</code></li>`)}</ol>
        <p class="hint">${t('security.codesOnce')}</p>
        <p>${asking ? html`<a href="/orgs/${asking.id}">${userSentence(t, 'security.continueTo', { org: asking.name })}</a>` : html`<a href="/account/security">${t('security.codesDone')}</a>`}</p>`,
    });
  };

  app.get('/account/security', { schema: { querystring: SecurityQuery } }, async (request, reply) => {
    const user = requireUser(request);
    const { requiredBy, notice } = request.query;
    const known = notice === 'disabled' || notice === 'cancelled' ? request.t(`security.notice.${notice}`) : undefined;
    return securityPage(request, reply, user, { requiredBy, notice: known });
  });

  // The QR code only exists while enrolment is pending: once confirmed, the seed is never shown again.
  app.get('/account/security/totp.svg', async (request, reply) => {
    const user = requireUser(request);
    const secret = totpPending(user) ? totpSecretOf(box, user) : undefined;
    if (!secret) throw notFound();
    const svg = await QRCode.toString(totpUri(secret, user.email), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'no-store').send(svg);
  });

  app.post('/account/security/totp/setup', { schema: { body: SetupBody } }, async (request, reply) => {
    const user = requireUser(request);
    if (!hasTotp(user) && (await beginTotpSetup(db, box, user.id))) {
      await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'update', recordType: 'user', recordId: user.id, detail: { totp: 'setup-started' } });
    }
    const { requiredBy } = request.body;
    return reply.redirect(`/account/security${requiredBy && isId(requiredBy) ? `?requiredBy=${requiredBy}` : ''}`, 303);
  });

  app.post('/account/security/totp/cancel', async (request, reply) => {
    const user = requireUser(request);
    // Only an unconfirmed seed can be dropped this way; switching TOTP off needs password and code.
    if (totpPending(user)) {
      await disableTotp(db, user.id);
      await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'update', recordType: 'user', recordId: user.id, detail: { totp: 'setup-cancelled' } });
    }
    return reply.redirect('/account/security?notice=cancelled', 303);
  });

  app.post('/account/security/totp/confirm', { schema: { body: CodeBody }, config: { rateLimit: { max: 20, timeWindow: 60_000 } } }, async (request, reply) => {
    const user = requireUser(request);
    const { code, requiredBy } = request.body;
    if (!totpPending(user)) return reply.redirect('/account/security', 303);
    if (!(await confirmTotpSetup(db, box, user, code))) {
      return securityPage(request, reply, await reload(user.id), { problem: request.t('security.confirmFailed'), problemAt: 'confirm', requiredBy }, 400);
    }
    const codes = await replaceRecoveryCodes(db, user.id);
    // Other sessions signed in with the password alone; from now on that is not enough.
    const ended = request.session ? await revokeOtherSessions(db, user.id, request.session.id) : 0;
    await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'update', recordType: 'user', recordId: user.id, detail: { totp: 'enabled', recoveryCodes: 'created', sessionsEnded: ended } });
    return codesPage(request, reply, user, codes, request.t('security.enabledTitle'), requiredBy);
  });

  app.post('/account/security/recovery-codes', { schema: { body: CodeBody }, config: { rateLimit: { max: 10, timeWindow: 60_000 } } }, async (request, reply) => {
    const user = requireUser(request);
    const t = request.t;
    if (!hasTotp(user)) return reply.redirect('/account/security', 303);
    const attempt = await reserveSignIn(app, user.email, request.ip);
    if (attempt.wait > 0) return securityPage(request, reply, user, { problem: throttledMessage(request, reply, attempt.wait), problemAt: 'regenerate' }, 429);
    if (!(await verifySecondFactor(db, box, user, request.body.code))) {
      return securityPage(request, reply, user, { problem: t('security.codeFailed'), problemAt: 'regenerate' }, 400);
    }
    await attempt.release();
    const codes = await replaceRecoveryCodes(db, user.id);
    await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'update', recordType: 'user', recordId: user.id, detail: { recoveryCodes: 'regenerated' } });
    return codesPage(request, reply, user, codes, t('security.regeneratedTitle'), undefined);
  });

  app.post('/account/security/totp/disable', { schema: { body: DisableBody }, config: { rateLimit: { max: 10, timeWindow: 60_000 } } }, async (request, reply) => {
    const user = requireUser(request);
    const t = request.t;
    if (!hasTotp(user)) return reply.redirect('/account/security', 303);
    const attempt = await reserveSignIn(app, user.email, request.ip);
    if (attempt.wait > 0) return securityPage(request, reply, user, { problem: throttledMessage(request, reply, attempt.wait), problemAt: 'disable' }, 429);
    // The code (perhaps a recovery code) is spent only when the password is right; one
    // message for either mistake, so the form does not confirm a guessed password.
    const passwordOk = await verifyPassword(user.password_hash, request.body.password);
    const codeOk = passwordOk && (await verifySecondFactor(db, box, user, request.body.code)) !== undefined;
    if (!passwordOk || !codeOk) {
      return securityPage(request, reply, user, { problem: t('security.disableFailed'), problemAt: 'disable' }, 400);
    }
    await attempt.release();
    await disableTotp(db, user.id);
    await audit(db, { userId: user.id, ip: request.ip }, { orgId: null, action: 'update', recordType: 'user', recordId: user.id, detail: { totp: 'disabled' } });
    return reply.redirect('/account/security?notice=disabled', 303);
  });
  await Promise.resolve();
};
