/**
 * The privacy statement: the generator (generator/, also behind `weerbaar
 * privacy-statement`), an organisation's answers as a form with a preview checked by our
 * own scan check, the same through /api/v1/privacy-statement, and the instance's own
 * statement at /privacy when the operator published one.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Feature } from '../web/feature.js';
import { mergeUiTexts } from '../web/i18n.js';
import { apiPrivacyRoutes } from './api-routes.js';
import type { StatementAnswers } from './generator/index.js';
import { privacyStatementMigration } from './migration.js';
import { ownPrivacyRoutes } from './own-routes.js';
import { privacyStatementRoutes } from './routes.js';
import { PRIVACY_FORM_TEXTS } from './texts-form.js';
import { PRIVACY_TEXTS } from './texts.js';

declare module '../web/deps.js' {
  interface AppConfig {
    /**
     * The operator's own privacy-statement answers (WEERBAAR_PRIVACY_ANSWERS): when given, /privacy
     * shows the statement and every page links to it, as the instance collects personal data itself.
     */
    privacyStatement?: StatementAnswers | undefined;
  }
}

const routes: FastifyPluginAsync = async (app) => {
  await app.register(ownPrivacyRoutes);
  await app.register(privacyStatementRoutes);
};

export const privacyStatementFeature: Feature = {
  name: 'privacy-statement',
  texts: mergeUiTexts([PRIVACY_TEXTS, PRIVACY_FORM_TEXTS]),
  routes,
  api: apiPrivacyRoutes,
  orgTabs: [{ id: 'privacy', path: '/privacy-statement', textKey: 'orgTab.privacy', minimum: 'viewer', order: 30 }],
  footer: (config) => (config.privacyStatement ? [{ href: '/privacy', textKey: 'footer.privacy', order: 10 }] : []),
  migrations: () => ({ '007-privacy-statement': privacyStatementMigration }),
};
