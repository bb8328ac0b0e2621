/**
 * What `weerbaar --help` and `weerbaar <command> --help` print. Plain strings in a module
 * of their own, so help costs no more than reading this file: no command is loaded.
 */

export const COMMANDS = ['scan', 'checks', 'privacy-statement', 'serve', 'worker', 'admin'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const isCommand = (name: string | undefined): name is CommandName => (COMMANDS as readonly (string | undefined)[]).includes(name);

const EXIT_CODES = 'Exit codes: 0 the scan ran (whatever it found) or the server stopped cleanly, 1 it could not run, 2 bad usage.';

export const USAGE = `Usage:
  weerbaar scan <domain> [--json] [--lang en|nl|sv] [--only web|mail|privacy]
                [--resolver IP[:PORT]] [--ca-file PEM] [--trust-anchor FILE]
                [--dkim-selector NAME[,NAME]] [--max-pages N] [--allow-private] [--timeout S]
                [--explain-score]
  weerbaar checks [--json] [--lang en|nl|sv]
  weerbaar privacy-statement --answers FILE|- [--lang en|nl|sv|de|fr]
                [--format markdown|html|text] [--standalone] [--out FILE]
  weerbaar privacy-statement --example [--out FILE]
  weerbaar serve [--port N] [--host H] [--data DIR] [--workers N]
  weerbaar worker [--workers N]              (needs DATABASE_URL=postgres://...)
  weerbaar admin create --email E [--name N] [--data DIR]
  weerbaar admin org create --name N --owner EMAIL [--kind webshop|partner|hub] [--data DIR]
  weerbaar admin token create --org ID|NAME [--name T] [--data DIR]
  weerbaar --version | --help
  weerbaar <command> --help                  (that command's flags)

${EXIT_CODES}`;

export const COMMAND_USAGE: Record<CommandName, string> = {
  scan: `Usage: weerbaar scan <domain> [flags]

Checks a shop's website, e-mail domain and privacy statement from the outside and
explains every finding.

  --json                     the report as JSON instead of text
  --lang en|nl|sv            language of summaries and advice (default: WEERBAAR_LANG or LANG, else en)
  --only web|mail|privacy    one area (default: all three side by side)
  --resolver IP[:PORT]       send every DNS query to this server (default: the system's resolvers)
  --ca-file PEM              trust these roots in addition to the system store
  --trust-anchor FILE        DNSSEC trust anchor (DS or DNSKEY records) replacing the IANA root keys
  --dkim-selector NAME[,NAME]  DKIM selectors to look up before the common providers' ones
  --max-pages N              pages the privacy crawl reads at most (25)
  --allow-private            allow targets on loopback, private and other reserved addresses
  --timeout S                whole-scan time limit in seconds (60)
  --explain-score            show the points of every check
  -h, --help                 this text

${EXIT_CODES}`,
  checks: `Usage: weerbaar checks [--json] [--lang en|nl|sv]

Lists every check: its id, title and what it verifies.

  --json            as JSON: [{ "id", "title", "verifies" }]
  --lang en|nl|sv   language of titles (default: WEERBAAR_LANG or LANG, else en)
  -h, --help        this text`,
  'privacy-statement': `Usage:
  weerbaar privacy-statement --answers FILE|- [--lang en|nl|sv|de|fr]
                [--format markdown|html|text] [--standalone] [--out FILE]
  weerbaar privacy-statement --example [--out FILE]

Writes a GDPR art. 13 privacy statement from your answers (JSON).

  --answers FILE|-   the answers file, or - for standard input
  --example          print a small Dutch webshop's answers to start from
  --lang L           language of the statement (en)
  --format F         markdown, html or text (markdown)
  --standalone       with --format html: a whole page rather than a fragment
  --out FILE         write to FILE (whole or not at all) instead of standard output
  -h, --help         this text

Exit codes: 0 written, 2 a wrong flag or answer (every faulty field is named).`,
  serve: `Usage: weerbaar serve [--port N] [--host H] [--data DIR] [--workers N]

Starts the web app (SQLite in DIR by default, PostgreSQL with DATABASE_URL).

  --port N      TCP port (8080; 0 picks a free one)            PORT
  --host H      address to listen on (localhost)               WEERBAAR_HOST
  --data DIR    data folder: database and instance key (./data) WEERBAAR_DATA
  --workers N   scans run at a time by this process (2)        WEERBAAR_WORKERS
  -h, --help    this text

More settings come from the environment; the README lists them.
Exit codes: 0 stopped cleanly, 1 could not start, 2 a bad flag or variable.`,
  worker: `Usage: weerbaar worker [--workers N]

Runs scans from the PostgreSQL job queue (DATABASE_URL=postgres://... is required).

  --workers N   scans run at a time (2)   WEERBAAR_WORKERS
  -h, --help    this text

Exit codes: 0 stopped cleanly, 1 could not start, 2 a bad flag or variable.`,
  admin: `Usage:
  weerbaar admin create --email E [--name N] [--data DIR]
  weerbaar admin org create --name N --owner EMAIL [--kind webshop|partner|hub] [--data DIR]
  weerbaar admin token create --org ID|NAME [--name T] [--data DIR]

Sets up an instance without a browser, on the database \`weerbaar serve\` uses: SQLite in
--data DIR (WEERBAAR_DATA, ./data), or PostgreSQL when DATABASE_URL is set. Every change is
in the audit log as the operator's (the OS user). \`weerbaar admin <action> --help\` for one.

Exit codes: 0 done, 1 could not be done (the database is unreachable, the account exists), 2 bad usage.`,
};

/** Each admin action's own help (\`weerbaar admin org create --help\`). */
const ADMIN_USAGE: Record<string, string> = {
  create: `Usage: weerbaar admin create --email E [--name N] [--data DIR]

Creates the first administrator. The password comes from WEERBAAR_ADMIN_PASSWORD, else a
prompt, else the first line of standard input (at least 12 characters).

  --email E     the administrator's e-mail address
  --name N      display name
  --data DIR    data folder of the SQLite database (./data); or set DATABASE_URL
  -h, --help    this text

Exit codes: 0 created, 1 the account exists or the database is unreachable, 2 bad usage.`,
  'org create': `Usage: weerbaar admin org create --name N --owner EMAIL [--kind webshop|partner|hub] [--data DIR]

Creates an organisation and prints its id (only that, on standard output).
When EMAIL has an account, it becomes the owner. When it has none, the organisation
starts without members and an owner invitation is made: its link is printed on standard
error (no e-mail is sent); whoever opens it creates the account and becomes owner.

  --name N          the organisation's name (at most 200 characters)
  --owner EMAIL     its first owner
  --kind K          webshop (default), partner or hub
  --data DIR        data folder of the SQLite database (./data); or set DATABASE_URL
  -h, --help        this text

Invitation links start with WEERBAAR_BASE_URL (default http://localhost:8080).
Exit codes: 0 created, 1 the database is unreachable, 2 bad usage.`,
  'token create': `Usage: weerbaar admin token create --org ID|NAME [--name T] [--data DIR]

Creates an API token for an organisation and prints it once, on standard output (nothing
else goes there): \`TOKEN=$(weerbaar admin token create --org "Jansen Fietsen")\`.
Only its fingerprint is stored; owners see and revoke it under API tokens.

  --org ID|NAME   the organisation's id, or its exact name (when two share it, give the id)
  --name T        what the token is for (default: "weerbaar admin (<os user>)")
  --data DIR      data folder of the SQLite database (./data); or set DATABASE_URL
  -h, --help      this text

Exit codes: 0 created, 1 the database is unreachable, 2 bad usage (also an unknown org).`,
};

/** The help for a command, or for the admin action its arguments name. */
export function commandUsage(command: CommandName, rest: readonly string[]): string {
  if (command !== 'admin') return COMMAND_USAGE[command];
  const [first, second] = rest;
  return ADMIN_USAGE[first === 'create' ? 'create' : `${first ?? ''} ${second ?? ''}`] ?? COMMAND_USAGE.admin;
};

/** True when the arguments ask for help (before a `--` that ends the flags). */
export function asksForHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}
