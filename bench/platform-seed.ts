/**
 * Seed data for the platform benchmark: one owner in one organisation with 20 domains
 * and N finished scans (summary columns and a real ScanResult JSON, as executeScan
 * stores them), one API token and one signed-in session. Rows go in batches inside
 * one transaction, the way an import would.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { createSession } from '../src/web/sessions.js';
import type { Dialect } from '../src/db/connect.js';
import { hashSecret, newId, newSecret, nowIso } from '../src/db/ids.js';
import type { Database, Scan } from '../src/db/schema.js';
import type { ScanResult } from '../src/scan/engine.js';

export const DOMAIN_COUNT = 20;
/** 500 rows x 16 columns stays far below both dialects' bound-parameter limits. */
const BATCH_ROWS = 500;
/** Scans are spread back in time this far apart, newest last (about a year for 10,000). */
const SCAN_SPACING_MS = 50 * 60 * 1000;

export interface SeededPlatform {
  orgId: string;
  userId: string;
  /** Value for the `wb_session` cookie. */
  sessionToken: string;
  /** Bearer token for the API. */
  apiToken: string;
  scanCount: number;
  /** Bytes of result_json stored per scan. */
  resultJsonBytes: number;
  seedMs: number;
}

export async function seedPlatform(db: Kysely<Database>, dialect: Dialect, scanCount: number, result: ScanResult): Promise<SeededPlatform> {
  const started = performance.now();
  const now = Date.now();
  const at = (msAgo: number): string => nowIso(new Date(now - msAgo));
  const userId = newId();
  const orgId = newId();
  const domains = Array.from({ length: DOMAIN_COUNT }, (_, index) => ({
    id: newId(),
    org_id: orgId,
    name: `shop${String(index + 1).padStart(2, '0')}.example.nl`,
    created_at: at(scanCount * SCAN_SPACING_MS + 86_400_000),
    created_by: userId,
  }));
  // Each domain's scans carry that domain as their target, like real results would.
  const resultJsonByDomain = domains.map(({ name }) => JSON.stringify({ ...result, target: name, evidence: { ...result.evidence, target: name } }));
  const summary = {
    score_web: result.score.scores.web,
    score_mail: result.score.scores.mail,
    count_fail: result.results.filter((r) => r.status === 'fail').length,
    count_warn: result.results.filter((r) => r.status === 'warn').length,
    count_pass: result.results.filter((r) => r.status === 'pass').length,
  };
  const apiToken = `wb_${newSecret()}`;

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id: userId,
        email: 'owner@bench.example.nl',
        display_name: 'Bench Owner',
        // Never used to sign in: the benchmark gets its session from createSession.
        password_hash: 'not-a-password-hash',
        lang: 'nl',
        is_admin: 0,
        totp_secret_enc: null,
        totp_enabled_at: null,
        totp_last_step: null,
        created_at: at(scanCount * SCAN_SPACING_MS + 2 * 86_400_000),
      })
      .execute();
    await trx.insertInto('orgs').values({ id: orgId, name: 'Bench Webshop B.V.', kind: 'webshop', require_totp: 0, created_at: at(scanCount * SCAN_SPACING_MS + 2 * 86_400_000) }).execute();
    await trx.insertInto('memberships').values({ org_id: orgId, user_id: userId, role: 'owner', created_at: at(scanCount * SCAN_SPACING_MS + 2 * 86_400_000) }).execute();
    await trx.insertInto('domains').values(domains).execute();
    await trx
      .insertInto('api_tokens')
      .values({ id: newId(), org_id: orgId, name: 'bench', prefix: apiToken.slice(0, 10), token_hash: hashSecret(apiToken), created_by: userId, created_at: at(86_400_000), last_used_at: null, revoked_at: null })
      .execute();

    for (let first = 0; first < scanCount; first += BATCH_ROWS) {
      const rows: Scan[] = [];
      for (let index = first; index < Math.min(scanCount, first + BATCH_ROWS); index += 1) {
        const domainIndex = index % DOMAIN_COUNT;
        const createdMsAgo = (scanCount - index) * SCAN_SPACING_MS;
        rows.push({
          id: newId(),
          org_id: orgId,
          domain_id: domains[domainIndex]!.id,
          target: domains[domainIndex]!.name,
          status: 'done',
          requested_by: userId,
          created_at: at(createdMsAgo),
          started_at: at(createdMsAgo - 1_000),
          finished_at: at(createdMsAgo - 1_000 - result.durationMs),
          attempts: 1,
          error: null,
          ...summary,
          result_json: resultJsonByDomain[domainIndex]!,
        });
      }
      await trx.insertInto('scans').values(rows).execute();
    }
  });
  // PostgreSQL's autovacuum analyses a table this size on its own soon after; do it now so
  // plans are the ones a running instance gets. SQLite has no automatic ANALYZE: leave it.
  if (dialect === 'postgres') await sql`ANALYZE`.execute(db);
  const { token: sessionToken } = await createSession(db, userId, 'full', { ip: '127.0.0.1', userAgent: 'autocannon' });

  return {
    orgId,
    userId,
    sessionToken,
    apiToken,
    scanCount,
    resultJsonBytes: Buffer.byteLength(resultJsonByDomain[0]!),
    seedMs: performance.now() - started,
  };
}
