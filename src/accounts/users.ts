/** Users: the few writes every module relies on. */
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../db/ids.js';
import type { Database, User } from '../db/schema.js';
import { hashPassword } from './passwords.js';
import './email-tokens.js';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** A pragmatic address check (the HTML form's own rule): something@something.tld, no spaces. */
export const isEmail = (email: string): boolean => email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);

export async function createUser(
  db: Kysely<Database>,
  input: { email: string; displayName: string; password: string; lang?: string | null; isAdmin?: boolean; emailVerified?: boolean },
  now = new Date(),
): Promise<User> {
  const user: User = {
    id: newId(),
    email: normaliseEmail(input.email),
    display_name: input.displayName.trim(),
    password_hash: await hashPassword(input.password),
    lang: input.lang ?? null,
    is_admin: input.isAdmin ? 1 : 0,
    totp_secret_enc: null,
    totp_enabled_at: null,
    totp_last_step: null,
    created_at: nowIso(now),
    // Unverified unless the caller holds proof: an invitation link, or the operator's own command.
    email_verified_at: input.emailVerified ? nowIso(now) : null,
  };
  await db.insertInto('users').values(user).execute();
  return user;
}

export function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}
