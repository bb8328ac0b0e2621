/**
 * Domains and scans: an organisation's overview (its domains, latest scores, what to fix
 * first), a domain's scan history, one scan's results and what changed since the scan
 * before, and the same through /api/v1/domains and /api/v1/scans. Scans run on the queue
 * in src/jobs/ with the engine in src/scan/.
 */
import type { Feature } from '../web/feature.js';
import { mergeUiTexts } from '../web/i18n.js';
import { domainApiRoutes } from './api-routes.js';
import { scansWithoutFileContentMigration } from './migration.js';
import { domainRoutes } from './routes.js';
import { DOMAIN_PROBLEM_TEXTS } from './texts-problems.js';
import { SCANS_TEXTS } from './texts.js';

export const domainsFeature: Feature = {
  name: 'domains',
  texts: mergeUiTexts([SCANS_TEXTS, DOMAIN_PROBLEM_TEXTS]),
  routes: domainRoutes,
  api: domainApiRoutes,
  orgTabs: [{ id: 'overview', path: '', textKey: 'orgTab.overview', minimum: 'viewer', order: 10 }],
  migrations: () => ({ '009-scans-without-file-content': scansWithoutFileContentMigration }),
};
