/**
 * `weerbaar admin ...`: an operator's provisioning without a browser, on the database
 * `weerbaar serve` uses (--data / WEERBAAR_DATA for SQLite, DATABASE_URL for PostgreSQL),
 * migrated the same way first.
 *
 *   admin create --email E [--name N]                  the first administrator (server/admin.ts)
 *   admin org create --name N --owner EMAIL [--kind K]  prints the organisation's id
 *   admin token create --org ID|NAME [--name T]         prints the token, once
 *
 * Standard output carries only the result a script captures (the id, the token); what a
 * person reads goes to standard error. Every change is in the organisation's audit log as
 * the operator's (auditByOperator: "via": "cli" and the OS user), like the same action on
 * the web. The work itself is the features' own functions (orgs, accounts, tokens).
 */
import { userInfo } from 'node:os';
import { UsageError } from '../core/errors.js';
import { parseFlags } from '../core/args.js';
import { isEmail, normaliseEmail } from '../accounts/users.js';
import type { Operator } from '../audit/audit.js';
import { ORG_KINDS, type OrgKind } from '../db/schema.js';
import { DEFAULT_PORT, parseBaseUrl, parseDatabaseLocation } from '../server/locations.js';
import type { Io } from './io.js';

type Location = ReturnType<typeof parseDatabaseLocation>;

/**
 * What the actions do, from the features, and the database opened and migrated like the
 * server's. Loaded only once the flags are read: the database layer and the migrations
 * (which come with every feature) take a second to load, and a mistyped flag should not wait.
 */
async function work() {
  const [invitations, users, audit, orgs, tokens, features] = await Promise.all([
    import('../accounts/invitations.js'),
    import('../accounts/users.js'),
    import('../audit/audit.js'),
    import('../orgs/data.js'),
    import('../tokens/data.js'),
    import('../server/features.js'),
  ]);
  return { ...invitations, ...users, ...audit, ...orgs, ...tokens, openDatabase: (location: Location) => features.openMigrated(location) };
}

/** The operator: the OS account that runs the command (what the audit log can honestly say). */
export function currentOperator(env: NodeJS.ProcessEnv): Operator {
  let name: string | undefined;
  try {
    name = userInfo().username;
  } catch {
    name = env.USER ?? env.LOGNAME;
  }
  const clean = (name ?? '').replace(/[^\w.@-]/g, '_').slice(0, 64);
  return { osUser: clean || 'unknown' };
}

function required(label: string, value: string | undefined, example: string): string {
  const trimmed = value?.trim();
  if (!trimmed) throw new UsageError(`${label}: required, e.g. ${label} ${example}`);
  return trimmed;
}

function nameFlag(label: string, raw: string | undefined, max: number, example: string): string {
  const name = required(label, raw, example);
  if (name.length > max) throw new UsageError(`${label}: at most ${max} characters (got ${name.length})`);
  // eslint-disable-next-line no-control-regex -- exactly the characters refused
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new UsageError(`${label}: must not contain control characters`);
  return name;
}

interface OrgCreate {
  name: string;
  owner: string;
  kind: OrgKind;
  location: Location;
  baseUrl: string;
}

function parseOrgCreate(argv: string[], env: NodeJS.ProcessEnv): OrgCreate {
  const { values } = parseFlags({ args: argv, strict: true, options: { name: { type: 'string' }, owner: { type: 'string' }, kind: { type: 'string' }, data: { type: 'string' } } });
  const name = nameFlag('--name', values.name, 200, '"Jansen Fietsen"');
  const owner = normaliseEmail(required('--owner', values.owner, 'owner@shop.example'));
  if (!isEmail(owner)) throw new UsageError(`--owner: '${values.owner ?? ''}' is not an e-mail address`);
  const kind = values.kind ?? 'webshop';
  if (!(ORG_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind: '${kind}' must be one of ${ORG_KINDS.join(', ')}`);
  return { name, owner, kind: kind as OrgKind, location: parseDatabaseLocation(values, env), baseUrl: parseBaseUrl(env.WEERBAAR_BASE_URL, DEFAULT_PORT) };
}

/**
 * An organisation with its owner. An owner without an account cannot be made a member
 * yet: the organisation starts with no members and an owner invitation, whose link is
 * printed (on standard error) for the operator to pass on; accepting it makes them owner.
 */
async function orgCreate(argv: string[], io: Io, operator: Operator): Promise<number> {
  const command = parseOrgCreate(argv, io.env);
  const { openDatabase, findUserByEmail, createOrg, auditByOperator, createInvitation, operatorRef, INVITATION_DAYS } = await work();
  const database = await openDatabase(command.location);
  try {
    const db = database.db;
    const user = await findUserByEmail(db, command.owner);
    const org = await createOrg(db, { name: command.name, kind: command.kind, ownerId: user?.id });
    await auditByOperator(db, operator, { orgId: org.id, action: 'create', recordType: 'org', recordId: org.id, detail: { name: org.name, kind: org.kind, owner: command.owner } });
    if (user) {
      await auditByOperator(db, operator, { orgId: org.id, action: 'create', recordType: 'membership', recordId: user.id, detail: { role: 'owner' } });
      io.err(`Organisation "${org.name}" created in ${database.location}, with owner ${user.email}.\n`);
    } else {
      const { invitation, token } = await createInvitation(db, { orgId: org.id, email: command.owner, role: 'owner', invitedBy: operatorRef(operator) });
      await auditByOperator(db, operator, { orgId: org.id, action: 'create', recordType: 'invitation', recordId: invitation.id, detail: { email: command.owner, role: 'owner' } });
      io.err(
        `Organisation "${org.name}" created in ${database.location}. ${command.owner} has no account yet, so it has no members until they accept ` +
          `this owner invitation (it works once, for ${INVITATION_DAYS} days; no e-mail was sent, pass it on yourself):\n  ${command.baseUrl}/invitations/${token}\n`,
      );
    }
    io.out(`${org.id}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

async function tokenCreate(argv: string[], io: Io, operator: Operator): Promise<number> {
  const { values } = parseFlags({ args: argv, strict: true, options: { org: { type: 'string' }, name: { type: 'string' }, data: { type: 'string' } } });
  const ref = required('--org', values.org, '"Jansen Fietsen" (its exact name) or its id');
  const name = values.name === undefined ? `weerbaar admin (${operator.osUser})` : nameFlag('--name', values.name, 100, '"Nightly scan"');
  const location = parseDatabaseLocation(values, io.env);
  const { openDatabase, orgsByIdOrName, createApiToken, auditByOperator, operatorRef } = await work();
  const database = await openDatabase(location);
  try {
    const db = database.db;
    const orgs = await orgsByIdOrName(db, ref);
    const [org] = orgs;
    if (!org) throw new UsageError(`--org: no organisation has the id or the exact name '${ref}' in ${database.location}`);
    if (orgs.length > 1) {
      throw new UsageError(`--org: ${orgs.length} organisations are named '${ref}'; give the id of the one you mean: ${orgs.map((one) => `${one.id} (${one.kind}, created ${one.created_at.slice(0, 10)})`).join(', ')}`);
    }
    const { token, row } = await createApiToken(db, { orgId: org.id, name, createdBy: operatorRef(operator) });
    await auditByOperator(db, operator, { orgId: org.id, action: 'create', recordType: 'api_token', recordId: row.id, detail: { name, prefix: row.prefix } });
    io.err(`API token "${name}" created for "${org.name}" (${org.id}). It is shown only this once: store it now. Owners see and revoke it under API tokens.\n`);
    io.out(`${token}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

/** The admin command's entry: dispatch on the action, e.g. `org create`. */
export async function adminCommand(argv: string[], io: Io): Promise<number> {
  const operator = currentOperator(io.env);
  const [first, second, ...rest] = argv;
  if (first === 'create') {
    const { adminCreate, parseAdminArgs } = await import('../server/admin.js');
    const command = parseAdminArgs(argv, io.env);
    return adminCreate(command, { out: io.out, err: io.err, env: io.env, input: io.stdin ?? process.stdin }, operator);
  }
  if (first === 'org' && second === 'create') return orgCreate(rest, io, operator);
  if (first === 'token' && second === 'create') return tokenCreate(rest, io, operator);
  if (first === undefined) throw new UsageError('admin: say what to do: weerbaar admin create | admin org create | admin token create');
  throw new UsageError(`admin: unknown action '${[first, second].filter(Boolean).join(' ')}' (create, org create, token create)`);
}
