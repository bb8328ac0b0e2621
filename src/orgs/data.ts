/**
 * Organisations: creating one, the user's list, settings and membership changes. Every rule that protects an
 * organisation from losing its last owner lives here, inside one transaction that
 * first locks the organisation's row, so two owners demoting each other at the same
 * moment cannot both succeed (PostgreSQL runs transactions concurrently; SQLite
 * serialises writers anyway).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { newId, nowIso } from '../db/ids.js';
import type { Database, Org, OrgKind, Role } from '../db/schema.js';
import { revokeTokensCreatedBy } from '../tokens/data.js';

export interface MemberRow {
  user_id: string;
  display_name: string;
  email: string;
  role: Role;
  created_at: string;
  totp_enabled_at: string | null;
}

export function membersOf(db: Kysely<Database>, orgId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id', 'users.display_name', 'users.email', 'memberships.role', 'memberships.created_at', 'users.totp_enabled_at'])
    .where('memberships.org_id', '=', orgId)
    .orderBy('users.display_name')
    .orderBy('users.email')
    .execute();
}

export function membershipOf(db: Kysely<Database>, orgId: string, userId: string): Promise<{ role: Role } | undefined> {
  return db.selectFrom('memberships').select('role').where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
}

export interface OrgSettings {
  name: string;
  kind: OrgKind;
  requireTotp: boolean;
}

/** What changed, as `{field: {from, to}}`; empty when nothing did (then nothing is written). */
export type SettingsChange = Partial<Record<'name' | 'kind' | 'require_totp', { from: string | boolean; to: string | boolean }>>;

export async function updateOrgSettings(db: Kysely<Database>, org: Org, next: OrgSettings): Promise<SettingsChange> {
  const change: SettingsChange = {};
  const name = next.name.trim();
  if (name !== org.name) change.name = { from: org.name, to: name };
  if (next.kind !== org.kind) change.kind = { from: org.kind, to: next.kind };
  if (next.requireTotp !== (org.require_totp === 1)) change.require_totp = { from: org.require_totp === 1, to: next.requireTotp };
  if (Object.keys(change).length > 0) {
    await db
      .updateTable('orgs')
      .set({ name, kind: next.kind, require_totp: next.requireTotp ? 1 : 0 })
      .where('id', '=', org.id)
      .execute();
  }
  return change;
}

/** Take the organisation's row lock (a no-op UPDATE) so owner counts stay true until commit. */
async function lockOrg(trx: Transaction<Database>, orgId: string): Promise<void> {
  await trx
    .updateTable('orgs')
    .set({ id: sql<string>`id` })
    .where('id', '=', orgId)
    .execute();
}

async function ownerCount(trx: Transaction<Database>, orgId: string): Promise<number> {
  const row = await trx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string | number>().as('owners'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.owners);
}

export type MembershipChangeResult = { outcome: 'done'; previousRole: Role } | { outcome: 'notMember' } | { outcome: 'lastOwner' } | { outcome: 'unchanged' };

export function changeRole(db: Kysely<Database>, orgId: string, userId: string, role: Role): Promise<MembershipChangeResult> {
  return db.transaction().execute(async (trx): Promise<MembershipChangeResult> => {
    await lockOrg(trx, orgId);
    const current = await trx.selectFrom('memberships').select('role').where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
    if (!current) return { outcome: 'notMember' };
    if (current.role === role) return { outcome: 'unchanged' };
    if (current.role === 'owner' && (await ownerCount(trx, orgId)) <= 1) return { outcome: 'lastOwner' };
    await trx.updateTable('memberships').set({ role }).where('org_id', '=', orgId).where('user_id', '=', userId).execute();
    if (current.role === 'owner') await revokeOpenInvitationsBy(trx, orgId, userId);
    return { outcome: 'done', previousRole: current.role };
  });
}

/** A removal that happened also revoked the API tokens the member had created in the organisation. */
export type RemovalResult = { outcome: 'done'; previousRole: Role; revokedTokens: { id: string; name: string }[] } | Exclude<MembershipChangeResult, { outcome: 'done' }>;

/**
 * End a membership (removed by an owner, or left). What carried the member's authority
 * ends with it, in the same transaction: their open invitations and their API tokens.
 */
export function removeMember(db: Kysely<Database>, orgId: string, userId: string): Promise<RemovalResult> {
  return db.transaction().execute(async (trx): Promise<RemovalResult> => {
    await lockOrg(trx, orgId);
    const current = await trx.selectFrom('memberships').select('role').where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
    if (!current) return { outcome: 'notMember' };
    if (current.role === 'owner' && (await ownerCount(trx, orgId)) <= 1) return { outcome: 'lastOwner' };
    await trx.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
    await revokeOpenInvitationsBy(trx, orgId, userId);
    const revokedTokens = await revokeTokensCreatedBy(trx, orgId, userId);
    return { outcome: 'done', previousRole: current.role, revokedTokens };
  });
}

/** An invitation carries its sender's authority: once they are no longer an owner, their open links stop working. */
async function revokeOpenInvitationsBy(trx: Kysely<Database>, orgId: string, userId: string): Promise<void> {
  await trx
    .updateTable('invitations')
    .set({ revoked_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('invited_by', '=', userId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Add a membership inside a caller's transaction; an existing membership is left as it is. */
export async function addMembership(trx: Kysely<Database>, orgId: string, userId: string, role: Role, now = new Date()): Promise<'added' | 'alreadyMember'> {
  const existing = await trx.selectFrom('memberships').select('role').where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
  if (existing) return 'alreadyMember';
  await trx.insertInto('memberships').values({ org_id: orgId, user_id: userId, role, created_at: nowIso(now) }).execute();
  return 'added';
}

/**
 * A new organisation with its first owner. Without ownerId it starts with no members:
 * only `weerbaar admin org create` does that, for an owner who has no account yet and
 * becomes owner by accepting the invitation it creates.
 */
export async function createOrg(db: Kysely<Database>, input: { name: string; kind: OrgKind; ownerId: string | undefined }): Promise<Org> {
  const org: Org = { id: newId(), name: input.name.trim(), kind: input.kind, require_totp: 0, created_at: nowIso() };
  const { ownerId } = input;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('orgs').values(org).execute();
    if (ownerId !== undefined) await trx.insertInto('memberships').values({ org_id: org.id, user_id: ownerId, role: 'owner', created_at: org.created_at }).execute();
  });
  return org;
}

/** The organisations an operator means by REF: the one with that id, else every one with exactly that name (oldest first). */
export async function orgsByIdOrName(db: Kysely<Database>, ref: string): Promise<Org[]> {
  const byId = await db.selectFrom('orgs').selectAll().where('id', '=', ref).executeTakeFirst();
  if (byId) return [byId];
  return db.selectFrom('orgs').selectAll().where('name', '=', ref).orderBy('created_at').orderBy('id').execute();
}

export function orgsOfUser(db: Kysely<Database>, userId: string): Promise<(Org & { role: Role })[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('orgs', 'orgs.id', 'memberships.org_id')
    .selectAll('orgs')
    .select('memberships.role')
    .where('memberships.user_id', '=', userId)
    .orderBy('orgs.name')
    .execute();
}
