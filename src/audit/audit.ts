/**
 * The audit log: who created, changed, deleted or viewed which record, when and from
 * where. Append-only (the database refuses UPDATE and DELETE, see migration 001); the
 * app has no route that edits it.
 */
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../db/ids.js';
import type { AuditEntry, AuditLogTable, Database } from '../db/schema.js';

export interface Actor {
  userId: string | null;
  apiTokenId?: string | null;
  ip: string | null;
}

export interface AuditEvent {
  orgId: string | null;
  action: AuditLogTable['action'];
  recordType: string;
  recordId?: string | null;
  detail?: Record<string, unknown>;
}

export async function audit(db: Kysely<Database>, actor: Actor, event: AuditEvent, now = new Date()): Promise<void> {
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

export async function auditEntries(
  db: Kysely<Database>,
  orgId: string,
  page: { limit: number; before?: string | undefined },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
  if (page.before) query = query.where('at', '<', page.before);
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}
