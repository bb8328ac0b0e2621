/**
 * Recovery codes: ten single-use codes shown once when TOTP is switched on, for the
 * day the phone is lost. Stored as SHA-256 only (they are random, ~59 bits each, and
 * sign-in attempts are throttled, so a slow hash adds nothing).
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashSecret, newId, nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/i/l: codes are read off paper and typed by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** One new code, like "k7pm-3xqa-vn2d". */
export function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Case, spaces and dashes do not matter; undefined when the input cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | undefined {
  const compact = input.toLowerCase().replace(/[\s-]/g, '');
  return compact.length === GROUPS * GROUP_LENGTH && [...compact].every((ch) => ALPHABET.includes(ch)) ? compact : undefined;
}

const hashCode = (code: string): string => hashSecret(`recovery:${normaliseRecoveryCode(code) ?? code}`);

/** Replace the user's codes with a new set; returns the codes in clear, to show once. */
export async function replaceRecoveryCodes(db: Kysely<Database>, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(codes.map((code) => ({ id: newId(), user_id: userId, code_hash: hashCode(code), used_at: null })))
      .execute();
  });
  return codes;
}

/** Spend a code: true exactly once per code (a conditional UPDATE, so two racing requests cannot both win). */
export async function useRecoveryCode(db: Kysely<Database>, userId: string, input: string, now = new Date()): Promise<boolean> {
  const code = normaliseRecoveryCode(input);
  if (!code) return false;
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: nowIso(now) })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashCode(code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function unusedRecoveryCodes(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
