/**
 * `weerbaar` entry point. Returns the exit code instead of exiting, so tests can
 * call it in-process: 0 the scan ran, 1 it could not run, 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import { ScanError, UsageError, errorMessage } from '../core/errors.js';
import { isLang, type Lang } from '../core/lang.js';
import { CHECKS } from '../scan/checks/registry.js';
import { renderReport, runScan } from '../scan/engine.js';
import { langFromEnvironment, parseFlags, parseScanArgs } from './args.js';
import { privacyStatementCommand } from './privacy-statement.js';
import { adminCommand, serveCommand, workerCommand } from './serve.js';
import { renderText } from './text-report.js';
import { USAGE } from './texts.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTty: boolean;
  /** Where `admin create` reads a password from (default: process.stdin). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan':
        return await scanCommand(rest, io);
      case 'checks':
        return checksCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io);
      case 'worker':
        return await workerCommand(rest, io);
      case 'admin':
        return await adminCommand(rest, io);
      case 'privacy-statement':
        return await privacyStatementCommand(rest, io);
      case '--version':
      case '-v':
        io.out(`${version()}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`weerbaar: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.err(`weerbaar: ${error instanceof ScanError ? '' : 'unexpected error: '}${errorMessage(error)}\n`);
    return 1;
  }
}

async function scanCommand(argv: string[], io: Io): Promise<number> {
  const command = parseScanArgs(argv, io.env);
  const result = await runScan(command.domain, command.options);
  const report = renderReport(result, command.lang);
  if (command.json) {
    io.out(`${JSON.stringify(command.explainScore ? { ...report, scoreBreakdown: result.score } : report, null, 2)}\n`);
  } else {
    io.out(renderText(report, command.lang, { colour: io.isTty, ...(command.explainScore ? { breakdown: result.score } : {}) }));
  }
  return 0;
}

function checksCommand(argv: string[], io: Io): number {
  const { values } = parseFlags({
    args: argv,
    strict: true,
    options: { json: { type: 'boolean', default: false }, lang: { type: 'string' } },
  });
  const requested = values.lang ?? langFromEnvironment(io.env);
  if (!isLang(requested)) throw new UsageError(`--lang: '${requested}' is not one of en, nl, sv`);
  const lang: Lang = requested;
  const list = CHECKS.map((check) => ({ id: check.id, title: check.texts[lang].title, verifies: check.texts[lang].verifies }));
  if (values.json) io.out(`${JSON.stringify(list, null, 2)}\n`);
  else io.out(list.map((check) => `${check.id.padEnd(36)} ${check.title}`).join('\n') + '\n');
  return 0;
}
