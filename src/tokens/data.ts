/**
 * API tokens in the database: create (the token string is returned once and never
 * stored, only its SHA-256), the list with who created each, and revoking every token
 * a person created in an organisation when they leave it or are removed from it.
 */
import type { Kysely } from 'kysely';
import { hashSecret, newId, newSecret, nowIso } from '../db/ids.js';
import type { ApiToken, Database } from '../db/schema.js';

export const API_TOKEN_PREFIX = 'wb_';
/** Characters shown in lists so tokens can be told apart ('wb_' + 8): too few to help guessing. */
const SHOWN_PREFIX_LENGTH = 11;

/**
 * A new token for an organisation; returns the token string, which is never stored.
 * createdBy is a user id, or an operator reference (operatorRef in src/audit/audit.ts) for
 * a token made with `weerbaar admin token create`.
 */
export async function createApiToken(
  db: Kysely<Database>,
  input: { orgId: string; name: string; createdBy: string },
): Promise<{ token: string; row: ApiToken }> {
  const token = API_TOKEN_PREFIX + newSecret();
  const row: ApiToken = {
    id: newId(),
    org_id: input.orgId,
    name: input.name,
    prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
    token_hash: hashSecret(token),
    created_by: input.createdBy,
    created_at: nowIso(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return { token, row };
}

export interface TokenListRow {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  created_by: string;
  /** The creator's account, when created_by is one that still exists. */
  creator_name: string | null;
  creator_email: string | null;
}

/** The organisation's tokens, newest first, each with its creator's name and e-mail address. */
export function tokensOf(db: Kysely<Database>, orgId: string): Promise<TokenListRow[]> {
  return db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.prefix',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
      'api_tokens.created_by',
      'users.display_name as creator_name',
      'users.email as creator_email',
    ])
    .where('api_tokens.org_id', '=', orgId)
    .orderBy('api_tokens.created_at', 'desc')
    .execute();
}

/**
 * Revoke every still active token this user created in this organisation (call it in the
 * transaction that ends their membership): a token acts with its creator's authority, so
 * it must not outlive it. Returns the tokens revoked, for the audit log and the message.
 */
export function revokeTokensCreatedBy(db: Kysely<Database>, orgId: string, userId: string, now = new Date()): Promise<{ id: string; name: string }[]> {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso(now) })
    .where('org_id', '=', orgId)
    .where('created_by', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .execute();
}
