/** The platform commands: `weerbaar serve`, `weerbaar worker`, `weerbaar admin create`. */
import { adminCreate, parseAdminArgs, type AdminIo } from '../server/admin.js';
import { startServer, startWorker } from '../server/bootstrap.js';
import { parseServeArgs, parseWorkerArgs } from '../server/config.js';
import { exitSoonAfter, untilShutdown } from '../server/shutdown.js';

export interface PlatformIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  stdin?: AdminIo['input'];
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

export function adminCommand(argv: string[], io: PlatformIo): Promise<number> {
  const command = parseAdminArgs(argv, io.env);
  return adminCreate(command, { out: io.out, err: io.err, env: io.env, input: io.stdin ?? process.stdin });
}
