/**
 * The mail scan (issue 4): scans score the mail area next to the web, and a domain can
 * carry the DKIM selectors its owner knows (DKIM keys cannot be listed from outside).
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const mailMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('scans').addColumn('score_mail', 'integer').execute();
    await db.schema.alterTable('domains').addColumn('dkim_selectors', 'text', (column) => column.notNull().defaultTo('')).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('domains').dropColumn('dkim_selectors').execute();
    await db.schema.alterTable('scans').dropColumn('score_mail').execute();
  },
};
