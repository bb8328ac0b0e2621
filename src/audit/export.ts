/**
 * Reading the audit log for people: entries of one organisation with the acting user's
 * name and e-mail or the API token's name, newest first, paged by (time, id) so entries
 * written in the same millisecond are neither skipped nor repeated; and the export as
 * CSV (spreadsheet-safe) or JSON.
 */
import type { Kysely } from 'kysely';
import type { AuditEntry, Database } from '../db/schema.js';

export interface AuditRow extends AuditEntry {
  user_name: string | null;
  user_email: string | null;
  token_name: string | null;
}

/** Where a page starts: entries strictly older than this (time, id). */
export interface AuditCursor {
  at: string;
  id?: string | undefined;
}

export function auditRows(db: Kysely<Database>, orgId: string, limit: number, before?: AuditCursor): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .leftJoin('api_tokens', 'api_tokens.id', 'audit_log.api_token_id')
    .selectAll('audit_log')
    .select(['users.display_name as user_name', 'users.email as user_email', 'api_tokens.name as token_name'])
    .where('audit_log.org_id', '=', orgId);
  if (before) {
    const { at, id } = before;
    query = id
      ? query.where((eb) => eb.or([eb('audit_log.at', '<', at), eb.and([eb('audit_log.at', '=', at), eb('audit_log.id', '<', id)])]))
      : query.where('audit_log.at', '<', at);
  }
  return query.orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').limit(limit).execute();
}

/** Every entry of the organisation, newest first, read in chunks so one query never holds the whole log. */
export async function allAuditRows(db: Kysely<Database>, orgId: string, chunk = 1000): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  let cursor: AuditCursor | undefined;
  for (;;) {
    const page = await auditRows(db, orgId, chunk, cursor);
    rows.push(...page);
    const last = page[page.length - 1];
    if (page.length < chunk || !last) return rows;
    cursor = { at: last.at, id: last.id };
  }
}

export const EXPORT_COLUMNS = [
  'at',
  'user_id',
  'user_name',
  'user_email',
  'api_token_id',
  'api_token_name',
  'ip',
  'action',
  'record_type',
  'record_id',
  'detail',
] as const;

type ExportRecord = Record<(typeof EXPORT_COLUMNS)[number], string | null>;

function exportRecord(row: AuditRow): ExportRecord {
  return {
    at: row.at,
    user_id: row.user_id,
    user_name: row.user_name,
    user_email: row.user_email,
    api_token_id: row.api_token_id,
    api_token_name: row.token_name,
    ip: row.ip,
    action: row.action,
    record_type: row.record_type,
    record_id: row.record_id,
    detail: row.detail,
  };
}

/**
 * Places where some spreadsheet may see a cell begin with a formula: the start of our
 * cell, and just after any `;` or `,` inside it (Dutch and German Excel split on `;`, and
 * a program that guesses the separator may split even a quoted cell on either), a tab (a
 * pasted or .tsv table) or a line break; followed, after any spaces or quotes a lenient
 * reader drops, by a formula start (OWASP "CSV injection"): = + - @, or a tab or carriage
 * return, which some programs skip. Zero-width, so a line break or tab that is itself a
 * formula start is also a place (`\r=1`, `\t=1`).
 */
const CELL_STARTS = /(?<=^|[;,\t\r\n])(?=[ "]*[=+\-@\t\r])/g;

/**
 * One CSV cell, always quoted (RFC 4180), so no reader has to guess where it ends. Every
 * place where a spreadsheet might start a cell (CELL_STARTS) that would begin with a
 * formula character gets an apostrophe, the OWASP advice: spreadsheets show such a cell
 * as text, and a person sees the apostrophe, not a hidden change. So `Jan;=1+1;` is
 * written as `"Jan;'=1+1;"`, and an organisation name like "=HYPERLINK(...)" stays text.
 * The cost: the CSV's `detail` is no longer exact JSON where a value starts with `-` after
 * a comma (`[1,'-2]`); the JSON export is the exact one.
 */
export function csvCell(value: string | null): string {
  const text = (value ?? '').replace(CELL_STARTS, "'");
  return `"${text.replace(/"/g, '""')}"`;
}

/** The whole export as CSV, CRLF line ends, with a byte-order mark so spreadsheet programs read it as UTF-8. */
export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [EXPORT_COLUMNS.map(csvCell).join(',')];
  for (const row of rows) {
    const record = exportRecord(row);
    lines.push(EXPORT_COLUMNS.map((column) => csvCell(record[column])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Details are written as JSON by audit(); anything else is passed on as the text it is. */
function parseDetail(detail: string | null): unknown {
  if (detail === null) return null;
  try {
    return JSON.parse(detail) as unknown;
  } catch {
    return detail;
  }
}

export function auditJson(org: { id: string; name: string }, rows: readonly AuditRow[], exportedAt: string): string {
  const entries = rows.map((row) => {
    const record = exportRecord(row);
    return { ...record, detail: parseDetail(row.detail) };
  });
  return JSON.stringify({ org: { id: org.id, name: org.name }, exported_at: exportedAt, entries }, null, 2);
}
