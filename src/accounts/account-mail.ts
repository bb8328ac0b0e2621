/**
 * The e-mails the accounts feature sends about an account itself (verify the address,
 * reset the password), in the account's language, and a way to send one off the request
 * path: the "forgot password" answer must take the same time whether the address has an
 * account or not, so the request does no work that depends on it.
 */
import type { FastifyInstance } from 'fastify';
import { isLang, type Lang } from '../core/lang.js';
import type { User } from '../db/schema.js';
import { EMAIL_TOKEN_LIFETIME_MS, issueToken, mayIssueToken, type EmailTokenPurpose } from './email-tokens.js';

const PATHS: Record<EmailTokenPurpose, string> = { verify: '/verify-email/', reset: '/password/reset/' };

/** The user's chosen language, else the one of the page they were on. */
export function mailLang(user: Pick<User, 'lang'>, fallback: Lang): Lang {
  return user.lang && isLang(user.lang) ? user.lang : fallback;
}

/**
 * Issue a link of this kind and mail it, unless the flood guard says not now.
 * Returns 'sent', 'limited' or 'failed' (the relay refused; logged).
 */
export async function sendAccountLink(app: FastifyInstance, user: User, purpose: EmailTokenPurpose, lang: Lang): Promise<'sent' | 'limited' | 'failed'> {
  const db = app.deps.database.db;
  if (!(await mayIssueToken(db, user.id, purpose))) return 'limited';
  const token = await issueToken(db, { userId: user.id, email: user.email, purpose });
  const link = `${app.deps.config.baseUrl.replace(/\/+$/, '')}${PATHS[purpose]}${token}`;
  const t = app.translate(mailLang(user, lang));
  const hours = EMAIL_TOKEN_LIFETIME_MS[purpose] / 3_600_000;
  try {
    // Subjects are fixed catalogue sentences: no text a user typed ever goes there.
    await app.deps.mailer.send({ to: user.email, subject: t(`accountMail.${purpose}.subject`), text: t(`accountMail.${purpose}.body`, { link, count: hours }) });
    return 'sent';
  } catch (error) {
    app.log.warn({ err: error, userId: user.id, purpose }, 'account e-mail could not be sent');
    return 'failed';
  }
}

/**
 * Work started by a request but not awaited by it. Call while the plugin registers (hooks
 * cannot be added later); the app waits for what is still running when it closes.
 */
export function backgroundRunner(app: FastifyInstance): (work: () => Promise<unknown>) => void {
  const running = new Set<Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });
  return (work) => {
    const job: Promise<unknown> = work()
      .catch((error: unknown) => app.log.error({ err: error }, 'background account work failed'))
      .finally(() => running.delete(job));
    running.add(job);
  };
}
