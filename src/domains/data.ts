/**
 * Domains and scans of one organisation, for the pages and the API alike. Every query
 * takes the organisation id and puts it in the WHERE clause, so an id that belongs to
 * another organisation simply finds nothing (and the caller answers 404).
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import { UsageError } from '../core/errors.js';
import { newId, nowIso } from '../db/ids.js';
import type { Database, Domain, Scan, ScanStatus } from '../db/schema.js';
import type { ScanResult } from '../scan/engine.js';
import { parseTarget, type TargetProblem } from '../scan/target.js';
import { HttpError } from '../web/errors.js';
import { storedSelectors } from '../scan/mail-policy/selectors.js';

/** What lists show of a scan: never result_json, which can be large. */
export const SCAN_SUMMARY_COLUMNS = [
  'id',
  'domain_id',
  'target',
  'status',
  'requested_by',
  'created_at',
  'started_at',
  'finished_at',
  'score_web',
  'score_mail',
  'count_fail',
  'count_warn',
  'count_pass',
  'error',
] as const;

export type ScanSummary = Pick<Scan, (typeof SCAN_SUMMARY_COLUMNS)[number]>;

export interface DomainWithLatest {
  domain: Pick<Domain, 'id' | 'name' | 'created_at' | 'dkim_selectors'>;
  latest: ScanSummary | null;
}

export async function listDomains(db: Kysely<Database>, orgId: string): Promise<Pick<Domain, 'id' | 'name' | 'created_at' | 'dkim_selectors'>[]> {
  return db.selectFrom('domains').select(['id', 'name', 'created_at', 'dkim_selectors']).where('org_id', '=', orgId).orderBy('name').execute();
}

/**
 * The id of domain d's newest scan (optionally: newest finished one), for a join on
 * `scans as s`; one index walk per domain on (domain_id, created_at, id).
 */
function newestScanOfDomain(eb: ExpressionBuilder<Database & { d: Database['domains']; s: Database['scans'] }, 'd' | 's'>, finishedOnly: boolean) {
  let query = eb.selectFrom('scans as latest').select('latest.id').whereRef('latest.domain_id', '=', 'd.id');
  if (finishedOnly) query = query.where('latest.status', '=', 'done');
  return query.orderBy('latest.created_at', 'desc').orderBy('latest.id', 'desc').limit(1);
}

/** Each domain with its newest scan (one correlated lookup per domain, on the domain/created index). */
export async function listDomainsWithLatest(db: Kysely<Database>, orgId: string): Promise<DomainWithLatest[]> {
  const rows = await db
    .selectFrom('domains as d')
    .leftJoin('scans as s', (join) =>
      join.on((eb) =>
        eb('s.id', '=', newestScanOfDomain(eb, false)),
      ),
    )
    .select(['d.id as d_id', 'd.name as d_name', 'd.created_at as d_created_at', 'd.dkim_selectors as d_dkim_selectors'])
    .select(SCAN_SUMMARY_COLUMNS.map((column) => `s.${column}` as const))
    .where('d.org_id', '=', orgId)
    .orderBy('d.name')
    .execute();
  return rows.map((row) => ({
    domain: { id: row.d_id, name: row.d_name, created_at: row.d_created_at, dkim_selectors: row.d_dkim_selectors },
    latest: row.id === null ? null : (pickSummary(row as unknown as ScanSummary)),
  }));
}

function pickSummary(row: ScanSummary): ScanSummary {
  return Object.fromEntries(SCAN_SUMMARY_COLUMNS.map((column) => [column, row[column]])) as unknown as ScanSummary;
}

export async function findDomain(db: Kysely<Database>, orgId: string, domainId: string): Promise<Domain | undefined> {
  return db.selectFrom('domains').selectAll().where('org_id', '=', orgId).where('id', '=', domainId).executeTakeFirst();
}

/** The DKIM selectors stored for a domain (space-separated in the table). */
export function dkimSelectorsOf(domain: Pick<Domain, 'dkim_selectors'>): string[] {
  return storedSelectors(domain.dkim_selectors);
}

/** Replace a domain's DKIM selectors; false when the domain is not the organisation's. */
export async function setDkimSelectors(db: Kysely<Database>, orgId: string, domainId: string, selectors: readonly string[]): Promise<boolean> {
  const result = await db.updateTable('domains').set({ dkim_selectors: selectors.join(' ') }).where('org_id', '=', orgId).where('id', '=', domainId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findScan(db: Kysely<Database>, orgId: string, scanId: string): Promise<Scan | undefined> {
  return db.selectFrom('scans').selectAll().where('org_id', '=', orgId).where('id', '=', scanId).executeTakeFirst();
}

export type AddDomainOutcome = { ok: true; domain: Domain } | { ok: false; reason: 'invalid'; detail: string; problem: TargetProblem } | { ok: false; reason: 'duplicate'; name: string };

/** Validate and normalise a domain name (parseTarget), then add it once per organisation. */
export async function addDomain(db: Kysely<Database>, orgId: string, input: string, createdBy: string): Promise<AddDomainOutcome> {
  let name: string;
  try {
    name = parseTarget(input);
  } catch (error) {
    // Every UsageError parseTarget throws carries its problem (TargetError); the fallback is for safety.
    if (error instanceof UsageError) return { ok: false, reason: 'invalid', detail: error.message, problem: (error as { problem?: TargetProblem }).problem ?? { code: 'notAddress' } };
    throw error;
  }
  const existing = await db.selectFrom('domains').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();
  if (existing) return { ok: false, reason: 'duplicate', name };
  const domain: Domain = { id: newId(), org_id: orgId, name, created_at: nowIso(), created_by: createdBy, dkim_selectors: '' };
  try {
    await db.insertInto('domains').values(domain).execute();
  } catch (error) {
    // Two requests adding the same name at once: the unique constraint decides.
    const again = await db.selectFrom('domains').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();
    if (again) return { ok: false, reason: 'duplicate', name };
    throw error;
  }
  return { ok: true, domain };
}

/** Deleting a domain deletes its scans too (foreign key cascade). */
export async function deleteDomain(db: Kysely<Database>, orgId: string, domainId: string): Promise<boolean> {
  const result = await db.deleteFrom('domains').where('org_id', '=', orgId).where('id', '=', domainId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

const ACTIVE: ScanStatus[] = ['queued', 'running'];

/** A scan of this domain that is still waiting or running, so a second click does not queue another. */
export async function activeScan(db: Kysely<Database>, orgId: string, domainId: string): Promise<ScanSummary | undefined> {
  return db
    .selectFrom('scans')
    .select(SCAN_SUMMARY_COLUMNS)
    .where('org_id', '=', orgId)
    .where('domain_id', '=', domainId)
    .where('status', 'in', ACTIVE)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export interface HistoryPage {
  items: ScanSummary[];
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: string | null;
}

/**
 * Scans newest first, keyset-paged on (created_at, id): `before` is the id of the last
 * scan of the previous page. Only summary columns are read.
 */
export async function scanHistory(
  db: Kysely<Database>,
  orgId: string,
  page: { limit: number; before?: string | undefined; domainId?: string | undefined },
): Promise<HistoryPage> {
  let query = db.selectFrom('scans').select(SCAN_SUMMARY_COLUMNS).where('org_id', '=', orgId);
  if (page.domainId) query = query.where('domain_id', '=', page.domainId);
  if (page.before) {
    let cursorQuery = db.selectFrom('scans').select(['created_at', 'id']).where('org_id', '=', orgId).where('id', '=', page.before);
    if (page.domainId) cursorQuery = cursorQuery.where('domain_id', '=', page.domainId);
    const cursor = await cursorQuery.executeTakeFirst();
    if (!cursor) throw new HttpError(400, 'scans.badCursor', 'querystring.before is not the id of a scan in this list', 'querystring.before');
    // Written so the (org_id, created_at) index bounds the scan: created_at <= c first.
    query = query
      .where('created_at', '<=', cursor.created_at)
      .where((eb) => eb.or([eb('created_at', '<', cursor.created_at), eb('id', '<', cursor.id)]));
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
  const items = rows.slice(0, page.limit);
  return { items, nextBefore: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}

/** The newest finished scan of the same domain before this one, for "what changed". */
export async function previousDoneScan(db: Kysely<Database>, scan: Pick<Scan, 'org_id' | 'domain_id' | 'created_at' | 'id'>): Promise<Pick<Scan, 'id' | 'created_at' | 'result_json'> | undefined> {
  return db
    .selectFrom('scans')
    .select(['id', 'created_at', 'result_json'])
    .where('org_id', '=', scan.org_id)
    .where('domain_id', '=', scan.domain_id)
    .where('status', '=', 'done')
    .where('created_at', '<=', scan.created_at)
    .where('id', '!=', scan.id)
    .where((eb) => eb.or([eb('created_at', '<', scan.created_at), eb('id', '<', scan.id)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * The newest finished scan of each domain that found failures, worst first, at most
 * `limit` of them (the overview's "what to fix first" reads only these results).
 */
export async function latestFailingScans(db: Kysely<Database>, orgId: string, limit: number): Promise<(Pick<Scan, 'id' | 'target' | 'count_fail'>)[]> {
  return db
    .selectFrom('domains as d')
    .innerJoin('scans as s', (join) =>
      join.on((eb) =>
        eb('s.id', '=', newestScanOfDomain(eb, true)),
      ),
    )
    .select(['s.id', 's.target', 's.count_fail'])
    .where('d.org_id', '=', orgId)
    .where('s.count_fail', '>', 0)
    .orderBy('s.count_fail', 'desc')
    .orderBy('s.target')
    .limit(limit)
    .execute();
}

/** The stored results of these scans of one organisation (read only for what a cache lacks). */
export async function scanResultsJson(db: Kysely<Database>, orgId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('scans').select(['id', 'result_json']).where('org_id', '=', orgId).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.result_json]));
}

export function parseResult(json: string | null): ScanResult | null {
  return json ? (JSON.parse(json) as ScanResult) : null;
}
