/**
 * The privacy-statement generator in the web app (issue 5): an organisation keeps one set of
 * answers, so the owner can come back, change one thing and download the statement again.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const privacyStatementMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('privacy_statement_answers')
      .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id').onDelete('cascade'))
      .addColumn('answers_json', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('privacy_statement_answers').execute();
  },
};
