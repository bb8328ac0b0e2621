/**
 * Start the web server or a worker from parsed settings: open and migrate the database,
 * pick the queue (in-process on SQLite, pg-boss on PostgreSQL), build the app, listen.
 * Each returns a handle whose close() shuts down gracefully: stop accepting, let
 * running requests finish, let running scans finish or hand them back, close the database.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import { pruneExpired } from '../accounts/housekeeping.js';
import { SecretBox } from '../core/secret-box.js';
import type { DatabaseHandle } from '../db/connect.js';
import { InProcessQueue } from '../jobs/in-process-queue.js';
import { PgBossQueue } from '../jobs/pg-boss-queue.js';
import type { ScanQueue } from '../jobs/queue.js';
import { ScanService } from '../jobs/scan-service.js';
import { logMailer, smtpMailer, type Mailer } from '../mail/mailer.js';
import { buildWeerbaarApp, openMigrated } from './features.js';
import type { CommonSettings, ServeSettings } from './config.js';

export interface RunningServer {
  /** Where the app answers, e.g. http://localhost:8080 (the real port when 0 was asked). */
  url: string;
  app: FastifyInstance;
  database: DatabaseHandle;
  queue: ScanQueue;
  log: FastifyBaseLogger;
  close(): Promise<void>;
}

export interface RunningWorker {
  database: DatabaseHandle;
  queue: ScanQueue;
  log: Logger;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Log destination (tests); stdout otherwise. */
  logStream?: NodeJS.WritableStream;
}

function makeQueue(settings: CommonSettings, database: DatabaseHandle, onError: (error: Error) => void): ScanQueue {
  if (database.dialect === 'sqlite' || settings.databaseUrl === undefined) return new InProcessQueue(database.db, settings.workers);
  return new PgBossQueue(database.db, {
    connectionString: settings.databaseUrl,
    concurrency: settings.workers,
    expireInSeconds: settings.jobs.expireInSeconds,
    maintenanceIntervalSeconds: settings.jobs.maintenanceIntervalSeconds,
    pollingIntervalSeconds: settings.jobs.pollingIntervalSeconds,
    maxAttempts: settings.jobs.maxAttempts,
    retryDelaySeconds: settings.jobs.retryDelaySeconds,
    onError,
  });
}

const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000;

/** Time left until deadline, at least 0. */
const remaining = (deadline: number): number => Math.max(0, deadline - Date.now());

export async function startServer(settings: ServeSettings, options: StartOptions = {}): Promise<RunningServer> {
  const database = await openMigrated(settings);
  const cleanup: (() => Promise<void> | void)[] = [() => database.close()];
  try {
    const secretBox = SecretBox.load(settings.dataDir, settings.secret);
    // The log mailer writes through the app's logger, which exists only once the app is built.
    const logs: { app?: FastifyBaseLogger } = {};
    const mailer: Mailer = settings.smtp ? smtpMailer(settings.smtp) : logMailer({ info: (object: object, message?: string) => logs.app?.info(object, message) });
    cleanup.push(() => mailer.close());
    const queue = makeQueue(settings, database, (error) => logs.app?.error({ err: error }, 'scan queue error'));
    const scans = new ScanService(database.db, queue, settings.scan, undefined, { maxAttempts: settings.jobs.maxAttempts });
    const app = await buildWeerbaarApp({
      database,
      secretBox,
      mailer,
      scans,
      config: settings.app,
      ...(options.logStream ? { logStream: options.logStream } : {}),
    });
    logs.app = app.log;
    cleanup.push(() => app.close());
    // Queue first, so a request that comes in at once can enqueue its scan.
    if (settings.workers > 0) await scans.startWorking();
    else await scans.startSending();
    cleanup.push(() => queue.stop(0));
    const address = await app.listen({ port: settings.port, host: settings.host, listenTextResolver: (at) => `listening on ${at}` });
    const port = new URL(address).port;
    const shownHost = settings.host === '0.0.0.0' || settings.host === '::' ? 'localhost' : settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    const url = `http://${shownHost}:${port}`;
    const work = queue.kind === 'in-process' ? `${settings.workers} scans at a time in this process` : settings.workers > 0 ? `pg-boss, ${settings.workers} scans at a time here` : 'pg-boss, scans run by `weerbaar worker`';
    app.log.info({ url, database: database.location, queue: queue.kind, workers: settings.workers }, `Weerbaar is running at ${url} (${database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}; ${work})`);

    // Drop what is no longer needed (stale sign-in failures, ended sessions, settled invitations).
    const prune = (): void => {
      pruneExpired(database.db)
        .then((counts) => app.log.debug({ pruned: counts }, 'housekeeping'))
        .catch((error: unknown) => app.log.warn({ err: error }, 'housekeeping failed'));
    };
    prune();
    const housekeeping = setInterval(prune, HOUSEKEEPING_EVERY_MS).unref();

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        clearInterval(housekeeping);
        const deadline = Date.now() + settings.shutdownGraceMs;
        // Stop accepting; running requests get the grace period, then their connections are cut.
        // A keep-alive connection turns idle only once its response is out, after close()
        // reaped the idle ones; reap again until the last one is gone.
        const reaper = setInterval(() => app.server.closeIdleConnections(), 100);
        let timer: NodeJS.Timeout | undefined;
        const cut = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            app.server.closeAllConnections();
            resolve();
          }, remaining(deadline));
        });
        await Promise.race([app.close(), cut]);
        clearTimeout(timer);
        clearInterval(reaper);
        await queue.stop(remaining(deadline));
        mailer.close();
        await database.close();
        app.log.info('stopped');
      })());
    return { url, app, database, queue, log: app.log, close };
  } catch (error) {
    for (const step of cleanup.reverse()) await Promise.resolve(step()).catch(() => undefined);
    throw error;
  }
}

export async function startWorker(settings: CommonSettings & { databaseUrl: string }, options: StartOptions = {}): Promise<RunningWorker> {
  const log = pino({ level: settings.logLevel, base: { role: 'worker' } }, options.logStream ?? process.stdout);
  const database = await openMigrated(settings);
  const queue = makeQueue(settings, database, (error) => log.error({ err: error }, 'scan queue error'));
  const scans = new ScanService(database.db, queue, settings.scan, undefined, { maxAttempts: settings.jobs.maxAttempts });
  try {
    await scans.startWorking();
  } catch (error) {
    await database.close();
    throw error;
  }
  log.info({ database: database.location, workers: settings.workers }, `Weerbaar worker is running ${settings.workers} scans at a time from ${database.location}`);
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await queue.stop(settings.shutdownGraceMs);
      await database.close();
      log.info('stopped');
    })());
  return { database, queue, log, close };
}
