/**
 * TOTP second factor (RFC 6238 as every authenticator app speaks it: SHA-1, 6 digits,
 * 30-second steps). The seed is stored sealed with the instance key; a code is accepted
 * one step either side of now, and each accepted step is written down so the same code
 * (or an older one) cannot be used twice.
 */
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import type { SecretBox } from '../core/secret-box.js';
import { nowIso } from '../db/ids.js';
import type { Database, User } from '../db/schema.js';
import { useRecoveryCode } from './recovery-codes.js';

export const TOTP_ISSUER = 'Weerbaar';
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Steps either side of now: allows a phone clock that is up to half a minute off. */
export const TOTP_WINDOW = 1;
/** How long a password-checked sign-in may wait for its second step. */
export const PENDING_SIGN_IN_MS = 10 * 60 * 1000;

const OPTIONS = { algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS } as const;

/** A new random seed (160 bits, the RFC's recommendation for SHA-1), as base32. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountName: string): string {
  return new TOTP({ issuer: TOTP_ISSUER, label: accountName, secret: Secret.fromBase32(secretBase32), ...OPTIONS }).toString();
}

/** "123 456" and "123456" are the same code; anything else is not a TOTP code. */
export function normaliseTotpCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code) ? code : undefined;
}

/** The time step the code belongs to (within the window), or undefined when it matches none. */
export function matchTotpStep(secretBase32: string, input: string, now = new Date()): number | undefined {
  const token = normaliseTotpCode(input);
  if (!token) return undefined;
  const timestamp = now.getTime();
  const delta = TOTP.validate({ token, secret: Secret.fromBase32(secretBase32), timestamp, window: TOTP_WINDOW, ...OPTIONS });
  if (delta === null) return undefined;
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp }) + delta;
}

/** The user's seed in clear, or undefined when there is none (or it no longer opens). */
export function totpSecretOf(box: SecretBox, user: Pick<User, 'totp_secret_enc'>): string | undefined {
  if (!user.totp_secret_enc) return undefined;
  try {
    return box.open(user.totp_secret_enc);
  } catch {
    return undefined;
  }
}

export const hasTotp = (user: Pick<User, 'totp_enabled_at'>): boolean => Boolean(user.totp_enabled_at);
/** A seed was generated but not yet confirmed with a code. */
export const totpPending = (user: Pick<User, 'totp_enabled_at' | 'totp_secret_enc'>): boolean => !user.totp_enabled_at && Boolean(user.totp_secret_enc);

/** Start (or restart) enrolment: a fresh seed, sealed, not yet in force. Returns the seed. */
export async function beginTotpSetup(db: Kysely<Database>, box: SecretBox, userId: string): Promise<string | undefined> {
  const secret = newTotpSecret();
  const result = await db
    .updateTable('users')
    .set({ totp_secret_enc: box.seal(secret), totp_last_step: null })
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? secret : undefined;
}

/**
 * Check a code against the user's seed and, in the same statement that records it,
 * refuse a step at or before the last accepted one. Two requests racing with one code:
 * only one UPDATE matches.
 */
export async function acceptTotpCode(db: Kysely<Database>, box: SecretBox, user: User, input: string, now = new Date()): Promise<boolean> {
  const secret = totpSecretOf(box, user);
  if (!secret) return false;
  const step = matchTotpStep(secret, input, now);
  if (step === undefined) return false;
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', user.id)
    // The seed checked above must still be the stored one (not replaced meanwhile).
    .where('totp_secret_enc', '=', user.totp_secret_enc)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Finish enrolment with a first code; true when TOTP is now in force. */
export async function confirmTotpSetup(db: Kysely<Database>, box: SecretBox, user: User, input: string, now = new Date()): Promise<boolean> {
  if (!totpPending(user)) return false;
  if (!(await acceptTotpCode(db, box, user, input, now))) return false;
  const result = await db
    .updateTable('users')
    .set({ totp_enabled_at: nowIso(now) })
    .where('id', '=', user.id)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Turn the second factor off: the seed, its replay marker and the recovery codes go. */
export async function disableTotp(db: Kysely<Database>, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', userId).execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  });
}

/**
 * The second factor as a sign-in (or a sensitive change) takes it: a current TOTP code,
 * or else one unused recovery code. Says which one worked, or undefined.
 */
export async function verifySecondFactor(db: Kysely<Database>, box: SecretBox, user: User, input: string, now = new Date()): Promise<'totp' | 'recovery' | undefined> {
  if (!hasTotp(user)) return undefined;
  if (normaliseTotpCode(input)) return (await acceptTotpCode(db, box, user, input, now)) ? 'totp' : undefined;
  return (await useRecoveryCode(db, user.id, input, now)) ? 'recovery' : undefined;
}
