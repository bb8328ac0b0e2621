/**
 * Open the database: embedded SQLite (better-sqlite3, WAL) in the data folder by
 * default, PostgreSQL when a postgres:// URL is given. Both go through Kysely, and the
 * same migrations run on both.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import pg from 'pg';
import { initialMigration } from './migrations/001-initial.js';
import { benchIndexesMigration } from './migrations/005-bench-indexes.js';
import { mailMigration } from './migrations/006-mail.js';
import type { Dialect } from './dialect.js';
import type { Database } from './schema.js';
import { errorMessage } from '../core/errors.js';

export type { Dialect } from './dialect.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs: the SQLite file or the PostgreSQL URL without password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://... selects PostgreSQL; otherwise SQLite in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export function openDatabase(options: OpenOptions): DatabaseHandle {
  const url = options.databaseUrl?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must start with postgres:// (got "${url.split(':')[0]}:"); leave it unset for the embedded SQLite database`);
    }
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: redactUrl(url), close: () => db.destroy() };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'weerbaar.sqlite');
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // WAL with synchronous=NORMAL (SQLite's advice for WAL): a committed transaction
  // survives a crash or kill -9 of the process; a power cut may lose the last commits but
  // never corrupts the file. FULL would fsync on every commit, and better-sqlite3 does
  // that on the event loop: the dashboard took 6 ms instead of 3.7 (docs/decisions.md).
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/**
 * The platform's own migrations: the tables in schema.ts. Features bring theirs
 * (Feature.migrations); src/server/features.ts puts them all together.
 */
export function platformMigrations(dialect: Dialect): Record<string, Migration> {
  return { '001-initial': initialMigration(dialect), '005-bench-indexes': benchIndexesMigration, '006-mail': mailMigration };
}

/**
 * Bring the schema up to date with these migrations (all of them: one that already ran
 * and is missing here makes Kysely refuse); throws with the failing migration's name.
 */
export async function migrateToLatest(handle: DatabaseHandle, migrations: Record<string, Migration>): Promise<void> {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${errorMessage(error)}`);
  }
}
