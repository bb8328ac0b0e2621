/**
 * Indexes for the scan lists, found with the platform benchmark (bench/platform.ts).
 * Every list orders scans by (created_at DESC, id DESC) so keyset paging is stable; with
 * id in the index both databases walk it backwards and stop after LIMIT rows, instead of
 * sorting ties (SQLite: "USE TEMP B-TREE FOR LAST TERM OF ORDER BY"; PostgreSQL: an
 * Incremental Sort). The newest-scan-per-domain lookups of the overview gain the most on
 * SQLite (about 3x). The new indexes start with the old ones' columns, so those go.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const benchIndexesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('scans_org_created_id').on('scans').columns(['org_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('scans_domain_created_id').on('scans').columns(['domain_id', 'created_at', 'id']).execute();
    await db.schema.dropIndex('scans_org_created').execute();
    await db.schema.dropIndex('scans_domain_created').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('scans_org_created').on('scans').columns(['org_id', 'created_at']).execute();
    await db.schema.createIndex('scans_domain_created').on('scans').columns(['domain_id', 'created_at']).execute();
    await db.schema.dropIndex('scans_org_created_id').execute();
    await db.schema.dropIndex('scans_domain_created_id').execute();
  },
};
