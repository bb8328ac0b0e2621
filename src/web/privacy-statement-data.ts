/**
 * The privacy-statement answers of one organisation, for the page and the API alike. Stored
 * only after `validateAnswers` accepted them; read back through it again, so a row written by
 * an older version whose rules have since tightened shows its problems instead of crashing.
 */
import type { Kysely } from 'kysely';
import { nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { validateAnswers, type AnswersValidation, type StatementAnswers } from '../privacy/generator/index.js';

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

/** Insert or replace the organisation's answers (already validated by the caller). */
export async function saveStatementAnswers(db: Kysely<Database>, orgId: string, answers: StatementAnswers, updatedBy: string): Promise<string> {
  const values = { org_id: orgId, answers_json: JSON.stringify(answers), updated_by: updatedBy, updated_at: nowIso() };
  await db
    .insertInto('privacy_statement_answers')
    .values(values)
    .onConflict((conflict) => conflict.column('org_id').doUpdateSet({ answers_json: values.answers_json, updated_by: values.updated_by, updated_at: values.updated_at }))
    .execute();
  return values.updated_at;
}
