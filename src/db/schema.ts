/**
 * The tables, as Kysely sees them. One schema serves SQLite and PostgreSQL, so it
 * sticks to what both store the same way: text ids (UUIDs), ISO-8601 UTC timestamps
 * as text (they sort as strings), integers 0/1 for flags, JSON as text.
 */
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export const ORG_KINDS = ['webshop', 'partner', 'hub'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ROLES = ['owner', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const SCAN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  /** Preferred language; null means "follow the browser". */
  lang: string | null;
  is_admin: number;
  /** TOTP secret, encrypted with the instance key (src/core/secret-box.ts). */
  totp_secret_enc: string | null;
  totp_enabled_at: string | null;
  /** Last accepted TOTP time step, so one code cannot be replayed. */
  totp_last_step: number | null;
  created_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface OrgsTable {
  id: string;
  name: string;
  kind: OrgKind;
  require_totp: number;
  created_at: string;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie value; the value itself is never stored. */
  id: string;
  user_id: string;
  /**
   * 'totp' while the password is checked but the second factor is not; 'verify' while the
   * account's e-mail address is not yet proven (it may only ask for the link again or sign out).
   */
  stage: 'full' | 'totp' | 'verify';
  ip: string;
  user_agent: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface LoginFailuresTable {
  id: string;
  /** 'account:<email>' or 'ip:<address>'. */
  subject: string;
  at: string;
}

export interface DomainsTable {
  id: string;
  org_id: string;
  name: string;
  created_at: string;
  created_by: string;
  /** DKIM selectors the owner gave, separated by spaces; '' when none. Added to every scan of the domain. */
  dkim_selectors: ColumnType<string, string | undefined, string>;
}

export interface ScansTable {
  id: string;
  org_id: string;
  domain_id: string;
  target: string;
  status: ScanStatus;
  requested_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  attempts: number;
  error: string | null;
  score_web: number | null;
  score_mail: number | null;
  count_fail: number | null;
  count_warn: number | null;
  count_pass: number | null;
  /** The language-neutral ScanResult as JSON; rendered per language when read. */
  result_json: string | null;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  name: string;
  /** The first characters, shown so a user can tell tokens apart. */
  prefix: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  org_id: string | null;
  /** The acting user, or null for an API token / the system. */
  user_id: string | null;
  api_token_id: string | null;
  ip: string | null;
  action: 'create' | 'update' | 'delete' | 'view' | 'login' | 'logout' | 'export';
  record_type: string;
  record_id: string | null;
  detail: string | null;
}

/**
 * The platform's tables: the ones the shell, the scan queue and several features read.
 * A feature's own tables are declared in its folder, next to its migration, by adding to
 * this interface (TypeScript declaration merging), e.g. src/privacy-statement/data.ts.
 */
export interface Database {
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  orgs: OrgsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  domains: DomainsTable;
  scans: ScansTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
}

export type User = Selectable<UsersTable>;
export type Org = Selectable<OrgsTable>;
export type Membership = Selectable<MembershipsTable>;
export type Domain = Selectable<DomainsTable>;
export type Scan = Selectable<ScansTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type Invitation = Selectable<InvitationsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type ScanUpdate = Updateable<ScansTable>;
