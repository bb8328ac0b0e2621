/** Small helpers for the organisation, member, invitation and audit-log tests. */
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { findUserByEmail } from '../../src/accounts/users.js';
import { nowIso } from '../../src/db/ids.js';
import type { AuditEntry, Database, Role } from '../../src/db/schema.js';
import { signUp, TestClient, type TestApp } from './harness.js';

/** Create an organisation through the form; returns its id. */
export async function createOrgVia(client: TestClient, name: string, kind = 'webshop'): Promise<string> {
  await client.get('/orgs');
  const response = await client.post('/orgs', { name, kind });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
  const id = /^\/orgs\/([0-9a-f-]{36})$/.exec(String(response.headers.location))?.[1];
  if (!id) throw new Error(`unexpected redirect ${String(response.headers.location)}`);
  return id;
}

export async function userId(db: Kysely<Database>, email: string): Promise<string> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

/** A signed-in client for a new user who is already a member with this role (set in the database). */
export async function memberClient(t: TestApp, orgId: string, email: string, role: Role): Promise<{ client: TestClient; id: string }> {
  const client = new TestClient(t.app);
  await signUp(client, email);
  const db = t.database.handle.db;
  const id = await userId(db, email);
  await db.insertInto('memberships').values({ org_id: orgId, user_id: id, role, created_at: nowIso() }).execute();
  return { client, id };
}

export function auditOf(db: Kysely<Database>, orgId: string): Promise<AuditEntry[]> {
  return db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId).orderBy('at').orderBy('id').execute();
}

export async function roleOf(db: Kysely<Database>, orgId: string, id: string): Promise<Role | undefined> {
  const row = await db.selectFrom('memberships').select('role').where('org_id', '=', orgId).where('user_id', '=', id).executeTakeFirst();
  return row?.role;
}
