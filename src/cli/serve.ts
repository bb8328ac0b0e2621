/** The platform commands `weerbaar serve` and `weerbaar worker` (`admin` is admin.ts, loaded on its own). */
import { startServer, startWorker } from '../server/bootstrap.js';
import { parseServeArgs, parseWorkerArgs } from '../server/config.js';
import { exitSoonAfter, untilShutdown } from '../server/shutdown.js';

export interface PlatformIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** Runs until SIGTERM/SIGINT; 0 after a clean shutdown. */
export async function serveCommand(argv: string[], io: PlatformIo): Promise<number> {
  const settings = parseServeArgs(argv, io.env);
  const server = await startServer(settings);
  const code = await untilShutdown(() => server.close(), server.log);
  exitSoonAfter(code);
  return code;
}

export async function workerCommand(argv: string[], io: PlatformIo): Promise<number> {
  const settings = parseWorkerArgs(argv, io.env);
  const worker = await startWorker(settings);
  const code = await untilShutdown(() => worker.close(), worker.log);
  exitSoonAfter(code);
  return code;
}
