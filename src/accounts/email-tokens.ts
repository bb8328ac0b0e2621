/**
 * Single-use links sent by e-mail to prove a mailbox: "verify your address" (48 hours)
 * and "reset your password" (1 hour). The link carries a random secret; only its SHA-256
 * is stored. A link is used with a conditional UPDATE (unused, unexpired, for the address
 * the account still has), so two clicks at the same moment cannot both succeed.
 * The table and the users.email_verified_at column come from this feature's migration
 * (migration.ts).
 */
import type { ColumnType, Kysely } from 'kysely';
import { hashSecret, newId, newSecret, nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';

export type EmailTokenPurpose = 'verify' | 'reset';

export const EMAIL_TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  verify: 48 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
};

/**
 * At most this many links of one kind per account per hour, and none within a minute of
 * the previous one: "send again" and "forgot password" cannot be used to flood a mailbox.
 */
export const EMAIL_TOKENS_PER_HOUR = 5;
export const EMAIL_TOKEN_GAP_MS = 60 * 1000;

export interface EmailTokensTable {
  id: string;
  user_id: string;
  purpose: EmailTokenPurpose;
  /** The address the link was sent to; the link proves only that mailbox. */
  email: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

declare module '../db/schema.js' {
  interface Database {
    /** Created by this feature's migration (migration.ts). */
    email_tokens: EmailTokensTable;
  }
  interface UsersTable {
    /** When the owner of the address proved it (a link from us); null until then. Optional on insert. */
    email_verified_at: ColumnType<string | null, string | null | undefined, string | null>;
  }
}

/** May another link of this kind go to this account now? (the flood guard above) */
export async function mayIssueToken(db: Kysely<Database>, userId: string, purpose: EmailTokenPurpose, now = new Date()): Promise<boolean> {
  const recent = await db
    .selectFrom('email_tokens')
    .select('created_at')
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('created_at', '>', nowIso(new Date(now.getTime() - 60 * 60 * 1000)))
    .orderBy('created_at', 'desc')
    .execute();
  if (recent.length >= EMAIL_TOKENS_PER_HOUR) return false;
  const last = recent[0];
  return !last || Date.parse(last.created_at) <= now.getTime() - EMAIL_TOKEN_GAP_MS;
}

/** A new link secret for this account and address; earlier unused links of the same kind stop working. */
export async function issueToken(db: Kysely<Database>, input: { userId: string; email: string; purpose: EmailTokenPurpose }, now = new Date()): Promise<string> {
  const token = newSecret();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('email_tokens')
      .set({ used_at: nowIso(now) })
      .where('user_id', '=', input.userId)
      .where('purpose', '=', input.purpose)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('email_tokens')
      .values({
        id: newId(),
        user_id: input.userId,
        purpose: input.purpose,
        email: input.email,
        token_hash: hashSecret(token),
        created_at: nowIso(now),
        expires_at: nowIso(new Date(now.getTime() + EMAIL_TOKEN_LIFETIME_MS[input.purpose])),
        used_at: null,
      })
      .execute();
  });
  return token;
}

export interface UsableToken {
  id: string;
  user_id: string;
  email: string;
}

/** The link's token if it can still be used (unused, unexpired, the account's current address); nothing is changed. */
export function findUsableToken(db: Kysely<Database>, token: string, purpose: EmailTokenPurpose, now = new Date()): Promise<UsableToken | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return Promise.resolve(undefined);
  return db
    .selectFrom('email_tokens')
    .innerJoin('users', 'users.id', 'email_tokens.user_id')
    .select(['email_tokens.id', 'email_tokens.user_id', 'email_tokens.email'])
    .where('email_tokens.token_hash', '=', hashSecret(token))
    .where('email_tokens.purpose', '=', purpose)
    .where('email_tokens.used_at', 'is', null)
    .where('email_tokens.expires_at', '>', nowIso(now))
    .whereRef('users.email', '=', 'email_tokens.email')
    .executeTakeFirst();
}

/** Use the link once: true for exactly one caller. */
export async function consumeToken(db: Kysely<Database>, tokenId: string, now = new Date()): Promise<boolean> {
  const used = await db
    .updateTable('email_tokens')
    .set({ used_at: nowIso(now) })
    .where('id', '=', tokenId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso(now))
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/** The mailbox is proven: mark the account verified (once; the first proof's time is kept). */
export async function markVerified(db: Kysely<Database>, userId: string, now = new Date()): Promise<void> {
  await db.updateTable('users').set({ email_verified_at: nowIso(now) }).where('id', '=', userId).where('email_verified_at', 'is', null).execute();
}
