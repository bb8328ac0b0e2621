/**
 * Who is asking, and may they? Every organisation-scoped handler goes through
 * orgContext(): a user who is not a member gets the same 404 as for a record that does
 * not exist, so ids of other organisations reveal nothing. Records are always looked up
 * with the organisation id in the WHERE clause (see the *ForOrg helpers).
 */
import type { FastifyRequest } from 'fastify';
import type { Org, Role, User } from '../db/schema.js';
import { forbidden, notFound } from './errors.js';

const ROLE_RANK: Record<Role, number> = { viewer: 0, member: 1, owner: 2 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/** Thrown to send the browser elsewhere (e.g. to the login page); the error handler redirects. */
export class Redirect extends Error {
  constructor(readonly location: string) {
    super(`redirect to ${location}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isId = (value: string): boolean => UUID.test(value);

export function requireUser(request: FastifyRequest): User {
  if (request.user) return request.user;
  const next = request.method === 'GET' && request.url.startsWith('/') && !request.url.startsWith('//') ? request.url : '/orgs';
  throw new Redirect(`/login?next=${encodeURIComponent(next)}`);
}

export interface OrgContext {
  user: User;
  org: Org;
  role: Role;
}

export async function orgContext(request: FastifyRequest, orgId: string, minimum: Role = 'viewer'): Promise<OrgContext> {
  const user = requireUser(request);
  // Stryker disable next-line ConditionalExpression: equivalent, a malformed id finds no membership either (ids are text); the guard only saves the query
  if (!isId(orgId)) throw notFound();
  const row = await request.server.deps.database.db
    .selectFrom('memberships')
    .innerJoin('orgs', 'orgs.id', 'memberships.org_id')
    .selectAll('orgs')
    .select('memberships.role')
    .where('memberships.org_id', '=', orgId)
    .where('memberships.user_id', '=', user.id)
    .executeTakeFirst();
  if (!row) throw notFound();
  const { role, ...org } = row;
  if (org.require_totp && !user.totp_enabled_at) throw new Redirect(`/account/security?requiredBy=${org.id}`);
  if (!roleAtLeast(role, minimum)) throw forbidden();
  return { user, org, role };
}

/** Who did something, as the audit log records it: a user or an API token, and the address. */
export interface Actor {
  userId: string | null;
  apiTokenId?: string | null;
  ip: string | null;
}

/** The signed-in user and the client's address. */
export const actorOf = (request: FastifyRequest): Actor => ({
  userId: request.user?.id ?? null,
  ip: request.ip,
});
