/**
 * The server side of the platform benchmark, in its own process so the load generator
 * does not share its event loop: the real app (buildWeerbaarApp) on an already seeded database.
 *
 *   tsx bench/platform-server.ts --address 127.0.7.1 --data DIR            # SQLite in DIR
 *   tsx bench/platform-server.ts --address 127.0.7.2 --database-url URL    # PostgreSQL
 *
 * Prints one line `{"url":"http://..."}` on stdout when it listens; stops on SIGTERM or
 * when its stdin closes.
 * Logs at `info` like a real instance, but only warnings and errors reach stderr.
 */
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { SecretBox } from '../src/core/secret-box.js';
import { openDatabase } from '../src/db/connect.js';
import { InProcessQueue } from '../src/jobs/in-process-queue.js';
import { ScanService } from '../src/jobs/scan-service.js';
import type { Mailer } from '../src/mail/mailer.js';
import { buildWeerbaarApp } from '../src/server/features.js';
import { DEFAULT_APP_CONFIG } from '../src/web/deps.js';

const { values } = parseArgs({
  options: {
    address: { type: 'string' },
    data: { type: 'string' },
    'database-url': { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
  },
});
if (!values.address || !values.data) throw new Error('usage: platform-server.ts --address A --data DIR [--database-url URL]');

/** Pino writes one JSON line per call; pass on warn (40) and above, drop the rest after serialising. */
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    const level = Number(/"level":(\d+)/.exec(chunk.toString('utf8', 0, 40))?.[1] ?? 50);
    if (level >= 40) process.stderr.write(chunk);
    done();
  },
});

const noMail: Mailer = { send: () => Promise.resolve(), close: () => undefined };

const database = openDatabase({ dataDir: values.data, databaseUrl: values['database-url'] });
const queue = new InProcessQueue(database.db);
const scans = new ScanService(database.db, queue, {});
const app = await buildWeerbaarApp({
  database,
  secretBox: SecretBox.fromKey(Buffer.alloc(32, 7)),
  mailer: noMail,
  scans,
  config: { ...DEFAULT_APP_CONFIG, logLevel: values['log-level'] },
  logStream: logSink,
});
const url = await app.listen({ host: values.address, port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  void (async () => {
    await app.close();
    await queue.stop(1_000);
    await database.close();
    process.exit(0);
  })();
}
process.once('SIGTERM', stop);
// The benchmark holds our stdin open; when it ends (even by a crash or Ctrl-C), so do we.
process.stdin.on('close', stop).resume();
