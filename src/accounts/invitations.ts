/**
 * Invitations by e-mail link. The link carries a random secret; only its SHA-256 is
 * stored. A link works once (accepted_at), for seven days, and until an owner revokes
 * it. Accepting marks the invitation used with a conditional UPDATE, so two clicks at
 * the same moment cannot both create a membership.
 */
import type { Kysely } from 'kysely';
import { hashSecret, newId, newSecret, nowIso } from '../db/ids.js';
import type { Database, Invitation, Role } from '../db/schema.js';
import { addMembership } from '../orgs/data.js';
import { normaliseEmail } from './users.js';

export const INVITATION_DAYS = 7;
/**
 * Invitations one account may send in 24 hours, across all its organisations. Each one is
 * an e-mail from the instance's own address to any inbox; a real team rarely invites more
 * than a handful a day, and a spammer gets at most this many mails per verified account.
 */
export const INVITATIONS_PER_DAY = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

export type InvitationState = 'pending' | 'expired' | 'accepted' | 'revoked';

export function invitationState(invitation: Pick<Invitation, 'accepted_at' | 'revoked_at' | 'expires_at'>, now = new Date()): InvitationState {
  if (invitation.accepted_at) return 'accepted';
  if (invitation.revoked_at) return 'revoked';
  if (invitation.expires_at <= nowIso(now)) return 'expired';
  return 'pending';
}

export interface NewInvitation {
  orgId: string;
  email: string;
  role: Role;
  invitedBy: string;
}

/**
 * Create an invitation and return the secret for the link (shown nowhere else). Earlier
 * open invitations for the same address in this organisation are revoked, so only the
 * newest link works.
 */
export async function createInvitation(
  db: Kysely<Database>,
  input: NewInvitation,
  now = new Date(),
): Promise<{ invitation: Invitation; token: string; replaced: string[] }> {
  const token = newSecret();
  const invitation: Invitation = {
    id: newId(),
    org_id: input.orgId,
    email: normaliseEmail(input.email),
    role: input.role,
    token_hash: hashSecret(token),
    invited_by: input.invitedBy,
    expires_at: nowIso(new Date(now.getTime() + INVITATION_DAYS * DAY_MS)),
    accepted_at: null,
    revoked_at: null,
    created_at: nowIso(now),
  };
  const replaced = await db.transaction().execute(async (trx) => {
    const open = await trx
      .updateTable('invitations')
      .set({ revoked_at: nowIso(now) })
      .where('org_id', '=', input.orgId)
      .where('email', '=', invitation.email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    await trx.insertInto('invitations').values(invitation).execute();
    return open.map((row) => row.id);
  });
  return { invitation, token, replaced };
}

export interface InvitationWithOrg extends Invitation {
  org_name: string;
  inviter_name: string | null;
}

/** The invitation behind a link, whatever its state; undefined when the token is unknown. */
export function findInvitationByToken(db: Kysely<Database>, token: string): Promise<InvitationWithOrg | undefined> {
  return db
    .selectFrom('invitations')
    .innerJoin('orgs', 'orgs.id', 'invitations.org_id')
    .leftJoin('users', 'users.id', 'invitations.invited_by')
    .selectAll('invitations')
    .select(['orgs.name as org_name', 'users.display_name as inviter_name'])
    .where('invitations.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
}

/** How many invitations this account has sent since the given moment (withdrawn and used ones count too). */
export async function invitationsSentSince(db: Kysely<Database>, userId: string, since: Date): Promise<number> {
  const { count } = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('invited_by', '=', userId)
    .where('created_at', '>', nowIso(since))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Invitations not yet used or revoked (expired ones included, so an owner sees them lapse). */
export function openInvitations(db: Kysely<Database>, orgId: string): Promise<Invitation[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revoke an open invitation of this organisation; undefined when there is none with that id. */
export async function revokeInvitation(db: Kysely<Database>, orgId: string, invitationId: string, now = new Date()): Promise<Invitation | undefined> {
  return db
    .updateTable('invitations')
    .set({ revoked_at: nowIso(now) })
    .where('id', '=', invitationId)
    .where('org_id', '=', orgId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export type AcceptResult = { outcome: 'added' | 'alreadyMember'; invitation: Invitation } | { outcome: 'gone' };

/**
 * Use the invitation for this user: marks it accepted (only if still open and unexpired)
 * and adds the membership, in one transaction. 'gone' when it was used, revoked or
 * expired in the meantime.
 */
export function acceptInvitation(db: Kysely<Database>, invitationId: string, userId: string, now = new Date()): Promise<AcceptResult> {
  return db.transaction().execute(async (trx): Promise<AcceptResult> => {
    const invitation = await trx
      .updateTable('invitations')
      .set({ accepted_at: nowIso(now) })
      .where('id', '=', invitationId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', nowIso(now))
      .returningAll()
      .executeTakeFirst();
    if (!invitation) return { outcome: 'gone' };
    const outcome = await addMembership(trx, invitation.org_id, userId, invitation.role, now);
    return { outcome, invitation };
  });
}
