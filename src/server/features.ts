/**
 * The one list of features. The shell (src/web/) knows none of them by name: it registers
 * what this list hands it. A new module (assess, chain, respond, share) adds its folder's
 * Feature here, and nowhere else (docs/architecture.md, "Adding a module").
 */
import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely/migration';
import { accountsFeature } from '../accounts/index.js';
import { auditFeature } from '../audit/index.js';
import { migrateToLatest, openDatabase, platformMigrations, type DatabaseHandle } from '../db/connect.js';
import type { Dialect } from '../db/dialect.js';
import { domainsFeature } from '../domains/index.js';
import { orgsFeature } from '../orgs/index.js';
import { privacyStatementFeature } from '../privacy-statement/index.js';
import { tokensFeature } from '../tokens/index.js';
import { allUiTexts, buildApp } from '../web/app.js';
import type { AppDeps } from '../web/deps.js';
import type { Feature } from '../web/feature.js';
import { createTranslators, type Translators, type UiTexts } from '../web/i18n.js';

export const FEATURES: readonly Feature[] = [accountsFeature, orgsFeature, domainsFeature, privacyStatementFeature, tokensFeature, auditFeature];

/** The platform's migrations and every feature's; two with one name are an error. */
export function allMigrations(dialect: Dialect, features: readonly Feature[] = FEATURES): Record<string, Migration> {
  const all = platformMigrations(dialect);
  for (const feature of features) {
    for (const [name, migration] of Object.entries(feature.migrations?.(dialect) ?? {})) {
      if (name in all) throw new Error(`migration "${name}" of feature ${feature.name} is defined twice`);
      all[name] = migration;
    }
  }
  return all;
}

/** Bring a database up to date with every migration. */
export function migrateAll(handle: DatabaseHandle): Promise<void> {
  return migrateToLatest(handle, allMigrations(handle.dialect));
}

/**
 * Open the database where the settings say (SQLite in dataDir, or PostgreSQL at
 * databaseUrl) and bring it up to date: how serve, worker and every admin command start.
 */
export async function openMigrated(location: { dataDir: string; databaseUrl: string | undefined }): Promise<DatabaseHandle> {
  const database = openDatabase({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
  try {
    await migrateAll(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Every interface text, the shell's and each feature's (the app merges the same at start). */
export function uiTexts(): UiTexts {
  return allUiTexts(FEATURES);
}

/** Translators over every interface text, for code that renders outside a request (tests, benchmarks). */
export function uiTranslators(): Translators {
  return createTranslators(uiTexts());
}

/** The web app with every feature. */
export function buildWeerbaarApp(deps: AppDeps): Promise<FastifyInstance> {
  return buildApp(deps, FEATURES);
}
