/** Every route module, registered in one place so the route table (and the isolation test) sees them all. */
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './account.js';
import { apiRoutes } from './api.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { domainRoutes } from './domains.js';
import { healthRoutes } from './health.js';
import { memberRoutes } from './members.js';
import { orgRoutes } from './orgs.js';
import { ownPrivacyRoutes } from './own-privacy.js';
import { privacyStatementRoutes } from './privacy-statement.js';
import { tokenRoutes } from './tokens.js';

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(ownPrivacyRoutes);
  await app.register(accountRoutes);
  await app.register(orgRoutes);
  await app.register(memberRoutes);
  await app.register(domainRoutes);
  await app.register(privacyStatementRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(apiRoutes, { prefix: '/api' });
}
