/**
 * `weerbaar privacy-statement`: generate a privacy statement from an answers file (or stdin),
 * or print the example answers. Every mistake is a UsageError (exit 2) naming the flag, the
 * file or the answers field; the output is written whole or not at all.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError, errorMessage } from '../core/errors.js';
import {
  EXAMPLE_ANSWERS,
  GENERATOR_LANGS,
  generateStatement,
  isGeneratorLang,
  renderStatement,
  STATEMENT_FORMATS,
  type StatementFormat,
  validateAnswers,
  type GeneratorLang,
} from '../privacy-statement/generator/index.js';
import { parseFlags } from '../core/args.js';

export interface StatementIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Where `--answers -` reads from (default: process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

/** An answers file is a few kilobytes; this bounds memory for a wrong file or an endless pipe. */
export const MAX_ANSWERS_BYTES = 1024 * 1024;

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_ANSWERS_BYTES) throw new UsageError(`--answers: standard input is larger than ${MAX_ANSWERS_BYTES} bytes; that is not an answers file`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readAnswersFile(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`--answers: '${path}' is not a file`);
    if (info.size > MAX_ANSWERS_BYTES) throw new UsageError(`--answers: '${path}' is larger than ${MAX_ANSWERS_BYTES} bytes; that is not an answers file`);
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--answers: cannot read '${path}': ${errorMessage(error)}`);
  }
}

/** JSON.parse with the place of a syntax error as line and column. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const message = errorMessage(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const offset = position !== undefined ? Number(position) : /end of (?:JSON|data) input/i.test(message) ? text.length : undefined;
    let where = '';
    if (offset !== undefined) {
      const before = text.slice(0, offset).split('\n');
      where = ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
    }
    throw new UsageError(`--answers: ${source} is not valid JSON${where}: ${message}`);
  }
}

/** Write to a temporary file beside the target, then rename: readers see the old file or the new, never half. */
export async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx', mode: 0o644 });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new UsageError(`--out: cannot write '${path}': ${errorMessage(error)}`);
  }
}

function defaultLang(env: NodeJS.ProcessEnv, preferred: readonly GeneratorLang[] | undefined): GeneratorLang {
  if (preferred?.[0]) return preferred[0];
  const fromEnv = (env.WEERBAAR_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '').slice(0, 2).toLowerCase();
  return isGeneratorLang(fromEnv) ? fromEnv : 'en';
}

export async function privacyStatementCommand(argv: string[], io: StatementIo): Promise<number> {
  const { values, positionals } = parseFlags({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      answers: { type: 'string' },
      example: { type: 'boolean', default: false },
      lang: { type: 'string' },
      format: { type: 'string' },
      standalone: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`privacy-statement takes no arguments ('${positionals[0]}'); give the answers with --answers FILE`);
  if (values.lang !== undefined && !isGeneratorLang(values.lang)) throw new UsageError(`--lang: '${values.lang}' is not one of ${GENERATOR_LANGS.join(', ')}`);
  const format = values.format ?? 'markdown';
  if (!(STATEMENT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: '${format}' is not one of ${STATEMENT_FORMATS.join(', ')}`);
  if (values.standalone && format !== 'html') throw new UsageError('--standalone: only applies to --format html');
  if (values.out === '') throw new UsageError('--out: give a file name');

  if (values.example) {
    if (values.answers !== undefined) throw new UsageError('--example prints the example answers; it cannot be combined with --answers');
    const json = `${JSON.stringify(EXAMPLE_ANSWERS, null, 2)}\n`;
    if (values.out !== undefined) await writeAtomically(values.out, json);
    else io.out(json);
    return 0;
  }
  if (values.answers === undefined || values.answers === '') throw new UsageError('give the answers with --answers FILE (or --answers - for standard input); --example prints a file to start from');

  const source = values.answers === '-' ? 'standard input' : `'${values.answers}'`;
  const raw = values.answers === '-' ? await readStdin(io.stdin ?? process.stdin) : await readAnswersFile(values.answers);
  const validation = validateAnswers(parseJson(raw, source));
  if (!validation.ok) {
    const count = validation.errors.length;
    const lines = validation.errors.map((error) => `  ${error.field}: ${error.message}`);
    throw new UsageError(`--answers: ${source} has ${count} ${count === 1 ? 'problem' : 'problems'}:\n${lines.join('\n')}`);
  }

  const lang = values.lang ?? defaultLang(io.env, validation.answers.languages);
  const doc = generateStatement(validation.answers, lang);
  for (const warning of doc.warnings) io.err(`weerbaar: note: ${warning.field}: ${warning.message}\n`);
  const rendered = renderStatement(doc, format as StatementFormat, { standalone: values.standalone });
  if (values.out !== undefined) await writeAtomically(values.out, rendered);
  else io.out(rendered);
  return 0;
}

