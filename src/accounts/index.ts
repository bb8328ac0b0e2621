/**
 * Accounts: sign-up and sign-in (password, then TOTP), the account page (profile,
 * password, sessions, second factor, recovery codes), the members of an organisation and
 * invitations. The session store itself is the shell's (src/web/sessions.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Feature } from '../web/feature.js';
import { accountRoutes } from './account-routes.js';
import { authRoutes } from './auth-routes.js';
import { memberRoutes } from './member-routes.js';
import { ACCOUNT_TEXTS } from './texts-account.js';
import { AUTH_TEXTS } from './texts-auth.js';
import { MEMBERS_TEXTS } from './texts-members.js';
import { mergeUiTexts } from '../web/i18n.js';
import { accountsEmailMigration } from './migration.js';
import { resetRoutes } from './reset-routes.js';
import { verifyRoutes } from './verify-routes.js';
import { ACCOUNT_MAIL_TEXTS } from './texts-mail.js';

const routes: FastifyPluginAsync = async (app) => {
  await app.register(authRoutes);
  await app.register(verifyRoutes);
  await app.register(resetRoutes);
  await app.register(accountRoutes);
  await app.register(memberRoutes);
};

export const accountsFeature: Feature = {
  name: 'accounts',
  texts: mergeUiTexts([AUTH_TEXTS, ACCOUNT_TEXTS, MEMBERS_TEXTS, ACCOUNT_MAIL_TEXTS]),
  routes,
  orgTabs: [{ id: 'members', path: '/members', textKey: 'orgTab.members', minimum: 'viewer', order: 20 }],
  migrations: () => ({ '008-accounts-email': accountsEmailMigration }),
  nav: {
    signedIn: [
      { href: '/account', textKey: 'nav.account', order: 20 },
      { href: '/logout', textKey: 'nav.signOut', method: 'post', order: 90 },
    ],
    signedOut: [
      { href: '/login', textKey: 'nav.signIn', order: 10 },
      { href: '/signup', textKey: 'nav.signUp', order: 20 },
    ],
  },
};
