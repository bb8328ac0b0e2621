/**
 * The privacy-statement answers of one organisation, for the page and the API alike. Stored
 * only after `validateAnswers` accepted them; read back through it again, so a row written by
 * an older version whose rules have since tightened shows its problems instead of crashing.
 */
import type { Kysely } from 'kysely';
import { nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { validateAnswers, type AnswersValidation, type StatementAnswers } from './generator/index.js';

/** One set of privacy-statement answers per organisation (validated StatementAnswers as JSON). */
export interface PrivacyStatementAnswersTable {
  org_id: string;
  answers_json: string;
  /** The user who saved them, or the API token's id when saved through the API (as domains record their creator). */
  updated_by: string;
  updated_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    /** Created by this feature's migration (migration.ts). */
    privacy_statement_answers: PrivacyStatementAnswersTable;
  }
}

export interface StoredAnswers {
  /** The stored JSON, parsed (what the form is filled with, even when no longer valid). */
  raw: unknown;
  validation: AnswersValidation;
  updatedAt: string;
  updatedBy: string;
}

export async function loadStatementAnswers(db: Kysely<Database>, orgId: string): Promise<StoredAnswers | undefined> {
  const row = await db.selectFrom('privacy_statement_answers').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!row) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(row.answers_json);
  } catch {
    raw = {};
  }
  return { raw, validation: validateAnswers(raw), updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/**
 * Replace the organisation's answers, or insert them (already validated by the caller). Says
 * whether they were new, for the audit log: an update first, so no read is needed to know.
 */
export async function saveStatementAnswers(db: Kysely<Database>, orgId: string, answers: StatementAnswers, updatedBy: string): Promise<{ updatedAt: string; created: boolean }> {
  const changes = { answers_json: JSON.stringify(answers), updated_by: updatedBy, updated_at: nowIso() };
  const updated = await db.updateTable('privacy_statement_answers').set(changes).where('org_id', '=', orgId).executeTakeFirst();
  if (updated.numUpdatedRows > 0n) return { updatedAt: changes.updated_at, created: false };
  // A concurrent first save may have inserted meanwhile: then this one replaces it.
  await db
    .insertInto('privacy_statement_answers')
    .values({ org_id: orgId, ...changes })
    .onConflict((conflict) => conflict.column('org_id').doUpdateSet(changes))
    .execute();
  return { updatedAt: changes.updated_at, created: true };
}
