/**
 * The audit log: who created, changed, deleted or viewed which record, when and from
 * where. Append-only (the database refuses UPDATE and DELETE, see migration 001); the
 * app has no route that edits it.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { newId, nowIso } from '../db/ids.js';
import type { AuditEntry, AuditLogTable, Database } from '../db/schema.js';
import type { Actor } from '../web/context.js';

export type { Actor } from '../web/context.js';

export interface AuditEvent {
  orgId: string | null;
  action: AuditLogTable['action'];
  recordType: string;
  recordId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Views are the most frequent entries (every dashboard and scan page), and on
 * PostgreSQL each commit waits for a WAL flush: in the platform benchmark that one wait
 * took the dashboard's p99 at 200 req/s from 18 ms to over 200 ms. So a view entry is
 * committed without waiting for the flush (synchronous_commit off, for that transaction
 * only): it can be lost only if the database server itself crashes within the WAL
 * writer's delay (0.2 s by default), never corrupted. Changes keep the full guarantee.
 * This matches SQLite's synchronous=NORMAL (src/db/connect.ts).
 */
export async function audit(db: Kysely<Database>, actor: Actor, event: AuditEvent, now = new Date()): Promise<void> {
  if (event.action === 'view' && db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL synchronous_commit TO OFF`.execute(trx);
      await insertEntry(trx, actor, event, now);
    });
    return;
  }
  await insertEntry(db, actor, event, now);
}

async function insertEntry(db: Kysely<Database>, actor: Actor, event: AuditEvent, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(now),
      org_id: event.orgId,
      user_id: actor.userId,
      api_token_id: actor.apiTokenId ?? null,
      ip: actor.ip,
      action: event.action,
      record_type: event.recordType,
      record_id: event.recordId ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    })
    .execute();
}

/**
 * An operator at the command line (`weerbaar admin ...`): no account, no token, no address.
 * Known by the operating-system user who ran the command, which is what the log can tell.
 */
export interface Operator {
  osUser: string;
}

const OPERATOR_REF = 'cli:';

/**
 * How a record that names its creator (api_tokens.created_by, invitations.invited_by)
 * names an operator: 'cli:<os user>', which no user id (a UUID) can be.
 */
export const operatorRef = (operator: Operator): string => `${OPERATOR_REF}${operator.osUser}`;

/** The operator's OS user name when the reference names an operator. */
export const operatorOfRef = (ref: string | null): string | undefined => (ref?.startsWith(OPERATOR_REF) ? ref.slice(OPERATOR_REF.length) : undefined);

/**
 * An operator's action in the audit log: no user, token or address, and the detail says
 * `"via": "cli"` and `"operator": "<os user>"`, which the log page shows as the actor.
 */
export function auditByOperator(db: Kysely<Database>, operator: Operator, event: AuditEvent): Promise<void> {
  return audit(db, { userId: null, ip: null }, { ...event, detail: { ...event.detail, via: 'cli', operator: operator.osUser } });
}

/** The operator named in an audit entry's detail (auditByOperator), if any. */
export function operatorOfDetail(detail: string | null): string | undefined {
  if (!detail?.includes('"via":"cli"')) return undefined;
  try {
    const parsed = JSON.parse(detail) as { via?: unknown; operator?: unknown };
    return parsed.via === 'cli' ? (typeof parsed.operator === 'string' ? parsed.operator : '') : undefined;
  } catch {
    return undefined;
  }
}

export async function auditEntries(
  db: Kysely<Database>,
  orgId: string,
  page: { limit: number; before?: string | undefined },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
  if (page.before) query = query.where('at', '<', page.before);
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}
