/**
 * The audit log: every feature records who created, changed, deleted or viewed which
 * record with audit() (audit.ts); owners read it here and export it as CSV or JSON.
 */
import type { Feature } from '../web/feature.js';
import { auditRoutes } from './routes.js';
import { AUDIT_TEXTS } from './texts.js';

export const auditFeature: Feature = {
  name: 'audit',
  texts: AUDIT_TEXTS,
  routes: auditRoutes,
  orgTabs: [{ id: 'audit', path: '/audit', textKey: 'orgTab.audit', minimum: 'owner', order: 50 }],
};
