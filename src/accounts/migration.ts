/**
 * The accounts feature's own storage (issue 13): users.email_verified_at and the
 * single-use e-mail links (email-tokens.ts). Accounts that existed before this migration
 * count as verified (their created_at): they were made before verification existed, many
 * by an operator or through an invitation link, and locking them out now would punish
 * the people we cannot tell apart from squatters. docs/decisions.md explains.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const accountsEmailMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('users').addColumn('email_verified_at', 'text').execute();
    await sql`UPDATE users SET email_verified_at = created_at`.execute(db);
    await db.schema
      .createTable('email_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('email_tokens_user_purpose').on('email_tokens').columns(['user_id', 'purpose', 'created_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('email_tokens').execute();
    await db.schema.alterTable('users').dropColumn('email_verified_at').execute();
  },
};
