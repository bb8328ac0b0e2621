/**
 * `weerbaar` entry point. Returns the exit code instead of exiting, so tests can call it
 * in-process: 0 the scan ran, 1 it could not run, 2 bad usage.
 *
 * Each command is imported only when it runs: `--version` and `--help` load nothing but
 * this file and the usage texts, and `scan` never loads the web server or the database.
 */
import { readFileSync } from 'node:fs';
import { ScanError, UsageError, errorMessage } from '../core/errors.js';
import type { Io } from './io.js';
import { terminalSafeLines } from './terminal.js';
import { asksForHelp, commandUsage, COMMAND_USAGE, isCommand, USAGE, type CommandName } from './usage.js';

export type { Io } from './io.js';

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
  startedAtMs: performance.timeOrigin,
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function runCommand(command: CommandName, argv: string[], io: Io): Promise<number> {
  switch (command) {
    case 'scan':
      return (await import('./scan-command.js')).scanCommand(argv, io);
    case 'checks':
      return (await import('./checks-command.js')).checksCommand(argv, io);
    case 'privacy-statement':
      return (await import('./privacy-statement.js')).privacyStatementCommand(argv, io);
    case 'serve':
      return (await platformCommands()).serveCommand(argv, io);
    case 'worker':
      return (await platformCommands()).workerCommand(argv, io);
    case 'admin':
      return (await adminCommands()).adminCommand(argv, io);
  }
}

/**
 * The platform commands, from the compiled tree next to this file's folder: the installed
 * CLI is a bundle (dist/bundle/, scripts/bundle-cli.js) that leaves the web server out, and
 * a computed specifier is what keeps the bundler from pulling it in.
 */
async function platformCommands(): Promise<typeof import('./serve.js')> {
  return (await import(new URL('../cli/serve.js', import.meta.url).href)) as typeof import('./serve.js');
}

/** `admin`, from the compiled tree like the platform commands, and only for `admin`. */
async function adminCommands(): Promise<typeof import('./admin.js')> {
  return (await import(new URL('../cli/admin.js', import.meta.url).href)) as typeof import('./admin.js');
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (isCommand(command)) {
      if (asksForHelp(rest)) {
        io.out(`${commandUsage(command, rest)}\n`);
        return 0;
      }
      return await runCommand(command, rest, io);
    }
    switch (command) {
      case '--version':
      case '-v':
        io.out(`${version()}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        if (command === 'help' && isCommand(rest[0])) {
          io.out(`${COMMAND_USAGE[rest[0]]}\n`);
          return 0;
        }
        io.out(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`weerbaar: ${terminalSafeLines(error.message)}\n\n${isCommand(command) ? commandUsage(command, argv.slice(1)) : USAGE}\n`);
      return 2;
    }
    // A message can quote what a remote server or DNS record said: no control character reaches the terminal.
    io.err(`weerbaar: ${error instanceof ScanError ? '' : 'unexpected error: '}${terminalSafeLines(errorMessage(error))}\n`);
    return 1;
  }
}
