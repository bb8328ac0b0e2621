/**
 * Passwords: argon2id (OWASP's first choice), at least 12 characters (the sources'
 * own bar), not on the shipped list of common passwords, and not the e-mail address.
 */
import argon2 from 'argon2';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes whatever it gets; a cap keeps a huge body from costing CPU. */
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail';

export function passwordProblem(password: string, email: string): PasswordProblem | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/[0-9!.?]+$/, ''))) return 'common';
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'containsEmail';
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  // argon2id with the library's defaults (m=64 MiB, t=3, p=4), above OWASP's minimum.
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verified against when an account does not exist, so timing does not reveal which e-mails have accounts. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('weerbaar-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
