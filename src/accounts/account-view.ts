/** The user's organisations that require a second factor (the account pages warn before TOTP is switched off). */
import type { Kysely } from 'kysely';
import type { Database, Org } from '../db/schema.js';

/** Organisations the user belongs to that require a second factor of their members. */
export function orgsRequiringTotp(db: Kysely<Database>, userId: string): Promise<Pick<Org, 'id' | 'name'>[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('orgs', 'orgs.id', 'memberships.org_id')
    .select(['orgs.id', 'orgs.name'])
    .where('memberships.user_id', '=', userId)
    .where('orgs.require_totp', '=', 1)
    .orderBy('orgs.name')
    .execute();
}
