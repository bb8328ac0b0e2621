/**
 * An audit entry as a sentence a person reads: who did what to which named record
 * ("Olga Owner added the domain shop.example"). Names come from the records as they are
 * now; a record that is gone is named by what the entry's own data kept (a removed
 * domain's name, a revoked token's name, an invitation's address). The raw entry stays
 * in the export and behind a toggle on the page.
 */
import type { Kysely } from 'kysely';
import { domainDisplay } from '../core/domain-name.js';
import type { Database } from '../db/schema.js';
import { userSentence, type SafeHtml } from '../web/html.js';
import type { Translate } from '../web/i18n.js';
import { operatorOfDetail } from './audit.js';
import type { AuditRow } from './export.js';

/** Current names of the records the rows point at, keyed "type:id". */
export type RecordNames = ReadonlyMap<string, string>;

/** Sentences the catalogue has, as "action.record_type"; anything else reads as the generic sentence. */
const KNOWN = new Set([
  'create.org',
  'update.org',
  'create.domain',
  'update.domain',
  'delete.domain',
  'create.scan',
  'view.scan',
  'export.scan',
  'view.scan-summary',
  'create.api_token',
  'update.api_token',
  'view.api_token_list',
  'create.invitation',
  'update.invitation',
  'create.membership',
  'update.membership',
  'delete.membership',
  'view.audit_log',
  'export.audit_log',
  'view.privacy_statement_answers',
  'create.privacy_statement_answers',
  'update.privacy_statement_answers',
  'export.privacy_statement',
]);

const ids = (rows: readonly AuditRow[], types: readonly string[]): string[] => [
  ...new Set(rows.filter((row) => types.includes(row.record_type) && row.record_id).map((row) => row.record_id ?? '')),
];

/** Looks up the current name of every record the rows refer to, one query per kind of record. */
export async function recordNames(db: Kysely<Database>, orgId: string, rows: readonly AuditRow[]): Promise<RecordNames> {
  const names = new Map<string, string>();
  const put = (type: string, found: { id: string; name: string }[]): void => {
    for (const { id, name } of found) names.set(`${type}:${id}`, name);
  };
  const domainIds = ids(rows, ['domain']);
  if (domainIds.length) put('domain', await db.selectFrom('domains').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', domainIds).execute());
  const scanIds = ids(rows, ['scan']);
  if (scanIds.length) put('scan', await db.selectFrom('scans').select(['id', 'target as name']).where('org_id', '=', orgId).where('id', 'in', scanIds).execute());
  const tokenIds = ids(rows, ['api_token']);
  if (tokenIds.length) put('api_token', await db.selectFrom('api_tokens').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', tokenIds).execute());
  const userIds = ids(rows, ['membership']);
  if (userIds.length) put('membership', await db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', userIds).execute());
  const invitationIds = ids(rows, ['invitation']);
  if (invitationIds.length) put('invitation', await db.selectFrom('invitations').select(['id', 'email as name']).where('org_id', '=', orgId).where('id', 'in', invitationIds).execute());
  if (rows.some((row) => row.record_type === 'org')) put('org', await db.selectFrom('orgs').select(['id', 'name']).where('id', '=', orgId).execute());
  return names;
}

/** The entry's data as an object; anything that is not a JSON object reads as empty. */
function detailOf(row: AuditRow): Record<string, unknown> {
  if (!row.detail) return {};
  try {
    const parsed = JSON.parse(row.detail) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Who acted: a person by name, an API token by its name, an operator at the command line, or the system; never a bare id. */
export function actorName(t: Translate, row: AuditRow): string {
  if (row.user_id) return row.user_name || row.user_email || t('auditLog.formerUserName');
  if (row.api_token_id) return t('auditLog.apiToken', { name: row.token_name ?? t('auditLog.removedToken') });
  const operator = operatorOfDetail(row.detail);
  return operator === undefined ? t('auditLog.system') : t('auditLog.operator', { name: operator || '?' });
}

/** The record's name: as it is now, else as the entry kept it, else a word for "something no longer here". */
function recordName(t: Translate, row: AuditRow, names: RecordNames, detail: Record<string, unknown>): string {
  const current = row.record_id ? names.get(`${row.record_type}:${row.record_id}`) : undefined;
  const kept = text(detail.name) ?? text(detail.domain) ?? text(detail.email);
  const name = current ?? kept;
  if (!name) return t('auditLog.unknownRecord');
  return row.record_type === 'domain' || row.record_type === 'scan' ? domainDisplay(name) : name;
}

/** The sentence key's variant for entries whose data says more than the action does. */
function variant(row: AuditRow, detail: Record<string, unknown>): string {
  if (row.record_type === 'api_token' && detail.revoked) return '.revoked';
  if (row.record_type === 'invitation' && row.action === 'update') return detail.accepted ? '.accepted' : '.revoked';
  if (row.record_type === 'domain' && row.action === 'update' && Array.isArray(detail.dkimSelectors)) return '.dkim';
  if (row.record_type === 'membership' && row.action === 'delete' && detail.left) return '.left';
  return '';
}

const roleWord = (t: Translate, value: unknown): string => (value === 'owner' || value === 'member' || value === 'viewer' ? t(`orgs.role.${value}`) : t('auditLog.unknownRecord'));

/** One entry as a sentence in the reader's language; names (who, which record) isolated in <bdi>. */
export function describeEntry(t: Translate, row: AuditRow, names: RecordNames): SafeHtml {
  const detail = detailOf(row);
  const who = actorName(t, row);
  const kind = `${row.action}.${row.record_type}`;
  if (!KNOWN.has(kind)) return userSentence(t, 'auditLog.s.generic', { who }, { action: t(`auditLog.action.${row.action}`) });
  const role = detail.role && typeof detail.role === 'object' ? (detail.role as Record<string, unknown>) : { to: detail.role };
  return userSentence(
    t,
    `auditLog.s.${kind}${variant(row, detail)}`,
    { who, name: recordName(t, row, names, detail), selectors: Array.isArray(detail.dkimSelectors) ? detail.dkimSelectors.join(', ') : '' },
    { role: roleWord(t, role.to), from: roleWord(t, role.from) },
  );
}
