/** The mail scan (issue 4) scores its own area; lists show it next to the web score. */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const mailScoreMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('scans').addColumn('score_mail', 'integer').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('scans').dropColumn('score_mail').execute();
  },
};
