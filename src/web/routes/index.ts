/** Every route module, registered in one place so the route table (and the isolation test) sees them all. */
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from '../../accounts/account-routes.js';
import { apiRoutes } from '../../domains/api-routes.js';
import { auditRoutes } from '../../audit/routes.js';
import { authRoutes } from '../../accounts/auth-routes.js';
import { domainRoutes } from '../../domains/routes.js';
import { healthRoutes } from '../health.js';
import { memberRoutes } from '../../accounts/member-routes.js';
import { orgRoutes } from '../../orgs/routes.js';
import { ownPrivacyRoutes } from '../../privacy-statement/own-routes.js';
import { privacyStatementRoutes } from '../../privacy-statement/routes.js';
import { tokenRoutes } from '../../tokens/routes.js';

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
