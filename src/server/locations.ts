/**
 * Where the instance lives, as every platform command finds it: the database (DATABASE_URL
 * for PostgreSQL, else SQLite in --data / WEERBAAR_DATA / ./data) and the address people
 * reach it at. A module of its own, so `weerbaar admin` reads its flags without loading the
 * server's other settings (and the scan engine they name).
 */
import { UsageError } from '../core/errors.js';

type Env = NodeJS.ProcessEnv;

export const DEFAULT_PORT = 8080;

export const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

function parseDatabaseUrl(env: Env): string | undefined {
  const url = nonEmpty(env.DATABASE_URL);
  if (url === undefined) return undefined;
  if (!/^postgres(ql)?:\/\/./.test(url)) {
    throw new UsageError(`DATABASE_URL: must start with postgres:// (got '${url.split(':')[0] ?? ''}:'); leave it unset for the embedded SQLite database`);
  }
  try {
    new URL(url);
  } catch {
    throw new UsageError('DATABASE_URL: not a valid URL (postgres://user:password@host:5432/database)');
  }
  return url;
}

/** Where the database is, as `weerbaar serve` finds it: DATABASE_URL (PostgreSQL), else SQLite in --data / WEERBAAR_DATA / ./data. */
export function parseDatabaseLocation(values: { data?: string | undefined }, env: Env): { dataDir: string; databaseUrl: string | undefined } {
  if (values.data !== undefined && values.data.trim() === '') throw new UsageError('--data: give a folder, e.g. --data ./data');
  return { dataDir: values.data ?? nonEmpty(env.WEERBAAR_DATA) ?? './data', databaseUrl: parseDatabaseUrl(env) };
}

/** The address people reach the app at (links in e-mails and invitations): WEERBAAR_BASE_URL, else localhost. */
export function parseBaseUrl(raw: string | undefined, port: number): string {
  const value = nonEmpty(raw);
  if (value === undefined) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`WEERBAAR_BASE_URL: '${value}' is not a URL (e.g. https://weerbaar.example.org)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`WEERBAAR_BASE_URL: '${value}' must start with https:// or http://`);
  if (url.search || url.hash) throw new UsageError(`WEERBAAR_BASE_URL: '${value}' must not have a query or fragment`);
  return url.toString().replace(/\/+$/, '');
}
