/**
 * `weerbaar admin create --email E [--name N]`: the first administrator of an instance.
 * The password comes from WEERBAAR_ADMIN_PASSWORD, else a prompt on a terminal (not
 * echoed), else the first line of standard input (for scripts: `... < password-file`).
 */
import { UsageError } from '../core/errors.js';
import { parseFlags } from '../core/args.js';
import { passwordProblem, MIN_PASSWORD_LENGTH, type PasswordProblem } from '../accounts/passwords.js';
import { createUser, findUserByEmail, isEmail, normaliseEmail } from '../accounts/users.js';
import { auditByOperator, type Operator } from '../audit/audit.js';
import { parseDatabaseLocation } from './locations.js';
import { openMigrated } from './features.js';

export interface AdminIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Where the password is read from when the environment does not give it. */
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
}

export interface AdminCreateCommand {
  email: string;
  name: string;
  dataDir: string;
  databaseUrl: string | undefined;
}

const PROBLEM_TEXT: Record<PasswordProblem, string> = {
  tooShort: `is shorter than ${MIN_PASSWORD_LENGTH} characters`,
  tooLong: 'is longer than 256 characters',
  common: 'is on the list of common passwords',
  containsEmail: 'contains the e-mail address',
};

export function parseAdminArgs(argv: string[], env: NodeJS.ProcessEnv): AdminCreateCommand {
  const [action, ...rest] = argv;
  if (action !== 'create') throw new UsageError(action === undefined ? 'admin: say what to do: weerbaar admin create --email you@example.org' : `admin: unknown action '${action}' (only 'create')`);
  const { values } = parseFlags({ args: rest, strict: true, options: { email: { type: 'string' }, name: { type: 'string' }, data: { type: 'string' } } });
  const email = values.email?.trim();
  if (!email) throw new UsageError('--email: give the administrator\'s e-mail address, e.g. --email you@example.org');
  if (!isEmail(email)) throw new UsageError(`--email: '${email}' is not an e-mail address`);
  const name = values.name?.trim() || 'Administrator';
  if (name.length > 200) throw new UsageError('--name: at most 200 characters');
  return { email: normaliseEmail(email), name, ...parseDatabaseLocation(values, env) };
}

/** Read a line from a terminal without echoing it. */
function promptHidden(io: AdminIo, question: string): Promise<string> {
  const input = io.input;
  return new Promise((resolve, reject) => {
    io.err(question);
    let typed = '';
    input.setRawMode?.(true);
    input.resume();
    const done = (error?: Error): void => {
      input.setRawMode?.(false);
      input.pause();
      input.off('data', onData);
      io.err('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003' || char === '\u0004') return done(new UsageError('admin create: cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}

/** The first line of a piped standard input. */
async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += chunk.toString();
    if (text.includes('\n') || text.length > 4096) break;
  }
  return (text.split(/\r?\n/)[0] ?? '').slice(0, 4096);
}

async function readPassword(io: AdminIo, email: string): Promise<string> {
  const fromEnv = io.env.WEERBAAR_ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (io.input.isTTY) {
    const first = await promptHidden(io, `Password for ${email} (at least ${MIN_PASSWORD_LENGTH} characters): `);
    const problem = passwordProblem(first, email);
    if (problem) throw new UsageError(`the password ${PROBLEM_TEXT[problem]}`);
    const again = await promptHidden(io, 'The same password again: ');
    if (again !== first) throw new UsageError('the two passwords differ');
    return first;
  }
  return readFirstLine(io.input);
}

/** Exit code: 0 created, 1 the address already has an account, 2 bad input. */
export async function adminCreate(command: AdminCreateCommand, io: AdminIo, operator: Operator): Promise<number> {
  const password = await readPassword(io, command.email);
  const problem = passwordProblem(password, command.email);
  if (problem) throw new UsageError(`the password ${PROBLEM_TEXT[problem]} (set WEERBAAR_ADMIN_PASSWORD, type it at the prompt, or pipe it on standard input)`);
  const database = await openMigrated(command);
  try {
    if (await findUserByEmail(database.db, command.email)) {
      io.err(`weerbaar: ${command.email} already has an account in ${database.location}; nothing changed. Sign in with it, or choose another address.\n`);
      return 1;
    }
    const user = await createUser(database.db, { email: command.email, displayName: command.name, password, isAdmin: true, emailVerified: true });
    await auditByOperator(database.db, operator, { orgId: null, action: 'create', recordType: 'user', recordId: user.id, detail: { admin: true } });
    io.out(
      `Administrator ${user.email} created in ${database.location}.\n` +
        `Next: start the server with \`weerbaar serve${command.databaseUrl === undefined && command.dataDir !== './data' ? ` --data ${command.dataDir}` : ''}\`${command.databaseUrl ? ' (with the same DATABASE_URL)' : ''}, ` +
        `open http://localhost:8080/login and sign in with this address; then create your organisation.\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
